import { SignPdf, SignPdfError } from "@signpdf/signpdf";
import { buildSignatureUpdate } from "./build-signature-update";
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
};

// Room for the CMS besides the certificates: signed attributes, SignerInfo and a signature of up
// to RSA-4096 take under 1.5 KB.
const CMS_OVERHEAD_BYTES = 2048;

// Adds a PAdES (ETSI.CAdES.detached) signature as an incremental update. The input bytes are
// kept as they are, so the output's earlier signatures stay valid; the new one covers the whole
// output. The input must use classic cross-reference tables (pdf-lib: useObjectStreams: false).
//
// Two halves (docs/decisions/0002-pdf-signing.md): our incremental update writes the signature
// field with @signpdf's /ByteRange placeholder (@signpdf/placeholder-plain leaves qpdf warnings on
// a second signature and is slow on large files), then @signpdf/signpdf fills the byte ranges
// and asks CadesSigner for the CMS that goes into /Contents.
export async function signPdf(pdf: Buffer, signer: DocumentSigner, options: TSignPdfOptions): Promise<Buffer> {
  const certificates = await signer.certificates();
  const certificatesLength = [certificates.certificate, ...certificates.chain].reduce((n, c) => n + c.length, 0);
  const { update } = buildSignatureUpdate(pdf, {
    ...options,
    subFilter: "ETSI.CAdES.detached",
    contentsLength: certificatesLength + CMS_OVERHEAD_BYTES,
  });
  const withPlaceholder = Buffer.concat([pdf, update], pdf.length + update.length);
  try {
    return await new SignPdf().sign(withPlaceholder, new CadesSigner(signer, certificates));
  } catch (error) {
    if (!(error instanceof SignPdfError)) throw error;
    // The only @signpdf failure our placeholder leaves possible: a CMS larger than reserved.
    const code = /exceeds placeholder/i.test(error.message) ? "SIGNATURE_TOO_LARGE" : "MALFORMED_PDF";
    const message = code === "SIGNATURE_TOO_LARGE" ? "La firma no cabe en el espacio reservado en el PDF." : "No se pudo firmar el PDF.";
    throw new SigningError(code, message, { cause: error });
  }
}
