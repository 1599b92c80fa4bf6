import { createHash, type Hash, type X509Certificate } from "node:crypto";
import { derChildren } from "@/lib/signing/der";
import { checkLaterUpdates } from "./signatures/check-later-updates";
import { checkRevocation, type TRevocationCheck, type TRevocationSources } from "./signatures/check-revocation";
import { findSignatureDictionaries, type TSignatureDictionary } from "./signatures/find-signature-dictionaries";
import { parseCrl, parseOcspResponse, type TParsedCrl, type TParsedOcsp } from "./signatures/parse-revocation-data";
import { asName, decodeTextString, parsePdfDate, stringBytes, isWhitespace } from "./signatures/pdf-syntax";
import { readCertificateSummary, type TCertificateSummary } from "./signatures/read-certificate-summary";
import { readCmsSignedData, type TCmsSignedData } from "./signatures/read-cms-signed-data";
import { readDss, type TDss } from "./signatures/read-dss";
import { readRevisions, type TRevision } from "./signatures/read-revisions";
import { readXrefTable } from "./signatures/read-xref-table";
import { parseTrustedRoots, verifyCertificateChain } from "./signatures/verify-certificate-chain";
import { digestName, verifySignerInfo } from "./signatures/verify-signer-info";
import { readTimestampToken, verifyTimestampToken, type TTimestampCheck, type TTimestampToken } from "./signatures/verify-timestamp-token";

export type { TCertificateSummary } from "./signatures/read-certificate-summary";
export type { TRevocationCheck } from "./signatures/check-revocation";
export type { TTimestampCheck } from "./signatures/verify-timestamp-token";

// PAdES baseline levels (ETSI EN 319 142-1 §6): B-B a valid signature; B-T with a valid
// signature timestamp; B-LT with the certificates and revocation data of the signer's and the
// TSA's chains in the DSS; B-LTA with a valid document timestamp over that DSS.
export type TPadesLevel = "B-B" | "B-T" | "B-LT" | "B-LTA";
const LEVELS: TPadesLevel[] = ["B-B", "B-T", "B-LT", "B-LTA"];

export type TSignatureCheck = {
  // 1-based, in the order the signatures were applied (by where their byte ranges end).
  index: number;
  subFilter: string | null;
  byteRange: number[];
  // Starts at 0, leaves out exactly this signature's /Contents, stays inside the file.
  byteRangeOk: boolean;
  coversWholeFile: boolean;
  digestAlgorithm: string | null;
  digestOk: boolean;
  signatureOk: boolean;
  certificate: TCertificateSummary | null;
  certificateValidAtSigningTime: boolean;
  chainTrusted: boolean;
  // Signer first, up to the trusted root when the chain is trusted.
  chain: TCertificateSummary[];
  // The claimed signing time: /M, or the CMS signing-time attribute when /M is missing.
  signingTime: Date | null;
  name: string | null;
  reason: string | null;
  location: string | null;
  contactInfo: string | null;
  // The signature-time-stamp-token (RFC 3161 over this signature's value), null when absent.
  timestamp: TTimestampCheck | null;
  // The signer certificate's status from the data embedded in the file (DSS and CMS).
  revocation: TRevocationCheck;
  // Null when the signature is not valid or the document changed after it.
  level: TPadesLevel | null;
  // It does not reach the end of the file, and what follows is only later signatures, a DSS
  // and document timestamps: the normal layout of a PAdES document, not a modification.
  coveredByLaterUpdates: boolean;
  // Something else follows it (an unsigned change to a page, appended bytes): the document
  // shown is not the one signed. `laterChanges` says what, in Spanish.
  modifiedAfterSigning: boolean;
  laterChanges: string[];
  // The cryptographic signature, certificate and chain hold (later changes aside).
  valid: boolean;
  // Spanish, for people.
  errors: string[];
};

// A document timestamp (ISO 32000-2 §12.8.5: /Type /DocTimeStamp, SubFilter ETSI.RFC3161).
export type TDocumentTimestampCheck = TTimestampCheck & {
  // 1-based among the document timestamps, in the order applied.
  index: number;
  byteRange: number[];
  byteRangeOk: boolean;
  coversWholeFile: boolean;
  coveredByLaterUpdates: boolean;
  modifiedAfterSigning: boolean;
  laterChanges: string[];
  // The file's DSS was written before this timestamp, so the timestamp covers it.
  coversDss: boolean;
};

