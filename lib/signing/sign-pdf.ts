import type { TSignatureAppearance } from "./build-signature-appearance";
import { signWithSigner } from "./build-cades-signed-data";
import { completePdfSignature } from "./complete-pdf-signature";
import type { TFetch } from "./fetch-der";
import { defaultContentsLength, preparePdfSignature } from "./prepare-pdf-signature";
import type { DocumentSigner } from "./signer";
import { SigningError } from "./signing-error";
import type { TTimestamp } from "./timestamp/request-timestamp";
import type { TTsaConfig } from "./timestamp/tsa-config";

export type TSignPdfTimestampOptions = {
  // null/undefined → refused (TSA_NOT_CONFIGURED): asked for a timestamp, never sign without one.
  tsa: TTsaConfig | null | undefined;
  trustedRoots: Array<Buffer | string>;
  fetch?: TFetch;
  timeoutMs?: number;
};

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
  // PAdES B-T: an RFC 3161 timestamp over the signature value, embedded as the CMS unsigned
  // attribute signature-time-stamp-token.
  timestamp?: TSignPdfTimestampOptions;
};

export type TSignedPdf = {
  pdf: Buffer;
  // The timestamp embedded in the signature (genTime, TSA), when one was asked for.
  timestamp: TTimestamp | null;
};

export { CMS_OVERHEAD_BYTES, TIMESTAMP_TOKEN_RESERVE_BYTES } from "./prepare-pdf-signature";

// Adds a PAdES (ETSI.CAdES.detached) signature as an incremental update. The input bytes are
// kept as they are, so the output's earlier signatures stay valid; the new one covers the whole
// output. The input must use classic cross-reference tables (pdf-lib: useObjectStreams: false).
//
// Without `timestamp`, the output is, byte for byte, what @signpdf/signpdf's `SignPdf.sign`
// writes when given our placeholder and `CadesSigner` (docs/decisions/0002-pdf-signing.md; the
// tests compare the two), without its four copies of the file: the update (our signature field
// with @signpdf's /ByteRange placeholder) is appended in the one output buffer, SignPdf's byte
// ranges are written over the placeholder, the two ranges are hashed where they lie, and
// CadesSigner's CMS goes into /Contents, hex, zero-padded. Like SignPdf, the file ends at "%%EOF".
export async function signPdf(pdf: Buffer, signer: DocumentSigner, options: TSignPdfOptions): Promise<Buffer> {
  return (await signPdfWithDetails(pdf, signer, options)).pdf;
}

// One code path with the browser's signatures: preparePdfSignature → signer.sign →
// completePdfSignature.
export async function signPdfWithDetails(pdf: Buffer, signer: DocumentSigner, options: TSignPdfOptions): Promise<TSignedPdf> {
  const certificates = await signer.certificates();
  const { timestamp, ...fields } = options;
  let reserve = defaultContentsLength(certificates, Boolean(timestamp));
  for (let attempt = 0; ; attempt++) {
    const { prepared, signedAttributes } = preparePdfSignature(pdf, certificates, fields, reserve);
    const signatureValue = await signWithSigner(signer, signedAttributes);
    try {
      const { pdf: signed, timestamp: token } = await completePdfSignature({ prepared, signedAttributes, signatureValue, certificates, timestamp });
      return { pdf: signed, timestamp: token };
    } catch (error) {
      // Only a timestamp can outgrow what was measured for it: one more try, sized from it.
      if (!(error instanceof SigningError) || error.code !== "SIGNATURE_TOO_LARGE" || !timestamp || attempt > 0) throw error;
      reserve = (error as SigningError & { cmsLength: number }).cmsLength + 1024;
    }
  }
}
