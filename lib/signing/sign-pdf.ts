import { createHash } from "node:crypto";
import type { TSignatureAppearance } from "./build-signature-appearance";
import { BYTE_RANGE_PLACEHOLDER, buildSignatureUpdate } from "./build-signature-update";
import { CadesSigner } from "./cades-signer";
import type { DocumentSigner } from "./signer";
import { SigningError } from "./signing-error";

export type TSignPdfOptions = {
  reason: string;
  location: string;
  // The signer's name as the PDF shows it (/Name); the certificate remains the authority.
  name: string;
  contactInfo?: string;
  signingTime: Date;
  // A visible signature drawn in this box (buildSignatureAppearance for the lines); invisible
  // without it.
  appearance?: TSignatureAppearance;
};

// Room for the CMS besides the certificates: signed attributes, SignerInfo and a signature of up
// to RSA-4096 take under 1.5 KB.
export const CMS_OVERHEAD_BYTES = 2048;

// Adds a PAdES (ETSI.CAdES.detached) signature as an incremental update. The input bytes are
// kept as they are, so the output's earlier signatures stay valid; the new one covers the whole
// output. The input must use classic cross-reference tables (pdf-lib: useObjectStreams: false).
//
// The output is, byte for byte, what @signpdf/signpdf's `SignPdf.sign` writes when given our
// placeholder and `CadesSigner` (docs/decisions/0002-pdf-signing.md; the tests compare the two),
// without its four copies of the file: the update (our signature field with @signpdf's
// /ByteRange placeholder) is appended in the one output buffer, SignPdf's byte ranges are
// written over the placeholder, the two ranges are hashed where they lie, and CadesSigner's CMS
// goes into /Contents, hex, zero-padded. Like SignPdf, the file ends at "%%EOF".
export async function signPdf(pdf: Buffer, signer: DocumentSigner, options: TSignPdfOptions): Promise<Buffer> {
  const certificates = await signer.certificates();
  const certificatesLength = [certificates.certificate, ...certificates.chain].reduce((n, c) => n + c.length, 0);
  const { update, contentsStart, contentsEnd } = buildSignatureUpdate(pdf, {
    ...options,
    subFilter: "ETSI.CAdES.detached",
    contentsLength: certificatesLength + CMS_OVERHEAD_BYTES,
  });
  // SignPdf's removeTrailingNewLine: the update ends "%%EOF\n".
  const updateLength = update[update.length - 1] === 0x0a ? update.length - 1 : update.length;
  const out = Buffer.allocUnsafe(pdf.length + updateLength);
  pdf.copy(out, 0);
  update.copy(out, pdf.length, 0, updateLength);

  // SignPdf's ranges: everything but the /Contents hex string, brackets included.
  const signedEnd = pdf.length + contentsStart;
  const signedResume = pdf.length + contentsEnd;
  const byteRange = `/ByteRange [0 ${signedEnd} ${signedResume} ${out.length - signedResume}]`;
  out.write(byteRange.padEnd(BYTE_RANGE_PLACEHOLDER.length, " "), pdf.length + update.indexOf(BYTE_RANGE_PLACEHOLDER), "latin1");

  const contentDigest = createHash("sha256").update(out.subarray(0, signedEnd)).update(out.subarray(signedResume)).digest();
  const cms = await new CadesSigner(signer, certificates).signDigest(contentDigest);
  const room = contentsEnd - contentsStart - 2;
  if (cms.length * 2 > room) {
    throw new SigningError("SIGNATURE_TOO_LARGE", "La firma no cabe en el espacio reservado en el PDF.");
  }
  out.write(cms.toString("hex"), signedEnd + 1, "latin1");
  return out;
}