export type TDssSummary = { certificates: number; ocspResponses: number; crls: number; vriEntries: number; errors: string[] };

export type TPdfSignatureReport = {
  // At least one signature, every signature and document timestamp valid, nothing but
  // signatures, DSS and document timestamps added after any of them.
  valid: boolean;
  // After the last signature comes something other than a DSS or document timestamps: an
  // incremental update nobody signed. pdfsig still calls such a file's signatures valid.
  modifiedAfterLastSignature: boolean;
  fileSize: number;
  // Approval signatures only; document timestamps are below.
  signatures: TSignatureCheck[];
  documentTimestamps: TDocumentTimestampCheck[];
  // The last document timestamp (the one that covers everything), null when there is none.
  documentTimestamp: TDocumentTimestampCheck | null;
  dss: TDssSummary | null;
  // The level every signature reaches (the lowest of theirs); null without valid signatures.
  level: TPadesLevel | null;
  errors: string[];
};

export type TValidatePdfSignaturesOptions = {
  // PEM text (one or more certificates) or DER.
  trustedRoots: Array<string | Buffer> | X509Certificate[];
  // Time at which certificates must have been valid when a signature has no claimed time.
  now?: Date;
};

const SUPPORTED_SUBFILTERS = new Set(["ETSI.CAdES.detached", "adbe.pkcs7.detached"]);
const SIGNATURE_TIME_STAMP_TOKEN = "1.2.840.113549.1.9.16.2.14";
// Acrobat's signed attribute with CRLs and OCSP responses (RevocationInfoArchival).
const ADBE_REVOCATION_INFO_ARCHIVAL = "1.2.840.113583.1.1.8";

