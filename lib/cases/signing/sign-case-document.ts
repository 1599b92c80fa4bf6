import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { AuthorizedSigner, Case, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TCertificateInfo } from "@/lib/pki/types";
import type { TSignPdfOptions } from "@/lib/signing/sign-pdf";
import { CENTRAL_OFFICE } from "@/lib/pdf/sheet-data";
import { generateVerificationCode } from "@/lib/verification/generate-verification-code";
import type { TTsaConfig } from "@/lib/signing/timestamp/tsa-config";
import type { FileStorage } from "@/lib/storage/file-storage";
import type { DocumentStage } from "@/lib/generated/prisma/enums";
import { DomainError } from "@/lib/errors";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { transition } from "@/lib/workflow/transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { deliverNotification } from "../deliver-notification";
import { notifyApplicant, type TNotifyEvent } from "../notify-applicant";
import { replaceReissuedCase, type TReplacedCase } from "../replace-reissued-case";
import { buildSheetSignatureAppearance } from "./build-sheet-signature-appearance";
import type { TAuthorizedCertificate } from "./check-authorized-certificate";
import type { TSignCasePdfResult } from "./complete-case-pdf";
import { findCurrentDocument } from "./find-current-document";
import { findSignatureAppearance } from "./find-signature-appearance";
import { precheckTransition } from "./precheck-transition";
import { renderCaseCertification } from "./render-case-certification";
import { requireTsa } from "./require-tsa";

export type TSignCaseStep = {
  action: "sign" | "sign_and_issue";
  // The document this step signs (null: none yet — the central-only issuance renders the sheet
  // with its signer at prepare), and the one it produces.
  fromStage: DocumentStage | null;
  toStage: DocumentStage;
  office: "DIDEDUC" | "CENTRAL";
  // Signs over earlier signatures: each must still be intact and the file unchanged after the last.
  requirePriorSignatures: number;
  // /Reason and /Location of the signature dictionary (Spanish: PDF readers show them).
  describe: (args: { caseRow: Case; dideducName: string | null; handle: TAuthorizedCertificate }) => { reason: string; location: string };
  // The applicant's mail for this step, from the case as the transaction locked it: written to the
  // outbox inside the transaction (so it rolls back with a refused transition), sent after commit.
  // `replaces`: the certification this issuance replaced (a corrected re-issue), else null;
  // `verificationCode`: the one the signed file prints.
  notify?: (caseRow: Case, replaces: TReplacedCase | null, verificationCode: string | null) => TNotifyEvent;
};

// The phases of one signature on a case's document, as one workflow transition (decision 0017):
// (a) at prepare: beginCaseSigning (the transition's checks, early; a TSA configured; the
//     document this step signs, or none for a central-only issuance), then — after the caller has
//     checked the certificate against the registry and its CA — documentToSign (the stored file
//     checked against its SHA-256 and earlier signatures, or the sheet rendered naming the signer)
//     with its signature dictionary's fields;
// (b) at complete: recordCaseSignature (the signed file stored by SHA-256, then transition() with
//     expectedVersion writing the DocumentVersion, the Signature row, the new sheet and code of a
//     central-only issuance, the re-issue's replacement and the applicant's mail (outbox) — or
//     nothing — and the mail delivered after the commit).
type TSourceDocument = NonNullable<Awaited<ReturnType<typeof findCurrentDocument>>>;

// Phase (a): the transition's checks, early (so a stale or out-of-scope click checks no
// certificate), a TSA configured, and the document this step signs (null when the step renders it).
export async function beginCaseSigning(
  db: PrismaClient,
  input: { actor: TWorkflowActor; caseId: string; expectedVersion: number },
  step: TSignCaseStep,
  { now, tsa }: { now: Date; tsa: TTsaConfig | null | undefined },
): Promise<{ row: Case; source: TSourceDocument | null }> {
  const { actor, caseId, expectedVersion } = input;
  const { row } = await precheckTransition(db, { caseId, action: step.action, actor, expectedVersion, now });
  requireTsa(tsa);
  const source = await findCurrentDocument(db, caseId);
  if (step.fromStage === null) {
    if (source) throw new DomainError("DOCUMENT_EXISTS", "Esta solicitud ya tiene un documento emitido. Recargue la página.");
    return { row, source: null };
  }
  if (!source || source.stage !== step.fromStage) {
    // A concurrent click may have signed between the precheck and this read: that is a stale page,
    // not a missing document, and the person should hear "someone changed it".
    const latest = await db.case.findUnique({ where: { id: caseId }, select: { version: true } });
    if (latest && latest.version !== expectedVersion) throw new TransitionError("STALE_VERSION");
    throw new DomainError("NO_DOCUMENT", "La solicitud no tiene el documento que corresponde firmar en este paso. Recargue la página.");
  }
  return { row, source };
}

