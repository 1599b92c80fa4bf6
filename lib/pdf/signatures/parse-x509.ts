import { X509Certificate } from "node:crypto";

const cache = new Map<string, X509Certificate>();
const MAX_ENTRIES = 256;

// Parsing a certificate costs more than verifying a signature with it, and the same few signer
// and CA certificates come back in every document, so parsed certificates are kept (by their
// exact DER; they are public data).
export function parseX509(der: Buffer): X509Certificate {
  const key = der.toString("base64");
  let certificate = cache.get(key);
  if (!certificate) {
    certificate = new X509Certificate(der);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, certificate);
  }
  return certificate;
}
