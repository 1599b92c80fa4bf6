import { createHash, type X509Certificate } from "node:crypto";
import * as pkijs from "pkijs";
import { DIGEST_NAMES, OID } from "@/lib/signing/oids";
import { checkRevocation, type TRevocationCheck, type TRevocationSources } from "./check-revocation";
import { readCertificateSummary, type TCertificateSummary } from "./read-certificate-summary";
import { readCmsSignedData, type TCmsSignedData } from "./read-cms-signed-data";
import { KEY_PURPOSE, readExtendedKeyUsage } from "./read-extended-key-usage";
import { verifyCertificateChain } from "./verify-certificate-chain";
import { verifySignerInfo } from "./verify-signer-info";

export type TTimestampCheck = {
  // The TSA's time (TSTInfo genTime).
  genTime: Date | null;
  // The TSA certificate's common name (else its subject).
  tsaName: string | null;
  tsaCertificate: TCertificateSummary | null;
  // TSA first, up to the trusted root when the chain is trusted.
  chain: TCertificateSummary[];
  // The token's CMS signature verifies with the TSA certificate, its ESS signing-certificate matches.
  signatureOk: boolean;
  // The message imprint is the hash of what this timestamp must cover (the signature value, or
  // the document's byte ranges).
  imprintOk: boolean;
  // Extended key usage timeStamping only and critical (RFC 3161 §2.3), valid at genTime.
  tsaCertificateOk: boolean;
  chainTrusted: boolean;
  // The TSA certificate's status from the embedded data.
  revocation: TRevocationCheck | null;
  valid: boolean;
  errors: string[];
};

export type TTimestampToken = {
  cms: TCmsSignedData;
  genTime: Date;
  // Node hash name of the imprint and the imprint itself.
  imprintAlgorithm: "sha1" | "sha256" | "sha384" | "sha512" | null;
  imprint: Buffer;
};

// An RFC 3161 TimeStampToken: CMS SignedData over a TSTInfo. Throws on anything else.
export function readTimestampToken(token: Buffer): TTimestampToken {
  const cms = readCmsSignedData(token);
  if (cms.eContentType !== OID.tstInfo || !cms.eContent) throw new Error("no es un TimeStampToken");
  const info = pkijs.TSTInfo.fromBER(new Uint8Array(cms.eContent));
  return {
    cms,
    genTime: info.genTime,
    imprintAlgorithm: DIGEST_NAMES[info.messageImprint.hashAlgorithm.algorithmId] ?? null,
    imprint: Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView),
  };
}

export type TVerifyTimestampOptions = {
  // The digest, with the token's imprint algorithm, of what the token must cover; null when it
  // could not be computed (the imprint then does not match).
  digest: Buffer | null;
  roots: X509Certificate[];
  // More certificates to build the TSA's chain with (DSS, the signature's CMS).
  certificates: Buffer[];
  revocation: TRevocationSources;
};

// Verifies a timestamp token: its signature, what it covers, and its TSA. Never throws.
export function verifyTimestampToken(token: Buffer | TTimestampToken, options: TVerifyTimestampOptions): TTimestampCheck {
  const check: TTimestampCheck = {
    genTime: null,
    tsaName: null,
    tsaCertificate: null,
    chain: [],
    signatureOk: false,
    imprintOk: false,
    tsaCertificateOk: false,
    chainTrusted: false,
    revocation: null,
    valid: false,
    errors: [],
  };
  let parsed: TTimestampToken;
  try {
    parsed = Buffer.isBuffer(token) ? readTimestampToken(token) : token;
  } catch {
    check.errors.push("El sello de tiempo no es un token RFC 3161 legible.");
    return check;
  }
  const { cms } = parsed;
  check.genTime = parsed.genTime;
  check.imprintOk = options.digest !== null && parsed.imprint.equals(options.digest);
  if (!check.imprintOk) check.errors.push("El sello de tiempo no corresponde a lo que debe cubrir: su resumen es de otros datos.");

  const signerInfo = cms.signerInfos[0];
  const algorithm = signerInfo ? DIGEST_NAMES[signerInfo.digestAlgorithm] : undefined;
  if (cms.signerInfos.length !== 1 || !signerInfo || !algorithm || !cms.eContent) {
    check.errors.push("El sello de tiempo no tiene exactamente un firmante con un algoritmo soportado.");
    return check;
  }
  const result = verifySignerInfo(cms, signerInfo, createHash(algorithm).update(cms.eContent).digest(), [cms.eContent]);
  check.signatureOk = result.digestOk && result.signatureOk && result.signingCertificateAttributeOk === true;
  if (!check.signatureOk) check.errors.push("La firma del sello de tiempo no es válida.");
  if (result.signerCertificate) {
    try {
      const tsa = result.signerCertificate;
      check.tsaCertificate = readCertificateSummary(tsa);
      check.tsaName = check.tsaCertificate.commonName ?? check.tsaCertificate.subject;
      const usage = readExtendedKeyUsage(tsa);
      const usageOk = usage !== null && usage.critical && usage.purposes.length === 1 && usage.purposes[0] === KEY_PURPOSE.timeStamping;
      if (!usageOk) check.errors.push("El certificado de la autoridad de sellado no es exclusivo para sellos de tiempo (uso extendido timeStamping crítico).");
      const chain = verifyCertificateChain(tsa, [...cms.certificates, ...options.certificates], options.roots, parsed.genTime);
      check.chainTrusted = chain.trusted;
      check.chain = chain.path.map(readCertificateSummary);
      check.tsaCertificateOk = usageOk && chain.validAt;
      check.errors.push(...chain.errors.map((e) => `Autoridad de sellado: ${e}`));
      check.revocation = checkRevocation(chain.path, chain.trusted, options.revocation, parsed.genTime);
      check.errors.push(...check.revocation.errors.map((e) => `Autoridad de sellado: ${e}`));
    } catch {
      check.errors.push("El certificado de la autoridad de sellado no se pudo leer.");
    }
  }
  const revokedAt = check.revocation?.status === "revoked" ? check.revocation.revokedAt : null;
  const revokedBefore = revokedAt !== null && revokedAt.getTime() <= parsed.genTime.getTime();
  check.valid = check.signatureOk && check.imprintOk && check.tsaCertificateOk && check.chainTrusted && !revokedBefore;
  return check;
}
