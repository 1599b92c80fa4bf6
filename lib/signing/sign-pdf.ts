import type { TSignatureAppearance } from "./build-signature-appearance";
import { buildSignatureUpdate } from "./build-signature-update";
import { CadesSigner } from "./cades-signer";
import type { TFetch } from "./fetch-der";
import { fillByteRange } from "./fill-byte-range";
import type { DocumentSigner } from "./signer";
import { SigningError } from "./signing-error";
import { buildTimestampAttribute } from "./timestamp/build-timestamp-attribute";
import { requestTimestamp, type TTimestamp } from "./timestamp/request-timestamp";
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

// Room for the CMS besides the certificates: signed attributes, SignerInfo and a signature of up
// to RSA-4096 take under 1.5 KB.
export const CMS_OVERHEAD_BYTES = 2048;

// Room for the signature-time-stamp-token. Measured: a token from the test TSA (openssl ts,
// RSA-2048, its certificate and the root, ESS chain, 2026-12) takes 2 841 bytes; an accredited
// TSA's with a three-certificate RSA-4096 chain takes about 7 KB. A token larger than this is
// not refused: the signature is made again with room measured from that token.
export const TIMESTAMP_TOKEN_RESERVE_BYTES = 8192;

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

export async function signPdfWithDetails(pdf: Buffer, signer: DocumentSigner, options: TSignPdfOptions): Promise<TSignedPdf> {
  const certificates = await signer.certificates();
  const certificatesLength = [certificates.certificate, ...certificates.chain].reduce((n, c) => n + c.length, 0);
  let reserve = certificatesLength + CMS_OVERHEAD_BYTES + (options.timestamp ? TIMESTAMP_TOKEN_RESERVE_BYTES : 0);
  for (let attempt = 0; ; attempt++) {
    const result = await signOnce(pdf, signer, certificates, options, reserve);
    if (result.ok) return result.signed;
    // Only a timestamp can outgrow what was measured for it: one more try, sized from it.
    if (!options.timestamp || attempt > 0) {
      throw new SigningError("SIGNATURE_TOO_LARGE", "La firma no cabe en el espacio reservado en el PDF.");
    }
    reserve = result.cmsLength + 1024;
  }
}

async function signOnce(
  pdf: Buffer,
  signer: DocumentSigner,
  certificates: Awaited<ReturnType<DocumentSigner["certificates"]>>,
  options: TSignPdfOptions,
  contentsLength: number,
): Promise<{ ok: true; signed: TSignedPdf } | { ok: false; cmsLength: number }> {
  const { timestamp: timestampOptions, ...fields } = options;
  const placed = fillByteRange(pdf, buildSignatureUpdate(pdf, { ...fields, subFilter: "ETSI.CAdES.detached", contentsLength }));
  let timestamp: TTimestamp | null = null;
  const unsignedAttributes = timestampOptions
    ? async (signatureValue: Buffer) => {
        // ETSI EN 319 122-1 §5.3: the signature timestamp's imprint is over the SignerInfo's
        // signature value.
        timestamp = await requestTimestamp(signatureValue, timestampOptions);
        return [buildTimestampAttribute(timestamp.token)];
      }
    : undefined;
  const cms = await new CadesSigner(signer, certificates, { unsignedAttributes }).signDigest(placed.contentDigest);
  if (!placed.writeContents(cms)) return { ok: false, cmsLength: cms.length };
  return { ok: true, signed: { pdf: placed.out, timestamp } };
}
