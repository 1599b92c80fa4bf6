import "server-only";
import { fingerprintCertificate } from "@/lib/pki/fingerprint-certificate";
import { readCertificate } from "@/lib/pki/read-certificate";
import type { TCertificateInfo } from "@/lib/pki/types";
import { invalidInput } from "./admin-options";

export const MAX_CERTIFICATE_BYTES = 64 * 1024;
export const PRIVATE_KEY_MESSAGE =
  "Este archivo contiene una clave privada (PKCS#12 / .p12 / .pfx / .key). El registro solo recibe el certificado público (.pem, .cer o .crt): nunca suba la clave privada de un firmante.";
export const NOT_A_CERTIFICATE_MESSAGE = "El archivo no es un certificado X.509 válido. Suba el certificado público en formato PEM o DER (.pem, .cer o .crt).";
export const NO_CERTIFICATE_MESSAGE = "Elija el archivo del certificado (.pem, .cer o .crt).";

export type TSignerCertificate = { info: TCertificateInfo; fingerprint: string };

// A PKCS#12 is a DER SEQUENCE whose first element is INTEGER 3; a certificate's first element is a SEQUENCE.
function looksLikePkcs12(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  let i = 1;
  const len = bytes[i++];
  if (len & 0x80) i += len & 0x7f;
  return bytes[i] === 0x02 && bytes[i + 1] === 0x01 && bytes[i + 2] === 0x03;
}

function refusePrivateKeys(fileName: string, bytes: Uint8Array): void {
  const text = Buffer.from(bytes.subarray(0, Math.min(bytes.length, MAX_CERTIFICATE_BYTES))).toString("latin1");
  if (/\.(p12|pfx|key)$/i.test(fileName) || /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) || looksLikePkcs12(bytes)) {
    throw invalidInput({ certificate: [PRIVATE_KEY_MESSAGE] });
  }
}

// A signer's public certificate as uploaded (.pem, .cer, .crt; PEM or DER) for the registry of
// authorized signers: by the administrator, or by a DIDEDUC's director notifying a new signer.
// Refuses a private key or PKCS#12 (by name and by content), anything that is not an X.509
// certificate, and a CA certificate; every refusal is a field error on `certificate`.
export function readSignerCertificate(fileName: string, bytes: Uint8Array): TSignerCertificate {
  if (bytes.length === 0) throw invalidInput({ certificate: [NO_CERTIFICATE_MESSAGE] });
  if (bytes.length > MAX_CERTIFICATE_BYTES) throw invalidInput({ certificate: ["El archivo es demasiado grande para ser un certificado (máximo 64 KB)."] });
  refusePrivateKeys(fileName, bytes);
  let info: TCertificateInfo;
  try {
    const buffer = Buffer.from(bytes);
    const text = buffer.toString("utf8");
    info = readCertificate(text.includes("-----BEGIN CERTIFICATE-----") ? text : buffer);
  } catch {
    throw invalidInput({ certificate: [NOT_A_CERTIFICATE_MESSAGE] });
  }
  if (info.isCa) throw invalidInput({ certificate: ["Es el certificado de una autoridad certificadora, no el de una persona firmante."] });
  return { info, fingerprint: fingerprintCertificate(info.der) };
}
