import { createHash, X509Certificate } from "node:crypto";

// SHA-256 over the certificate's DER, lowercase hex without separators: the key under which the
// registry of authorized signers stores a certificate.
export function fingerprintCertificate(certificate: string | Uint8Array): string {
  const der = new X509Certificate(typeof certificate === "string" ? certificate : Buffer.from(certificate)).raw;
  return createHash("sha256").update(der).digest("hex");
}