// The stored document, checked against its SHA-256 and (over earlier signatures) their integrity.
export async function readDocumentToSign(
  storage: FileStorage,
  source: { id: string; storageKey: string; sha256: string },
  step: TSignCaseStep,
  now: Date,
): Promise<Buffer> {
  const pdf = await storage.get(source.storageKey);
  if (createHash("sha256").update(pdf).digest("hex") !== source.sha256) {
    throw new Error(`Documento ${source.id}: el archivo guardado no corresponde a su SHA-256`);
  }
  if (step.requirePriorSignatures > 0) {
    const report = validatePdfSignatures(pdf, { trustedRoots: [], now });
    const intact = report.signatures.filter((s) => s.byteRangeOk && s.digestOk && s.signatureOk);
    if (report.signatures.length !== step.requirePriorSignatures || intact.length !== report.signatures.length || report.modifiedAfterLastSignature) {
      throw new DomainError(
        "DOCUMENT_ALTERED",
        "La firma de la Dirección Departamental no está íntegra o el archivo cambió después de firmarse. Devuelva la solicitud a la Dirección Departamental.",
      );
    }
  }
  return pdf;
}

// The signature dictionary's fields: /Reason, /Location, /Name, /M and the visible box.
export async function describeCaseSignature(
  db: PrismaClient,
  args: { row: Case; source: { sheetId: string | null }; step: TSignCaseStep; handle: TAuthorizedCertificate; now: Date },
): Promise<Omit<TSignPdfOptions, "timestamp">> {
  const { row, source, step, handle, now } = args;
  const dideducName = row.dideducId ? ((await db.dideduc.findUnique({ where: { id: row.dideducId }, select: { name: true } }))?.name ?? null) : null;
  const { reason, location } = step.describe({ caseRow: row, dideducName, handle });
  // Drawn in the box the sheet printed for this office's signer (none on sheets stored before the boxes).
  const appearance = await findSignatureAppearance(db, { sheetId: source.sheetId, role: step.office, dideducName, signer: handle.authorizedSigner, signedAt: now });
  return { reason, location, name: handle.authorizedSigner.name, signingTime: now, appearance };
}

// A central-only issuance's sheet, rendered at prepare and written at complete.
export type TNewSheet = { id: string; data: unknown; verificationCode: string };

// Phase (a), after the certificate checks: what this step signs and how the signature describes
// itself. Over an existing document: the stored file (readDocumentToSign) and the box its sheet
// printed for this office. Central-only issuance: the verification code (kept if the case has one,
// e.g. after a return), the procedure's sheet rendered with the authorized signer's name and post,
// merged in front of the case's files with attachments embedded, and the box just rendered.
export async function documentToSign(
  { db, storage }: { db: PrismaClient; storage: FileStorage },
  args: { row: Case; source: TSourceDocument | null; step: TSignCaseStep; handle: TAuthorizedCertificate; now: Date },
): Promise<{ pdf: Buffer; fields: Omit<TSignPdfOptions, "timestamp">; newSheet: TNewSheet | null }> {
  const { row, source, step, handle, now } = args;
  if (source) {
    const pdf = await readDocumentToSign(storage, source, step, now);
    return { pdf, fields: await describeCaseSignature(db, { row, source, step, handle, now }), newSheet: null };
  }
  const signer = { name: handle.authorizedSigner.name, post: handle.authorizedSigner.post };
  const verificationCode = row.verificationCode ?? generateVerificationCode();
  const built = await renderCaseCertification(db, storage, { caseRow: row, verificationCode, now, centralSigner: signer });
  const { reason, location } = step.describe({ caseRow: row, dideducName: null, handle });
  const appearance = buildSheetSignatureAppearance(built.data, "CENTRAL", { ...signer, office: CENTRAL_OFFICE }, now);
  return {
    pdf: built.pdf,
    fields: { reason, location, name: signer.name, signingTime: now, appearance },
    newSheet: { id: randomUUID(), data: built.data, verificationCode },
  };
}

