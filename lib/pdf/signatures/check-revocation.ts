import { createHash, type X509Certificate } from "node:crypto";
import { derChildren, readDer } from "@/lib/signing/der";
import { DIGEST_NAMES } from "@/lib/signing/oids";
import { readCertificateFields } from "@/lib/signing/read-certificate-fields";
import { formatGuatemalaTime } from "../format-guatemala-time";
import { parseX509 } from "./parse-x509";
import type { TParsedCrl, TParsedOcsp, TRevocationOrigin } from "./parse-revocation-data";
import { KEY_PURPOSE, readExtendedKeyUsage } from "./read-extended-key-usage";
import { readCertificateSummary } from "./read-certificate-summary";
import { verifySignatureValue } from "./verify-signature-value";

export type TRevocationStatus = "good" | "revoked" | "unknown";

export type TRevocationCheck = {
  // Of the certificate itself (the signer's, or the TSA's), from the embedded data only.
  status: TRevocationStatus;
  source: "OCSP" | "CRL" | null;
  foundIn: TRevocationOrigin | null;
  // When the data was produced: the OCSP response's producedAt, the CRL's thisUpdate.
  producedAt: Date | null;
  revokedAt: Date | null;
  // Every certificate of the chain below the trusted root has verified revocation data, none
  // revoked before `at`…
  chainComplete: boolean;
  // …and all of it is in the DSS (PAdES B-LT).
  chainCompleteInDss: boolean;
  errors: string[];
};

export type TRevocationSources = {
  data: Array<TParsedOcsp | TParsedCrl>;
  // Certificates that may have signed an OCSP response (DSS, CMS, responses).
  certificates: Buffer[];
};

type TEvidence = { source: "OCSP" | "CRL"; origin: TRevocationOrigin; status: "good" | "revoked"; producedAt: Date; revokedAt: Date | null };

// Revocation status of each certificate of `path` (signer first, trusted root last) from the
// OCSP responses and CRLs embedded in the file, each verified: an OCSP response signed by the
// issuing CA or by a responder it delegated to (extended key usage OCSPSigning), a CRL signed by
// the issuing CA. A certificate revoked at or after `at` (the trusted time of the signature)
// still counts as covered: the signature was made before.
export function checkRevocation(path: Buffer[], trusted: boolean, sources: TRevocationSources, at: Date | null): TRevocationCheck {
  const check: TRevocationCheck = {
    status: "unknown",
    source: null,
    foundIn: null,
    producedAt: null,
    revokedAt: null,
    chainComplete: false,
    chainCompleteInDss: false,
    errors: [],
  };
  if (path.length === 0) return check;
  let complete = trusted;
  let completeInDss = trusted;
  // The root is the trust anchor: nothing revokes it.
  const below = trusted ? path.length - 1 : path.length;
  for (let i = 0; i < below; i++) {
    const issuer = path[i + 1];
    const evidence = issuer ? findEvidence(path[i], issuer, sources) : [];
    const revoked = evidence.filter((e) => e.status === "revoked").sort((a, b) => a.revokedAt!.getTime() - b.revokedAt!.getTime())[0];
    const good = evidence
      .filter((e) => e.status === "good")
      .sort((a, b) => Number(b.source === "OCSP") - Number(a.source === "OCSP") || b.producedAt.getTime() - a.producedAt.getTime())[0];
    const chosen = revoked ?? good;
    const revokedTooEarly = revoked ? at === null || revoked.revokedAt!.getTime() <= at.getTime() : false;
    if (!chosen || revokedTooEarly) complete = false;
    const inDss = evidence.filter((e) => e.origin === "DSS");
    if (inDss.length === 0 || revokedTooEarly) completeInDss = false;
    if (i === 0 && chosen) {
      check.status = chosen.status;
      check.source = chosen.source;
      check.foundIn = chosen.origin;
      check.producedAt = chosen.producedAt;
      check.revokedAt = chosen.revokedAt;
    }
    if (revoked) {
      const name = readCertificateSummary(path[i]).commonName ?? "de la cadena";
      check.errors.push(
        revokedTooEarly
          ? `El certificado «${name}» fue revocado el ${formatGuatemalaTime(revoked.revokedAt!)}, antes de la hora de confianza de la firma.`
          : `El certificado «${name}» fue revocado el ${formatGuatemalaTime(revoked.revokedAt!)}, después de firmar: la firma sigue siendo válida.`,
      );
    }
  }
  check.chainComplete = complete;
  check.chainCompleteInDss = completeInDss;
  return check;
}

function findEvidence(der: Buffer, issuerDer: Buffer, sources: TRevocationSources): TEvidence[] {
  let fields: ReturnType<typeof readCertificateFields>;
  let issuer: X509Certificate;
  try {
    fields = readCertificateFields(der);
    issuer = parseX509(issuerDer);
  } catch {
    return [];
  }
  const serial = readDer(fields.serialDer).value;
  const evidence: TEvidence[] = [];
  for (const item of sources.data) {
    if (item.kind === "CRL") {
      if (!item.issuer.equals(fields.issuerDer)) continue;
      if (!verifySignatureValue(item.signatureAlgorithm, issuer.publicKey, item.tbs, item.signature)) continue;
      const revokedAt = item.revoked.get(serial.toString("hex")) ?? null;
      evidence.push({ source: "CRL", origin: item.origin, status: revokedAt ? "revoked" : "good", producedAt: item.thisUpdate, revokedAt });
      continue;
    }
    for (const single of item.responses) {
      if (!single.serial.equals(serial) || single.status === "unknown") continue;
      const hash = DIGEST_NAMES[single.hashAlgorithm];
      if (!hash) continue;
      if (!single.issuerNameHash.equals(createHash(hash).update(fields.issuerDer).digest())) continue;
      if (!single.issuerKeyHash.equals(createHash(hash).update(subjectPublicKeyBits(issuerDer)).digest())) continue;
      if (!ocspSignedFor(item, issuer, sources.certificates)) continue;
      evidence.push({ source: "OCSP", origin: item.origin, status: single.status, producedAt: item.producedAt, revokedAt: single.revokedAt });
    }
  }
  return evidence;
}

// RFC 6960 §4.2.2.2: the CA itself, or a certificate it issued for OCSPSigning.
function ocspSignedFor(response: TParsedOcsp, issuer: X509Certificate, extra: Buffer[]): boolean {
  if (verifySignatureValue(response.signatureAlgorithm, issuer.publicKey, response.tbs, response.signature)) return true;
  for (const der of [...response.certificates, ...extra]) {
    let candidate: X509Certificate;
    try {
      candidate = parseX509(der);
    } catch {
      continue;
    }
    if (!candidate.checkIssued(issuer) || !candidate.verify(issuer.publicKey)) continue;
    if (!readExtendedKeyUsage(der)?.purposes.includes(KEY_PURPOSE.ocspSigning)) continue;
    if (verifySignatureValue(response.signatureAlgorithm, candidate.publicKey, response.tbs, response.signature)) return true;
  }
  return false;
}

// The subjectPublicKey BIT STRING's bits (what OCSP's issuerKeyHash hashes).
function subjectPublicKeyBits(der: Buffer): Buffer {
  const tbs = derChildren(derChildren(readDer(der))[0]);
  const fields = tbs[0].tag === 0xa0 ? tbs.slice(1) : tbs;
  const spki = derChildren(fields[5]);
  return spki[1].value.subarray(1);
}
