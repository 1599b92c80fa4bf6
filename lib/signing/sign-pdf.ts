import { createHash } from "node:crypto";
import { buildCadesSignedData } from "./build-cades-signed-data";
import { buildSignatureUpdate } from "./build-signature-update";
import type { DocumentSigner } from "./signer";
import { SigningError } from "./signing-error";

export type TSignPdfOptions = {
  reason: string;
  location: string;
  // The signer's name as the PDF shows it (/Name); the certificate remains the authority.
  name: string;
  contactInfo?: string;
  signingTime: Date;
};

// Room for the CMS besides the certificates: signed attributes, SignerInfo and a signature of up
// to RSA-4096 take under 1.5 KB.
const CMS_OVERHEAD_BYTES = 2048;

// Adds a PAdES (ETSI.CAdES.detached) signature as an incremental update. The input bytes are
// kept as they are, so the output's earlier signatures stay valid; the new one covers the whole
// output. The input must use classic cross-reference tables (pdf-lib: useObjectStreams: false).
//
// Cost for a large file is one SHA-256 pass over it and one copy into the output: the two byte
// ranges are hashed where they lie, and the signature is written into the update before the
// update is joined to the original.
export async function signPdf(pdf: Buffer, signer: DocumentSigner, options: TSignPdfOptions): Promise<Buffer> {
  const certificates = await signer.certificates();
  const certificatesLength = [certificates.certificate, ...certificates.chain].reduce((n, c) => n + c.length, 0);
  const { update, contentsStart, contentsEnd } = buildSignatureUpdate(pdf, {
    ...options,
    subFilter: "ETSI.CAdES.detached",
    contentsLength: certificatesLength + CMS_OVERHEAD_BYTES,
  });

  const contentDigest = createHash("sha256")
    .update(pdf)
    .update(update.subarray(0, contentsStart))
    .update(update.subarray(contentsEnd))
    .digest();
  const cms = await buildCadesSignedData({ contentDigest, signer, certificates });

  const room = contentsEnd - contentsStart - 2;
  if (cms.length * 2 > room) {
    throw new SigningError("SIGNATURE_TOO_LARGE", `La firma (${cms.length} bytes) no cabe en el espacio reservado (${room / 2} bytes).`);
  }
  update.write(cms.toString("hex"), contentsStart + 1, "latin1");
  return Buffer.concat([pdf, update], pdf.length + update.length);
}
