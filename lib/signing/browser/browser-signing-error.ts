export type TBrowserSigningErrorCode = "BAD_PASSPHRASE" | "BAD_PKCS12" | "NO_KEY" | "UNSUPPORTED_KEY";

// Spanish: these reach the person signing. Where they overlap, the same words as the server's
// lib/signing/pkcs12-signer.ts, so the person reads one message for one problem whichever side
// opened the file. They never contain the passphrase or key material.
export const BROWSER_SIGNING_MESSAGES: Record<TBrowserSigningErrorCode, string> = {
  BAD_PASSPHRASE: "La frase de acceso del certificado no es correcta.",
  BAD_PKCS12: "El archivo del certificado está dañado o no es un archivo PKCS#12 (.p12/.pfx) válido.",
  NO_KEY: "El archivo del certificado no contiene una clave privada.",
  UNSUPPORTED_KEY: "No se pudo leer la clave privada del certificado.",
};

export class BrowserSigningError extends Error {
  readonly code: TBrowserSigningErrorCode;

  constructor(code: TBrowserSigningErrorCode, message = BROWSER_SIGNING_MESSAGES[code], options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BrowserSigningError";
    this.code = code;
  }
}
