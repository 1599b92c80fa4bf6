import * as pkijs from "pkijs";
import { copyToArrayBuffer } from "./copy-to-array-buffer";
import { NAME_ATTRIBUTE_SHORT_NAMES } from "../../pki/name-attribute-short-names";

export type TCertificateDescription = {
  subjectName: string;
  issuerName: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  sha256FingerprintHex: string;
};

// For "Firmará como …" before signing: what the person sees of the certificate they opened.
// The server decides whether it may sign; this is only shown.
export async function describeCertificate(der: Uint8Array): Promise<TCertificateDescription> {
  const cert = pkijs.Certificate.fromBER(copyToArrayBuffer(der));
  const fingerprint = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", copyToArrayBuffer(der)));
  return {
    subjectName: formatName(cert.subject),
    issuerName: formatName(cert.issuer),
    serialHex: hex(cert.serialNumber.valueBlock.valueHexView),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    sha256FingerprintHex: hex(fingerprint),
  };
}

// Most specific first (CN, …, C), as people read a name and as lib/pki/read-certificate prints it.
function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return [...name.typesAndValues]
    .reverse()
    .map((tv) => `${NAME_ATTRIBUTE_SHORT_NAMES[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`)
    .join(", ");
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
