import type { X509Certificate } from "node:crypto";
import { parseX509 } from "./parse-x509";
import { readCertificateSummary } from "./read-certificate-summary";

export type TChainCheck = {
  trusted: boolean;
  // Signer first; ends at the trusted root when `trusted`.
  path: Buffer[];
  // Every certificate of the path was within its validity period at `at`.
  validAt: boolean;
  errors: string[];
};

const MAX_DEPTH = 8;

// Builds the path from the signer up to one of `roots` with the certificates the signature
// carried. Each step checks the issuer name and the certificate's signature (OpenSSL's
// checkIssued also matches key identifiers and the issuer's keyCertSign usage). Revocation is
// not checked: the test PKI publishes no CRL or OCSP.
export function verifyCertificateChain(signer: Buffer, intermediates: Buffer[], roots: X509Certificate[], at: Date): TChainCheck {
  const errors: string[] = [];
  const candidates = intermediates.flatMap((der) => {
    try {
      return [parseX509(der)];
    } catch {
      return [];
    }
  });
  let current = parseX509(signer);
  const path: X509Certificate[] = [current];
  let trusted = false;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (roots.some((root) => root.raw.equals(current.raw))) {
      trusted = true;
      break;
    }
    const issuedBy = (c: X509Certificate) => !c.raw.equals(current.raw) && current.checkIssued(c) && current.verify(c.publicKey);
    const root = roots.find(issuedBy);
    if (root) {
      path.push(root);
      trusted = true;
      break;
    }
    const intermediate = candidates.find((c) => c.ca && issuedBy(c) && !path.some((p) => p.raw.equals(c.raw)));
    if (!intermediate) break;
    path.push(intermediate);
    current = intermediate;
  }
  if (!trusted) {
    const last = readCertificateSummary(Buffer.from(path[path.length - 1].raw));
    errors.push(`El certificado no proviene de una autoridad de confianza (emisor: ${last.issuerCommonName ?? last.issuer}).`);
  }

  let validAt = true;
  for (const certificate of path) {
    const summary = readCertificateSummary(Buffer.from(certificate.raw));
    if (!(summary.validFrom <= at && at <= summary.validTo)) {
      validAt = false;
      errors.push(`El certificado «${summary.commonName ?? summary.subject}» no estaba vigente en la fecha de la firma.`);
    }
  }
  return { trusted, path: path.map((c) => Buffer.from(c.raw)), validAt, errors };
}

// Accepts PEM text (one or several certificates), DER, or PEM bytes.
export function parseTrustedRoots(inputs: Array<string | Buffer>): X509Certificate[] {
  const roots: X509Certificate[] = [];
  for (const input of inputs) {
    const text = typeof input === "string" ? input : input.subarray(0, 64).includes("-----BEGIN") ? input.toString("latin1") : null;
    if (text === null) {
      roots.push(parseX509(input as Buffer));
      continue;
    }
    for (const block of text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []) {
      roots.push(parseX509(Buffer.from(block.replace(/-----[A-Z ]+-----|\s+/g, ""), "base64")));
    }
  }
  return roots;
}