// Reports every signature and document timestamp of any byte string; never throws on bad
// input. Cost is one hash pass over the file however many signatures it has (they share the
// hash of their common prefix), plus one scan for /ByteRange; timestamps, DSS and revocation
// data are small.
export function validatePdfSignatures(pdf: Buffer, options: TValidatePdfSignaturesOptions): TPdfSignatureReport {
  const report: TPdfSignatureReport = {
    valid: false,
    modifiedAfterLastSignature: false,
    fileSize: pdf.length,
    signatures: [],
    documentTimestamps: [],
    documentTimestamp: null,
    dss: null,
    level: null,
    errors: [],
  };
  if (!pdf.subarray(0, 1024).includes("%PDF-")) {
    report.errors.push("El archivo no es un PDF.");
    return report;
  }
  let roots: X509Certificate[];
  try {
    roots = isX509List(options.trustedRoots) ? options.trustedRoots : parseTrustedRoots(options.trustedRoots);
  } catch {
    report.errors.push("Una de las raíces de confianza configuradas no es un certificado válido.");
    roots = [];
  }

  const candidates = findSignatureDictionaries(pdf).map((sig) => readCandidate(pdf, sig));
  candidates.sort((a, b) => a.rangeEnd - b.rangeEnd);
  const digests = digestByteRanges(pdf, candidates);
  const dss = readFileDss(pdf);
  if (dss) {
    report.dss = { certificates: dss.certificates.length, ocspResponses: dss.ocspResponses.length, crls: dss.crls.length, vriEntries: dss.vriEntries, errors: dss.errors };
  }
  const context = buildContext(candidates, dss, roots);

  // What follows each signature and document timestamp that does not reach the end of the file.
  let revisions: TRevision[] | null | undefined;
  const analysis = new Map<TRevision, string[]>();
  const later = (candidate: TCandidate) => {
    const after = candidate.byteRangeOk && candidate.rangeEnd < pdf.length && hasContentAfter(pdf, candidate.rangeEnd);
    if (!after) return { covered: false, modified: false, changes: [] as string[] };
    revisions ??= readRevisions(pdf);
    const result = checkLaterUpdates(pdf, candidate.rangeEnd, revisions, analysis);
    return { covered: result.onlyAllowed, modified: !result.onlyAllowed, changes: result.problems };
  };

  const approvals = candidates.filter((c) => !c.documentTimestamp);
  const stamps = candidates.filter((c) => c.documentTimestamp);
  report.documentTimestamps = stamps.map((candidate, i) => {
    const check = checkDocumentTimestamp(pdf, candidate, digests.get(candidate) ?? null, context, dss, i + 1);
    const { covered, modified, changes } = later(candidate);
    return { ...check, coveredByLaterUpdates: covered, modifiedAfterSigning: modified, laterChanges: changes };
  });
  report.documentTimestamp = report.documentTimestamps[report.documentTimestamps.length - 1] ?? null;
  report.signatures = approvals.map((candidate, i) => {
    const check = checkSignature(pdf, candidate, digests.get(candidate) ?? null, context, options.now ?? new Date(), i + 1);
    const { covered, modified, changes } = later(candidate);
    check.coveredByLaterUpdates = covered;
    check.modifiedAfterSigning = modified;
    check.laterChanges = changes;
    check.level = signatureLevel(check, candidate, context, dss, report.documentTimestamps);
    return check;
  });

  if (report.signatures.length === 0) {
    report.errors.push("El PDF no tiene firmas digitales.");
    return report;
  }
  const last = report.signatures[report.signatures.length - 1];
  report.modifiedAfterLastSignature = last.modifiedAfterSigning;
  if (report.modifiedAfterLastSignature) {
    report.errors.push("El documento fue modificado después de la última firma.");
    report.errors.push(...last.laterChanges);
  } else {
    for (const signature of report.signatures) {
      if (signature.modifiedAfterSigning) report.errors.push(`El documento fue modificado después de la firma ${signature.index}.`, ...signature.laterChanges);
    }
  }
  for (const stamp of report.documentTimestamps) {
    if (!stamp.valid) report.errors.push(`El sello de tiempo del documento ${stamp.index} no es válido.`);
  }
  report.errors = [...new Set(report.errors)];
  report.valid =
    report.signatures.every((s) => s.valid && !s.modifiedAfterSigning) &&
    report.documentTimestamps.every((d) => d.valid && !d.modifiedAfterSigning);
  const levels = report.signatures.map((s) => s.level);
  report.level = levels.every((l) => l !== null) ? LEVELS[Math.min(...levels.map((l) => LEVELS.indexOf(l!)))] : null;
  return report;
}

function isX509List(list: TValidatePdfSignaturesOptions["trustedRoots"]): list is X509Certificate[] {
  return list.length > 0 && typeof list[0] === "object" && !Buffer.isBuffer(list[0]) && "fingerprint256" in list[0];
}

type TCandidate = {
  source: TSignatureDictionary;
  documentTimestamp: boolean;
  byteRange: number[];
  byteRangeOk: boolean;
  rangeEnd: number;
  cms: TCmsSignedData | null;
  // A document timestamp's token, parsed.
  token: TTimestampToken | null;
  // Of the byte ranges: the signer's digest algorithm, or the timestamp's imprint algorithm.
  digestAlgorithm: string | null;
  errors: string[];
};

