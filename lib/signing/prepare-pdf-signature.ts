import { buildSignedAttributes } from "./build-cades-signed-data";
import { buildSignatureUpdate } from "./build-signature-update";
import { fillByteRange } from "./fill-byte-range";
import type { TSignPdfOptions } from "./sign-pdf";
import type { TSignerCertificates } from "./signer";

export type TPreparedPdfSignature = {
  // The input with the signature update appended, /ByteRange filled and /Contents still zeros.
  prepared: Buffer;
  // DER SET OF the CMS signed attributes: exactly the bytes the signer signs.
  signedAttributes: Buffer;
  // SHA-256 of the two byte ranges (the messageDigest attribute).
  contentDigest: Buffer;
  // Bytes reserved for the CMS in /Contents.
  contentsLength: number;
};

// Room for the CMS besides the certificates: signed attributes, SignerInfo and a signature of up
// to RSA-4096 take under 1.5 KB.
export const CMS_OVERHEAD_BYTES = 2048;

// Room for the signature-time-stamp-token. Measured: a token from the test TSA (openssl ts,
// RSA-2048, its certificate and the root, ESS chain, 2026-12) takes 2 841 bytes; an accredited
// TSA's with a three-certificate RSA-4096 chain takes about 7 KB. A token larger than this is
// not refused: the signature is made again with room measured from that token.
export const TIMESTAMP_TOKEN_RESERVE_BYTES = 8192;

// The /Contents room a signature with these certificates needs (with a signature timestamp or not).
export function defaultContentsLength(certificates: TSignerCertificates, withTimestamp: boolean): number {
  const certificatesLength = [certificates.certificate, ...certificates.chain].reduce((n, c) => n + c.length, 0);
  return certificatesLength + CMS_OVERHEAD_BYTES + (withTimestamp ? TIMESTAMP_TOKEN_RESERVE_BYTES : 0);
}

// First half of a PAdES signature, without the private key: the update is placed (signature
// field, appearance, @signpdf's /ByteRange), the byte ranges hashed, and the CMS signed
// attributes built for that digest and this certificate. Whoever holds the key (the browser, a
// token) signs `signedAttributes`; completePdfSignature embeds the result.
export function preparePdfSignature(
  pdf: Buffer,
  certificates: TSignerCertificates,
  fields: Omit<TSignPdfOptions, "timestamp">,
  contentsLength: number,
): TPreparedPdfSignature {
  const placed = fillByteRange(pdf, buildSignatureUpdate(pdf, { ...fields, subFilter: "ETSI.CAdES.detached", contentsLength }));
  return {
    prepared: placed.out,
    signedAttributes: buildSignedAttributes(placed.contentDigest, certificates.certificate),
    contentDigest: placed.contentDigest,
    contentsLength,
  };
}
