export type TSigningErrorCode =
  | "BAD_PASSPHRASE"
  | "BAD_PKCS12"
  | "UNSUPPORTED_KEY"
  | "UNSUPPORTED_PDF"
  | "MALFORMED_PDF"
  | "SIGNATURE_TOO_LARGE"
  | "SIGNER_FAILED"
  // Trusted timestamps (RFC 3161): no TSA configured, TSA unreachable, TSA said no, or its answer
  // failed a check (status, nonce, imprint, signature, certificate).
  | "TSA_NOT_CONFIGURED"
  | "TSA_UNAVAILABLE"
  | "TSA_REFUSED"
  | "TSA_INVALID"
  // Revocation data (OCSP, CRL): none could be fetched and verified, or a certificate is revoked.
  | "REVOCATION_UNAVAILABLE"
  | "CERTIFICATE_REVOKED";

// Messages are Spanish because they reach the person who is signing; they never contain the
// passphrase or key material.
export class SigningError extends Error {
  readonly code: TSigningErrorCode;

  constructor(code: TSigningErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SigningError";
    this.code = code;
  }
}
