import { createHash, type Hash, type X509Certificate } from "node:crypto";
import { findSignatureDictionaries, type TSignatureDictionary } from "./signatures/find-signature-dictionaries";
import { asName, decodeTextString, parsePdfDate, stringBytes, isWhitespace } from "./signatures/pdf-syntax";
import { readCertificateSummary, type TCertificateSummary } from "./signatures/read-certificate-summary";
import { readCmsSignedData, type TCmsSignedData } from "./signatures/read-cms-signed-data";
import { parseTrustedRoots, verifyCertificateChain } from "./signatures/verify-certificate-chain";
import { digestName, verifySignerInfo } from "./signatures/verify-signer-info";

export type { TCertificateSummary } from "./signatures/read-certificate-summary";

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
  valid: boolean;
  // Spanish, for people.
  errors: string[];
};

export type TPdfSignatureReport = {
  // At least one signature, every one valid, nothing added after the last one.
  valid: boolean;
  // Bytes other than whitespace follow the end of the last signature's byte range: an
  // incremental update nobody signed. pdfsig still calls such a file's signatures valid.
  modifiedAfterLastSignature: boolean;
  fileSize: number;
  signatures: TSignatureCheck[];
  errors: string[];
};

export type TValidatePdfSignaturesOptions = {
  // PEM text (one or more certificates) or DER.
  trustedRoots: Array<string | Buffer> | X509Certificate[];
  // Time at which certificates must have been valid when a signature has no claimed time.
  now?: Date;
};

const SUPPORTED_SUBFILTERS = new Set(["ETSI.CAdES.detached", "adbe.pkcs7.detached"]);

// Reports every signature of any byte string; never throws on bad input. Cost is one SHA-256
// pass over the file however many signatures it has (they share the hash of their common
// prefix), plus one scan for /ByteRange.
export function validatePdfSignatures(pdf: Buffer, options: TValidatePdfSignaturesOptions): TPdfSignatureReport {
  const report: TPdfSignatureReport = { valid: false, modifiedAfterLastSignature: false, fileSize: pdf.length, signatures: [], errors: [] };
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
  report.signatures = candidates.map((candidate, i) => checkSignature(pdf, candidate, digests.get(candidate) ?? null, roots, options.now ?? new Date(), i + 1));

  if (report.signatures.length === 0) {
    report.errors.push("El PDF no tiene firmas digitales.");
    return report;
  }
  const lastEnd = candidates[candidates.length - 1].rangeEnd;
  report.modifiedAfterLastSignature = lastEnd < pdf.length && hasContentAfter(pdf, lastEnd);
  if (report.modifiedAfterLastSignature) {
    report.errors.push("El documento fue modificado después de la última firma.");
  }
  report.valid = !report.modifiedAfterLastSignature && report.signatures.every((s) => s.valid);
  return report;
}

function isX509List(list: TValidatePdfSignaturesOptions["trustedRoots"]): list is X509Certificate[] {
  return list.length > 0 && typeof list[0] === "object" && !Buffer.isBuffer(list[0]) && "fingerprint256" in list[0];
}

type TCandidate = {
  source: TSignatureDictionary;
  byteRange: number[];
  byteRangeOk: boolean;
  rangeEnd: number;
  cms: TCmsSignedData | null;
  digestAlgorithm: string | null;
  errors: string[];
};

function readCandidate(pdf: Buffer, source: TSignatureDictionary): TCandidate {
  const errors: string[] = [];
  const { dict } = source;
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
  const bytes = contents ? stringBytes(contents) : null;
  try {
    if (!bytes) throw new Error("no contents");
    cms = readCmsSignedData(bytes);
    if (cms.signerInfos.length !== 1) errors.push("La firma debe tener exactamente un firmante.");
  } catch {
    errors.push("El contenido de la firma no es un CMS SignedData legible.");
  }
  const digestOid = cms?.signerInfos[0]?.digestAlgorithm ?? null;
  const digestAlgorithm = digestOid ? digestName(digestOid) : null;
  if (cms && !digestAlgorithm) errors.push("Algoritmo de resumen no soportado.");
  return { source, byteRange, byteRangeOk, rangeEnd, cms, digestAlgorithm, errors };
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

function checkSignature(
  pdf: Buffer,
  candidate: TCandidate,
  contentDigest: Buffer | null,
  roots: X509Certificate[],
  now: Date,
  index: number,
): TSignatureCheck {
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
    valid: false,
    errors,
  };
  if (!subFilter || !SUPPORTED_SUBFILTERS.has(subFilter)) errors.push(`Tipo de firma no soportado: ${subFilter ?? "sin /SubFilter"}.`);

  const signerInfo = candidate.cms?.signerInfos[0];
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
        const chain = verifyCertificateChain(result.signerCertificate, candidate.cms.certificates, roots, check.signingTime ?? now);
        check.chainTrusted = chain.trusted;
        check.certificateValidAtSigningTime = chain.validAt;
        check.chain = chain.path.map(readCertificateSummary);
        errors.push(...chain.errors);
      } catch {
        errors.push("El certificado del firmante no se pudo leer.");
      }
    }
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

// Whitespace after %%EOF (a transfer that adds a newline) changes nothing a reader shows.
function hasContentAfter(pdf: Buffer, from: number): boolean {
  for (let i = from; i < pdf.length; i++) if (!isWhitespace(pdf[i])) return true;
  return false;
}