// Phase (b): the signed file stored by SHA-256 (before the transaction, as always), then
// transition() with expectedVersion writing, or refusing all of: the central-only issuance's
// CertificationSheet and verification code (`newSheet`), the DocumentVersion, the Signature row,
// the revocation of the case a corrected re-issue replaces and the applicant's mail (outbox).
// `alsoInTransaction` runs first in the same transaction (completeCaseSigning marks its prepared
// signing used there). The mail is delivered after the commit.
export async function recordCaseSignature(
  { db, storage, now }: { db: PrismaClient; storage: FileStorage; now: Date },
  args: {
    input: { actor: TWorkflowActor; caseId: string; expectedVersion: number; ip?: string | null };
    step: TSignCaseStep;
    // The document signed over, or (central-only issuance) the sheet rendered for this signature.
    document: { source: { id: string; sheetId: string | null } } | { newSheet: TNewSheet };
    signed: TSignCasePdfResult;
    certificate: TCertificateInfo;
    authorizedSigner: AuthorizedSigner;
    alsoInTransaction?: (tx: Prisma.TransactionClient) => Promise<void>;
  },
): Promise<Case> {
  const { input, step, signed, certificate, authorizedSigner } = args;
  const source = "source" in args.document ? args.document.source : null;
  const newSheet = "newSheet" in args.document ? args.document.newSheet : null;
  const sheetId = newSheet ? newSheet.id : source!.sheetId;
  const { actor, caseId, expectedVersion } = input;
  const stored = await storage.put(signed.pdf);
  const documentVersionId = randomUUID();
  let outboxId: string | null = null;
  const updated = await transition(caseId, step.action, actor, {}, expectedVersion, {
    db,
    ip: input.ip ?? null,
    now,
    auditData: {
      documentVersionId,
      ...(source ? { sourceDocumentVersionId: source.id } : { sheetId, verificationCode: newSheet!.verificationCode }),
      sha256: stored.sha256,
      certFingerprint: certificate.fingerprint,
      authorizedSignerId: authorizedSigner.id,
    },
    apply: async (tx, caseRow, ctx) => {
      if (args.alsoInTransaction) await args.alsoInTransaction(tx);
      // The version check already makes this the document read at prepare (or, for a new sheet,
      // excludes a concurrent issuance); checked again because a signature on anything else, or a
      // second issued document, must never be recorded.
      const current = await findCurrentDocument(tx, caseId);
      if (newSheet ? current !== null : current?.id !== source!.id) throw new TransitionError("STALE_VERSION");
      if (newSheet) {
        await tx.certificationSheet.create({
          data: { id: newSheet.id, caseId, generatedById: actor.id, data: newSheet.data as Prisma.InputJsonValue },
        });
      }
      await tx.documentVersion.create({
        data: {
          id: documentVersionId,
          caseId,
          sheetId,
          stage: step.toStage,
          sha256: stored.sha256,
          size: stored.size,
          storageKey: stored.key,
          createdById: actor.id,
          padesLevel: signed.padesLevel,
          documentTimestampedAt: signed.documentTimestampedAt,
        },
      });
      await tx.signature.create({
        data: {
          caseId,
          documentVersionId,
          signerId: actor.id,
          authorizedSignerId: authorizedSigner.id,
          role: ctx.authority.role,
          certFingerprint: certificate.fingerprint,
          certSubject: certificate.subject,
          signedAt: now,
          timestampedAt: signed.timestamp.genTime,
          timestampAuthority: signed.timestamp.tsaName,
        },
      });
      // The step that issues also revokes, in this same commit, the certification a corrected
      // re-issue replaces.
      const replaces = ctx.toState === "ISSUED" ? await replaceReissuedCase(tx, caseRow, actor, { now, ip: input.ip }) : null;
      const verificationCode = newSheet?.verificationCode ?? caseRow.verificationCode;
      if (step.notify) outboxId = await notifyApplicant(tx, caseRow, step.notify(caseRow, replaces, verificationCode), { now });
      // The code the issued sheet prints becomes the case's (kept when it already had one).
      return newSheet && !caseRow.verificationCode ? { verificationCode: newSheet.verificationCode } : {};
    },
  });
  await deliverNotification(db, outboxId);
  return updated;
}
