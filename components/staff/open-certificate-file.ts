import { BROWSER_SIGNING_MESSAGES, BrowserSigningError } from "@/lib/signing/browser/browser-signing-error";
import { describeCertificate } from "@/lib/signing/browser/describe-certificate";
import { openPkcs12, type TBrowserSigner } from "@/lib/signing/browser/open-pkcs12";
import { PKCS12_MAX_BYTES } from "./case-action-schemas";

// The signer's certificate opened in this browser tab (decision 0018): the non-extractable key
// behind `signer`, and what is sent to the server instead of the file: the certificate chain.
// Held in a React ref for the page only; never in localStorage, sessionStorage or IndexedDB.
export type TOpenedCertificate = {
  signer: TBrowserSigner;
  // Base64 DER, the signer's certificate first, then its issuers (what "prepare" takes).
  certificates: string[];
  // "Firmará como …"
  holder: string;
  validUntil: Date;
};

export type TCertificateField = "pkcs12" | "passphrase";
export type TOpenCertificateResult = { ok: true; opened: TOpenedCertificate } | { ok: false; field: TCertificateField; message: string };

// The messages a person reads next to the field; the passphrase is called what its label calls it.
const MESSAGES = {
  noFile: "Seleccione el archivo de su certificado (.p12).",
  noPassphrase: "Escriba la contraseña del certificado.",
  tooLarge: "El archivo es demasiado grande para ser un certificado (.p12).",
  BAD_PASSPHRASE: "La contraseña del certificado no es correcta. Escríbala de nuevo.",
  BAD_PKCS12: BROWSER_SIGNING_MESSAGES.BAD_PKCS12,
  NO_KEY: BROWSER_SIGNING_MESSAGES.NO_KEY,
  UNSUPPORTED_KEY: "Este certificado usa un tipo de clave que no se puede usar para firmar aquí (se aceptan RSA y ECDSA P-256).",
} as const;

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(b64: string): Uint8Array {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

// Reads the chosen file and opens it with the passphrase, here in the browser. The file's bytes
// are dropped (zeroed) once opened; nothing of it or of the passphrase is returned.
export async function openCertificateFile(file: File | null | undefined, passphrase: string): Promise<TOpenCertificateResult> {
  if (!file || file.size === 0) return { ok: false, field: "pkcs12", message: MESSAGES.noFile };
  if (file.size > PKCS12_MAX_BYTES) return { ok: false, field: "pkcs12", message: MESSAGES.tooLarge };
  if (passphrase === "") return { ok: false, field: "passphrase", message: MESSAGES.noPassphrase };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const signer = await openPkcs12(bytes, passphrase);
    const described = await describeCertificate(signer.certificate);
    return {
      ok: true,
      opened: {
        signer,
        certificates: [signer.certificate, ...signer.chain].map(toBase64),
        holder: described.subjectName,
        validUntil: described.notAfter,
      },
    };
  } catch (error) {
    if (error instanceof BrowserSigningError) {
      return { ok: false, field: error.code === "BAD_PASSPHRASE" ? "passphrase" : "pkcs12", message: MESSAGES[error.code] };
    }
    // No WebCrypto (not a secure context) or a library failure: said next to the file, in Spanish.
    return { ok: false, field: "pkcs12", message: error instanceof Error && /WebCrypto/.test(error.message) ? error.message : MESSAGES.BAD_PKCS12 };
  } finally {
    bytes.fill(0);
  }
}
