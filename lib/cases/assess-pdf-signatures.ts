import "server-only";
import type { AuthorizedSigner } from "@/lib/generated/prisma/client";
import type { SignerOffice } from "@/lib/generated/prisma/enums";
import type { TPdfSignatureReport } from "@/lib/pdf/validate-pdf-signatures";
import type { TSignatureReport, TSignatureReportEntry } from "./build-signature-report";
import { summarizeLongTermFile, summarizeLongTermSignature } from "./summarize-long-term-validation";

// The sentences the two reports (a certification's document, a D.1.2 archive record) word
// differently; everything else they say is the same and is written below once.
export type TSignatureWording<TEntry> = {
  // The last signature does not reach the end of the file.
  lastNotCovering: string;
  // The certificate is in the registry, but for another office than `officeName`.
  registeredElsewhere: (other: TEntry, officeName: string) => string;
  // The certificate is not in the registry at all.
  notRegistered: (officeName: string) => string;
  // "El PDF" / "El documento": the file's subject in the file-level sentences.
  file: string;
  // When the stored hash was recorded ("al subirlo", "al guardarlo").
  hashRecorded: string;
  // Which signature nothing may follow ("la firma del Archivo", "la última firma").
  lastSignature: string;
};

export type TPdfSignaturesAssessment<TEntry> = {
  // The report's fields but its own verdict (`ok`) and what it names the file by.
  report: Omit<TSignatureReport, "ok" | "documentVersionId" | "stage">;
  // The registry entry read for the last signature (valid then, else not revoked, else any).
  lastEntry: TEntry | undefined;
};

// A signed PDF's signatures set against the registry of authorized signers, as both the central
// report (buildSignatureReport) and D.1.2's archive record report (buildArchiveRecordReport) show
// it: per signature, intact or not, its long-term validation, the registry entry of the office
// it should come from (and, for a DIDEDUC, the case's own) valid and not revoked when it signed;
// then the file's own problems (stored hash, no signatures, modified after the last one). Each
// report decides its own `ok` from these. Reads nothing: the caller passes the registry rows.
export function assessPdfSignatures<TEntry extends AuthorizedSigner>(input: {
  validation: TPdfSignatureReport;
  fileSha256: string;
  storedSha256: string;
  // The registry rows for the file's certificate fingerprints.
  registry: readonly TEntry[];
  // The office signature `index` (1-based) should come from.
  expectedOfficeOf: (index: number) => SignerOffice;
  // How that office is named in "Nombre, puesto — oficina" and in the problems.
  officeNameOf: (office: SignerOffice) => string;
  // The case's DIDEDUC: a DIDEDUC signature must come from this one.
  dideducId: string | null;
  // The signing time recorded by us for this fingerprint, if any (else the signature's claim).
  recordedSignedAt?: (fingerprint: string | null) => Date | undefined;
  now: Date;
  wording: TSignatureWording<TEntry>;
}): TPdfSignaturesAssessment<TEntry> {
  const { validation, registry, now, wording } = input;
  let lastEntry: TEntry | undefined;
  const signatures = validation.signatures.map((s): TSignatureReportEntry => {
    const problems: string[] = [];
    const fingerprint = s.certificate?.fingerprint ?? null;
    const expectedOffice = input.expectedOfficeOf(s.index);
    const intact = s.byteRangeOk && s.digestOk && s.signatureOk;
    if (!intact) problems.push("El contenido firmado cambió o la firma criptográfica no es válida.");
    const isLast = s.index === validation.signatures.length;
    if (isLast && !s.coversWholeFile && !s.coveredByLaterUpdates) problems.push(wording.lastNotCovering);
    const { problems: longTermProblems, ...longTerm } = summarizeLongTermSignature(s, isLast);
    problems.push(...longTermProblems);

    const signedAt = input.recordedSignedAt?.(fingerprint) ?? s.signingTime ?? null;
    const at = (signedAt ?? now).getTime();

    const candidates = registry.filter(
      (e) => e.certFingerprint === fingerprint && e.office === expectedOffice && (expectedOffice !== "DIDEDUC" || e.dideducId === input.dideducId),
    );
    const notRevokedThen = candidates.filter((e) => e.revokedAt === null || e.revokedAt.getTime() > at);
    const validThen = notRevokedThen.find((e) => e.validFrom.getTime() <= at && at <= e.validTo.getTime());
    const entry = validThen ?? notRevokedThen[0] ?? candidates[0];
    if (isLast) lastEntry = entry;
    const authorized = notRevokedThen.length > 0;
    const certificateValid = s.certificate ? s.certificate.validFrom.getTime() <= at && at <= s.certificate.validTo.getTime() : false;
    const validAtSigning = Boolean(validThen) && certificateValid;

    const officeName = input.officeNameOf(expectedOffice);
    if (candidates.length === 0) {
      const other = registry.find((e) => e.certFingerprint === fingerprint);
      problems.push(other ? wording.registeredElsewhere(other, officeName) : wording.notRegistered(officeName));
    } else if (!authorized) {
      problems.push("El certificado había sido revocado en el registro cuando se firmó.");
    }
    if (authorized && !validAtSigning) problems.push("El certificado no estaba vigente en la fecha de la firma.");

    const revoked = candidates.find((e) => e.revokedAt !== null) ?? null;
    return {
      index: s.index,
      signerName: s.certificate?.commonName ?? s.name ?? null,
      fingerprint,
      signedAt,
      intact,
      coversWholeFile: s.coversWholeFile,
      expectedOffice,
      authorized,
      authorizedAs: entry ? `${entry.name}, ${entry.post} — ${officeName}` : null,
      authorizedSignerId: entry?.id ?? null,
      validAtSigning,
      revokedAt: revoked?.revokedAt ?? null,
      revokedReason: revoked?.revokedReason ?? null,
      chainTrusted: s.chainTrusted,
      ...longTerm,
      problems,
    };
  });

  const { problems: fileProblems, ...fileLongTerm } = summarizeLongTermFile(validation);
  const problems: string[] = [...fileProblems];
  const storedHashMatches = input.fileSha256 === input.storedSha256;
  if (!storedHashMatches) problems.push(`El archivo guardado no corresponde a la huella registrada ${wording.hashRecorded}.`);
  if (signatures.length === 0) problems.push(`${wording.file} no tiene firmas.`);
  if (validation.modifiedAfterLastSignature) problems.push(`${wording.file} fue modificado después de ${wording.lastSignature}.`);

  return {
    report: {
      fileSha256: input.fileSha256,
      storedHashMatches,
      modifiedAfterLastSignature: validation.modifiedAfterLastSignature,
      ...fileLongTerm,
      signatures,
      problems,
    },
    lastEntry,
  };
}