function readCandidate(pdf: Buffer, source: TSignatureDictionary): TCandidate {
  const errors: string[] = [];
  const { dict } = source;
  const documentTimestamp = asName(dict.entries.get("Type")) === "DocTimeStamp" || asName(dict.entries.get("SubFilter")) === "ETSI.RFC3161";
  const rangeValue = dict.entries.get("ByteRange");
  const byteRange =
    rangeValue?.kind === "array" && rangeValue.items.every((v) => v.kind === "number" && Number.isInteger(v.value) && v.value >= 0)
      ? rangeValue.items.map((v) => (v.kind === "number" ? v.value : 0))
      : [];
  const contents = dict.entries.get("Contents");
  let byteRangeOk = false;
  // The gap must be exactly this dictionary's /Contents string, delimiters included.
  if (byteRange.length === 4 && (contents?.kind === "hex" || contents?.kind === "string")) {
    const [a, b, c, d] = byteRange;
    byteRangeOk = a === 0 && b === contents.start && c === contents.end && c + d <= pdf.length;
  }
  if (!byteRangeOk) errors.push("El /ByteRange de la firma no excluye exactamente su contenido o sale del archivo.");
  const rangeEnd = byteRange.length >= 4 ? byteRange[byteRange.length - 2] + byteRange[byteRange.length - 1] : 0;

  let cms: TCmsSignedData | null = null;
  let token: TTimestampToken | null = null;
  const bytes = contents ? stringBytes(contents) : null;
  try {
    if (!bytes) throw new Error("no contents");
    if (documentTimestamp) {
      token = readTimestampToken(bytes);
      cms = token.cms;
    } else {
      cms = readCmsSignedData(bytes);
      if (cms.signerInfos.length !== 1) errors.push("La firma debe tener exactamente un firmante.");
    }
  } catch {
    errors.push(documentTimestamp ? "El sello de tiempo del documento no es un token RFC 3161 legible." : "El contenido de la firma no es un CMS SignedData legible.");
  }
  const digestOid = cms?.signerInfos[0]?.digestAlgorithm ?? null;
  const digestAlgorithm = documentTimestamp ? (token?.imprintAlgorithm ?? null) : digestOid ? digestName(digestOid) : null;
  if (cms && !digestAlgorithm) errors.push("Algoritmo de resumen no soportado.");
  return { source, documentTimestamp, byteRange, byteRangeOk, rangeEnd, cms, token, digestAlgorithm, errors };
}

// Digests of every signature's byte ranges. Well-formed ranges all start at 0, so signatures
// sorted by the end of their first range share one running hash: it advances to each first-range
// end and is copied there to finish with that signature's second range.
function digestByteRanges(pdf: Buffer, candidates: TCandidate[]): Map<TCandidate, Buffer> {
  const digests = new Map<TCandidate, Buffer>();
  const groups = new Map<string, TCandidate[]>();
  for (const candidate of candidates) {
    if (!candidate.digestAlgorithm || candidate.byteRange.length !== 4) continue;
    const [a, b, c, d] = candidate.byteRange;
    if (a + b > pdf.length || c + d > pdf.length) continue;
    if (a !== 0) {
      digests.set(candidate, createHash(candidate.digestAlgorithm).update(pdf.subarray(a, a + b)).update(pdf.subarray(c, c + d)).digest());
      continue;
    }
    const group = groups.get(candidate.digestAlgorithm) ?? [];
    group.push(candidate);
    groups.set(candidate.digestAlgorithm, group);
  }
  for (const [algorithm, group] of groups) {
    group.sort((x, y) => x.byteRange[1] - y.byteRange[1]);
    const running: Hash = createHash(algorithm);
    let position = 0;
    for (const candidate of group) {
      const [, b, c, d] = candidate.byteRange;
      running.update(pdf.subarray(position, b));
      position = b;
      digests.set(candidate, running.copy().update(pdf.subarray(c, c + d)).digest());
    }
  }
  return digests;
}

function readFileDss(pdf: Buffer): TDss | null {
  try {
    return readDss(pdf, readXrefTable(pdf));
  } catch {
    // Cross-reference streams or a damaged structure: no DSS we can read.
    return null;
  }
}

type TContext = {
  roots: X509Certificate[];
  // Every certificate the file carries (DSS, signatures, timestamps), for building chains.
  certificates: Buffer[];
  revocation: TRevocationSources;
  // SHA-256 fingerprints (hex) of the DSS's certificates.
  dssCertificates: Set<string>;
};

