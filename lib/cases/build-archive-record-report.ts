import "server-only";
import { createHash } from "node:crypto";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { checkArchiveSignedPdf } from "@/lib/registry/check-archive-signed-pdf";
import { foldText } from "@/lib/registry/fold-text";
import { assessPdfSignatures } from "./assess-pdf-signatures";
import type { TSignatureReport } from "./build-signature-report";
import { ARCHIVE_RECORD_FILE_KIND } from "./forms/graduation-record-form";
import { resolveCertifyDeps, type TCertifyOptions } from "./signing/certify-options";
import { loadTrustedRoots } from "./signing/load-trusted-roots";

const ARCHIVE_OFFICE = "Archivo Documental";

export type TArchiveRecordReport = {
  file: { id: string; name: string; sha256: string; size: number; pages: number; uploadedAt: Date };
  // Same shape as the central report on a certification (components/staff/signature-report.tsx).
  signatures: Omit<TSignatureReport, "documentVersionId" | "stage">;
  // The registry entry the (last) signature's certificate matches for the archive, if any.
  signer: { name: string; post: string; authorizedSignerId: string } | null;
  // What the citizen typed as the archive officer's name and post.
  typed: { name: string | null; post: string | null };
  // Folded comparison (accents, case, spacing ignored) with the registry entry; null when there
  // is nothing to compare (no entry, or nothing typed).
  matches: { name: boolean | null; post: boolean | null };
  // The check the upload passed, run again now: the signature is the archive's, intact, whole.
  signatureAccepted: boolean;
  // signatureAccepted and both typed values match the registry.
  ok: boolean;
};

function typedOfficer(formData: unknown): { name: string | null; post: string | null } {
  const officer = (formData as { archiveOfficer?: { name?: unknown; post?: unknown } } | null)?.archiveOfficer;
  const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
  return { name: text(officer?.name), post: text(officer?.post) };
}

// D.1.2's central review (issue #4): the signature report of the PDF the archive signed, which
// the citizen uploaded — intact, covering the whole file, the certificate's fingerprint, an
// authorized archive signer valid when it signed — and whether that signer is the person and
// post the citizen typed. Reads only; the page checks that the actor may see the case first.
// Null when the case has no archive record attached.
export async function buildArchiveRecordReport(args: { caseId: string }, options: TCertifyOptions = {}): Promise<TArchiveRecordReport | null> {
  const { db, storage, now } = await resolveCertifyDeps(options);
  const caseRow = await db.case.findUnique({ where: { id: args.caseId }, select: { id: true, formData: true } });
  if (!caseRow) return null;
  const file = await db.uploadedFile.findFirst({
    where: { caseId: caseRow.id, kind: ARCHIVE_RECORD_FILE_KIND },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!file) return null;

  const pdf = await storage.get(file.storageKey);
  const fileSha256 = createHash("sha256").update(pdf).digest("hex");
  const trustedRoots = options.trustedRoots ?? loadTrustedRoots();
  const validation = validatePdfSignatures(pdf, { trustedRoots, now });
  const typed = typedOfficer(caseRow.formData);
  const accepted = await checkArchiveSignedPdf(pdf, { db, now, trustedRoots, typedName: typed.name, typedPost: typed.post });

  const fingerprints = validation.signatures.map((s) => s.certificate?.fingerprint).filter((f): f is string => Boolean(f));
  const registry = await db.authorizedSigner.findMany({ where: { certFingerprint: { in: fingerprints } } });

  const { report, lastEntry } = assessPdfSignatures({
    validation,
    fileSha256,
    storedSha256: file.sha256,
    registry,
    expectedOfficeOf: () => "ARCHIVE",
    officeNameOf: () => ARCHIVE_OFFICE,
    dideducId: null,
    now,
    wording: {
      lastNotCovering: "La firma no llega al final del archivo: se agregó contenido después de firmar.",
      registeredElsewhere: () => "El certificado está registrado para otra oficina, no para el Archivo Documental.",
      notRegistered: () => "El certificado no está en el registro de firmantes autorizados del Archivo Documental.",
      file: "El PDF",
      hashRecorded: "al subirlo",
      lastSignature: "la firma del Archivo",
    },
  });
  const { signatures, storedHashMatches, problems } = report;
  // The upload check's own messages are written for the citizen; staff read the details above.
  if (!accepted.ok && problems.length === 0 && signatures.every((s) => s.problems.length === 0)) {
    problems.push("El PDF no pasó la comprobación de la firma del Archivo Documental.");
  }
  const signatureAccepted = accepted.ok && storedHashMatches;

  const signer = accepted.ok
    ? { name: accepted.signer.name, post: accepted.signer.post, authorizedSignerId: accepted.signer.authorizedSignerId }
    : lastEntry
      ? { name: lastEntry.name, post: lastEntry.post, authorizedSignerId: lastEntry.id }
      : null;
  const same = (a: string | null, b: string | undefined) => (a && b ? foldText(a) === foldText(b) : null);
  const matches = { name: same(typed.name, signer?.name), post: same(typed.post, signer?.post) };

  return {
    file: { id: file.id, name: file.originalName, sha256: file.sha256, size: file.size, pages: file.pages, uploadedAt: file.createdAt },
    signatures: { ok: signatureAccepted && signatures.every((s) => s.intact && s.authorized && s.validAtSigning), ...report },
    signer,
    typed,
    matches,
    signatureAccepted,
    ok: signatureAccepted && matches.name === true && matches.post === true,
  };
}
