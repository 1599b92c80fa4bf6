export type TSigningErrorCode =
  | "BAD_PASSPHRASE"
  | "BAD_PKCS12"
  | "UNSUPPORTED_KEY"
  | "UNSUPPORTED_PDF"
  | "MALFORMED_PDF"
  | "SIGNATURE_TOO_LARGE"
  | "SIGNER_FAILED";

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