// The validation material the whole file carries, parsed once: the DSS's, and each signature's
// CMS revocationInfoChoices and adbe-revocationInfoArchival.
function buildContext(candidates: TCandidate[], dss: TDss | null, roots: X509Certificate[]): TContext {
  const data: Array<TParsedOcsp | TParsedCrl> = [];
  const certificates: Buffer[] = [...(dss?.certificates ?? [])];
  for (const der of dss?.ocspResponses ?? []) {
    const parsed = parseOcspResponse(der, "DSS");
    if (parsed) data.push(parsed);
  }
  for (const der of dss?.crls ?? []) {
    const parsed = parseCrl(der, "DSS");
    if (parsed) data.push(parsed);
  }
  for (const candidate of candidates) {
    const cms = candidate.cms;
    if (!cms) continue;
    certificates.push(...cms.certificates);
    const crls = [...cms.revocationInfo.crls];
    const ocsps = [...cms.revocationInfo.ocspResponses];
    const archival = cms.signerInfos[0]?.attributes.get(ADBE_REVOCATION_INFO_ARCHIVAL);
    if (archival) {
      try {
        for (const field of derChildren(archival)) {
          const items = derChildren(derChildren(field)[0]).map((n) => n.bytes);
          if (field.tag === 0xa0) crls.push(...items);
          if (field.tag === 0xa1) ocsps.push(...items);
        }
      } catch {
        // A malformed archival attribute adds nothing.
      }
    }
    for (const der of ocsps) {
      const parsed = parseOcspResponse(der, "CMS");
      if (parsed) data.push(parsed);
    }
    for (const der of crls) {
      const parsed = parseCrl(der, "CMS");
      if (parsed) data.push(parsed);
    }
    for (const token of signatureTimestampTokens(candidate)) {
      try {
        certificates.push(...readCmsSignedData(token).certificates);
      } catch {
        // Reported with the signature.
      }
    }
  }
  for (const item of data) if (item.kind === "OCSP") certificates.push(...item.certificates);
  return {
    roots,
    certificates,
    revocation: { data, certificates },
    dssCertificates: new Set((dss?.certificates ?? []).map((c) => createHash("sha256").update(c).digest("hex"))),
  };
}

function signatureTimestampTokens(candidate: TCandidate): Buffer[] {
  if (candidate.documentTimestamp) return [];
  return (candidate.cms?.signerInfos[0]?.unsignedAttributes.get(SIGNATURE_TIME_STAMP_TOKEN) ?? []).map((n) => n.bytes);
}

