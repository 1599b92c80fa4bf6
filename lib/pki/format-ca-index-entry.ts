import { X509Certificate } from "node:crypto";

// RFC 5280 times as OpenSSL's index.txt writes them: UTCTime up to 2049, GeneralizedTime after.
function asn1Time(d: Date): string {
  const iso = d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${d.getUTCFullYear() < 2050 ? iso.slice(2) : iso}Z`;
}

export type TCaIndexRevocation = { at: Date; reason?: "keyCompromise" | "superseded" | "cessationOfOperation" | "affiliationChanged" };

// One line of OpenSSL's CA database (`openssl ca`, `openssl ocsp -index`): status (V valid, R
// revoked), expiry, revocation date[,reason], serial (uppercase hex), file ("unknown"), subject.
// OpenSSL looks certificates up by serial; the subject is for people reading the file.
export function formatCaIndexEntry(certPem: string, revocation?: TCaIndexRevocation): string {
  const cert = new X509Certificate(certPem);
  const serial = cert.serialNumber.toUpperCase().padStart(2, "0");
  const subject = `/${cert.subject.split("\n").join("/")}`.replace(/[\t\r\n]/g, " ");
  const expiry = asn1Time(new Date(cert.validTo));
  const revoked = revocation ? `${asn1Time(revocation.at)}${revocation.reason ? `,${revocation.reason}` : ""}` : "";
  return [revocation ? "R" : "V", expiry, revoked, serial.length % 2 ? `0${serial}` : serial, "unknown", subject].join("\t");
}
