import type { TFieldErrors } from "@/lib/errors";

// A wrong passphrase or a file that is not a PKCS#12 never reaches the server: the browser opens
// the .p12 and says so itself (lib/signing/browser).
export type TSigningRefusalCode = "NOT_AUTHORIZED" | "NOT_VALID_TODAY" | "REVOKED" | "CERTIFICATE_REVOKED" | "POST_NOT_ALLOWED"
  // Browser signing (decision 0017): the prepared signing is unknown, used or expired; the value does not verify.
  | "PREPARED_SIGNING_INVALID"
  | "SIGNATURE_MISMATCH";

// The form field the person must correct.
export type TSigningRefusalField = "pkcs12";

const DEFAULT_MESSAGES: Record<TSigningRefusalCode, string> = {
  NOT_AUTHORIZED: "Este certificado no está en el registro de firmantes autorizados para esta oficina.",
  NOT_VALID_TODAY: "Este certificado no está vigente hoy.",
  REVOKED: "Este certificado fue revocado en el registro de firmantes autorizados.",
  CERTIFICATE_REVOKED: "Este certificado fue revocado por su autoridad de certificación. Use su certificado vigente.",
  POST_NOT_ALLOWED: "El puesto con que este certificado está registrado no puede firmar por esta Dirección Departamental.",
  PREPARED_SIGNING_INVALID: "La firma preparada ya no es válida. Vuelva a firmar.",
  SIGNATURE_MISMATCH: "La firma recibida no corresponde al documento preparado ni al certificado. Vuelva a firmar.",
};

const FIELDS: Record<TSigningRefusalCode, TSigningRefusalField> = {
  NOT_AUTHORIZED: "pkcs12",
  NOT_VALID_TODAY: "pkcs12",
  REVOKED: "pkcs12",
  CERTIFICATE_REVOKED: "pkcs12",
  POST_NOT_ALLOWED: "pkcs12",
  PREPARED_SIGNING_INVALID: "pkcs12",
  SIGNATURE_MISMATCH: "pkcs12",
};

// A signature the system refuses to make with the certificate it was given: the person can fix it
// (another certificate, signing again). Nothing has been stored when this is thrown, and the
// message never contains the passphrase or key material. lib/errors shows it as is (by name).
export class SigningRefusal extends Error {
  readonly code: TSigningRefusalCode;
  readonly field: TSigningRefusalField;
  readonly fieldErrors: TFieldErrors;

  constructor(code: TSigningRefusalCode, message: string = DEFAULT_MESSAGES[code]) {
    super(message);
    this.name = "SigningRefusal";
    this.code = code;
    this.field = FIELDS[code];
    this.fieldErrors = { [this.field]: [message] };
  }
}

export function isSigningRefusal(e: unknown): e is SigningRefusal {
  return e instanceof SigningRefusal;
}