function checkSignature(pdf: Buffer, candidate: TCandidate, contentDigest: Buffer | null, context: TContext, now: Date, index: number): TSignatureCheck {
  const { dict } = candidate.source;
  const text = (key: string) => decodeTextString(dict.entries.get(key));
  const subFilter = asName(dict.entries.get("SubFilter"));
  const errors = [...candidate.errors];
  const check: TSignatureCheck = {
    index,
    subFilter,
    byteRange: candidate.byteRange,
    byteRangeOk: candidate.byteRangeOk,
    coversWholeFile: candidate.byteRangeOk && candidate.rangeEnd === pdf.length,
    digestAlgorithm: candidate.digestAlgorithm,
    digestOk: false,
    signatureOk: false,
    certificate: null,
    certificateValidAtSigningTime: false,
    chainTrusted: false,
    chain: [],
    signingTime: parsePdfDate(text("M")),
    name: text("Name"),
    reason: text("Reason"),
    location: text("Location"),
    contactInfo: text("ContactInfo"),
    timestamp: null,
    revocation: checkRevocation([], false, context.revocation, null),
    level: null,
    coveredByLaterUpdates: false,
    modifiedAfterSigning: false,
    laterChanges: [],
    valid: false,
    errors,
  };
  if (!subFilter || !SUPPORTED_SUBFILTERS.has(subFilter)) errors.push(`Tipo de firma no soportado: ${subFilter ?? "sin /SubFilter"}.`);

  const signerInfo = candidate.cms?.signerInfos[0];
  let path: Buffer[] = [];
  if (candidate.cms && signerInfo && contentDigest) {
    const [a, b, c, d] = candidate.byteRange;
    const result = verifySignerInfo(candidate.cms, signerInfo, contentDigest, [pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    check.digestOk = result.digestOk;
    check.signatureOk = result.signatureOk;
    errors.push(...result.errors);
    check.signingTime ??= result.cmsSigningTime;
    if (result.signerCertificate) {
      try {
        check.certificate = readCertificateSummary(result.signerCertificate);
        const chain = verifyCertificateChain(result.signerCertificate, [...candidate.cms.certificates, ...context.certificates], context.roots, check.signingTime ?? now);
        check.chainTrusted = chain.trusted;
        check.certificateValidAtSigningTime = chain.validAt;
        check.chain = chain.path.map(readCertificateSummary);
        path = chain.trusted ? chain.path : [];
        errors.push(...chain.errors);
      } catch {
        errors.push("El certificado del firmante no se pudo leer.");
      }
    }
  }

  const [token] = signatureTimestampTokens(candidate);
  if (token && signerInfo) {
    let digest: Buffer | null = null;
    try {
      const parsed = readTimestampToken(token);
      digest = parsed.imprintAlgorithm ? createHash(parsed.imprintAlgorithm).update(signerInfo.signature).digest() : null;
      check.timestamp = verifyTimestampToken(parsed, { digest, roots: context.roots, certificates: context.certificates, revocation: context.revocation });
    } catch {
      check.timestamp = verifyTimestampToken(token, { digest, roots: context.roots, certificates: context.certificates, revocation: context.revocation });
    }
  }
  // The trusted time of the signature: the timestamp's when valid; without it, no revocation
  // can be shown to have come after the signature.
  const trustedTime = check.timestamp?.valid ? check.timestamp.genTime : null;
  if (path.length > 0) check.revocation = checkRevocation(path, true, context.revocation, trustedTime);
  const revokedAt = check.revocation.status === "revoked" ? check.revocation.revokedAt : null;
  const revokedBeforeSigning = revokedAt !== null && (trustedTime === null || revokedAt.getTime() <= trustedTime.getTime());
  // A revocation after the trusted time leaves the signature valid; check.revocation.errors says so.
  if (revokedBeforeSigning) {
    errors.push(
      trustedTime
        ? "El certificado del firmante ya estaba revocado cuando se firmó."
        : "El certificado del firmante está revocado y ningún sello de tiempo prueba que se firmó antes.",
    );
  }
  check.valid =
    errors.length === 0 &&
    check.byteRangeOk &&
    check.digestOk &&
    check.signatureOk &&
    check.chainTrusted &&
    check.certificateValidAtSigningTime;
  return check;
}

function checkDocumentTimestamp(
  pdf: Buffer,
  candidate: TCandidate,
  digest: Buffer | null,
  context: TContext,
  dss: TDss | null,
  index: number,
): Omit<TDocumentTimestampCheck, "coveredByLaterUpdates" | "modifiedAfterSigning" | "laterChanges"> {
  const stamp = verifyTimestampToken(candidate.token ?? Buffer.alloc(0), {
    digest: candidate.byteRangeOk ? digest : null,
    roots: context.roots,
    certificates: context.certificates,
    revocation: context.revocation,
  });
  const errors = [...new Set([...candidate.errors, ...stamp.errors])];
  return {
    ...stamp,
    valid: stamp.valid && candidate.byteRangeOk && candidate.errors.length === 0,
    errors,
    index,
    byteRange: candidate.byteRange,
    byteRangeOk: candidate.byteRangeOk,
    coversWholeFile: candidate.byteRangeOk && candidate.rangeEnd === pdf.length,
    coversDss: dss !== null && candidate.byteRangeOk && dss.offset < candidate.byteRange[1],
  };
}

function signatureLevel(
  check: TSignatureCheck,
  candidate: TCandidate,
  context: TContext,
  dss: TDss | null,
  stamps: TDocumentTimestampCheck[],
): TPadesLevel | null {
  if (!check.valid || check.modifiedAfterSigning) return null;
  const timestamp = check.timestamp;
  if (!timestamp?.valid) return "B-B";
  if (!dss) return "B-T";
  // Every certificate of both chains but the trust anchor, and revocation data for each, in the DSS.
  const inDss = (chain: TCertificateSummary[]) => chain.slice(0, -1).every((c) => context.dssCertificates.has(c.fingerprint));
  const lt = inDss(check.chain) && inDss(timestamp.chain) && check.revocation.chainCompleteInDss && Boolean(timestamp.revocation?.chainCompleteInDss);
  if (!lt) return "B-T";
  const covering = stamps.some((d) => d.valid && d.coversDss && !d.modifiedAfterSigning && d.byteRange[1] > candidate.rangeEnd);
  return covering ? "B-LTA" : "B-LT";
}

// Whitespace after %%EOF (a transfer that adds a newline) changes nothing a reader shows.
function hasContentAfter(pdf: Buffer, from: number): boolean {
  for (let i = from; i < pdf.length; i++) if (!isWhitespace(pdf[i])) return true;
  return false;
}
