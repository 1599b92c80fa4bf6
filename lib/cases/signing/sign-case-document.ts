import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { AuthorizedSigner, Case, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { TCertificateInfo } from "@/lib/pki/types";
import type { TSignPdfOptions } from "@/lib/signing/sign-pdf";
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
import { resolveCertifyDeps, resolveSigningDeps, type TCertifyOptions } from "./certify-options";
import { findCurrentDocument } from "./find-current-document";
import { findSignatureAppearance } from "./find-signature-appearance";
import { openAuthorizedSigner, type TAuthorizedSignerHandle } from "./open-authorized-signer";
import { precheckSignerRevocation } from "./precheck-signer-revocation";
import { precheckTransition } from "./precheck-transition";
import { requireTsa } from "./require-tsa";
import { signCasePdf, type TSignCasePdfResult } from "./sign-case-pdf";

export type TSignCaseInput = {
  actor: TWorkflowActor;
  caseId: string;
  expectedVersion: number;
  pkcs12: Uint8Array;
  passphrase: string;
  ip?: string | null;
};

export type TSignCaseStep = {
  action: "sign" | "sign_and_issue";
  // The document this step signs, and the one it produces.
  fromStage: DocumentStage;
  toStage: DocumentStage;
  office: "DIDEDUC" | "CENTRAL";
  // Signs over earlier signatures: each must still be intact and the file unchanged after the last.
  requirePriorSignatures: number;
  // /Reason and /Location of the signature dictionary (Spanish: PDF readers show them).
  describe: (args: { caseRow: Case; dideducName: string | null; handle: Omit<TAuthorizedSignerHandle, "signer"> }) => { reason: string; location: string };
  // The applicant's mail for this step, from the case as the transaction locked it: written to the
  // outbox inside the transaction (so it rolls back with a refused transition), sent after commit.
  // `replaces`: the certification this issuance replaced (a corrected re-issue), else null.
  notify?: (caseRow: Case, replaces: TReplacedCase | null) => TNotifyEvent;
};

// One signature on the case's current document, as one workflow transition:
// 1. the same checks as the transition (role, scope, version, state) — early, so a stale or
//    out-of-scope click opens no certificate;
// 2. the PKCS#12 opened with its passphrase and its certificate checked against the registry
//    (SigningRefusal otherwise, nothing written), then its revocation status asked of its CA
//    (OCSP, else CRL): revoked or no answer → refused, nothing written;
// 3. the stored document read and checked against its SHA-256 (and its earlier signatures);
// 4. signed as an incremental update with a signature timestamp (and, for the last signature,
//    DSS and document timestamp: sign-case-pdf.ts) and stored by SHA-256 — before the transaction;
// 5. transition() with expectedVersion: under the row lock it writes the new DocumentVersion and
//    the Signature row (and the applicant's mail to the outbox), or refuses (a second click gets
//    STALE_VERSION and leaves one signature);
// 6. after the commit, the mail is delivered (never throws).
export async function signCaseDocument(input: TSignCaseInput, step: TSignCaseStep, options: TCertifyOptions = {}): Promise<Case> {
  const { db, storage, now } = await resolveCertifyDeps(options);
  const { tsa, trustedRoots, fetch } = resolveSigningDeps(options);
  const { row, source } = await beginCaseSigning(db, input, step, { now, tsa });

  const handle = await openAuthorizedSigner(db, {
    pkcs12: input.pkcs12,
    passphrase: input.passphrase,
    office: step.office,
    dideducId: row.dideducId,
    userId: actor(input).id,
    now,
  });
  await precheckSignerRevocation(handle.signer, { trustedRoots, now, fetch });

  const pdf = await readDocumentToSign(storage, source, step, now);
  const fields = await describeCaseSignature(db, { row, source, step, handle, now });
  // The last signature of the procedure (sign_and_issue) is followed by the DSS and the document
  // timestamp: the issued file is B-LTA; the DIDEDUC's stage is B-T.
  const signed = await signCasePdf(pdf, handle.signer, fields, { tsa, trustedRoots, now, fetch, longTerm: step.action === "sign_and_issue", caseId: input.caseId });
  return recordCaseSignature({ db, storage, now }, { input, step, source, signed, certificate: handle.certificate, authorizedSigner: handle.authorizedSigner });
}

const actor = (input: { actor: TWorkflowActor }) => input.actor;

// Phase (a), shared with prepareCaseSigning: the transition's checks, early (so a stale or
// out-of-scope click opens no certificate), a TSA configured, and the document this step signs.
export async function beginCaseSigning(
  db: PrismaClient,
  input: { actor: TWorkflowActor; caseId: string; expectedVersion: number },
  step: TSignCaseStep,
  { now, tsa }: { now: Date; tsa: TTsaConfig | null | undefined },
): Promise<{ row: Case; source: NonNullable<Awaited<ReturnType<typeof findCurrentDocument>>> }> {
  const { actor, caseId, expectedVersion } = input;
  const { row } = await precheckTransition(db, { caseId, action: step.action, actor, expectedVersion, now });
  requireTsa(tsa);
  const source = await findCurrentDocument(db, caseId);
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
  args: { row: Case; source: { sheetId: string | null }; step: TSignCaseStep; handle: Omit<TAuthorizedSignerHandle, "signer">; now: Date },
): Promise<Omit<TSignPdfOptions, "timestamp">> {
  const { row, source, step, handle, now } = args;
  const dideducName = row.dideducId ? ((await db.dideduc.findUnique({ where: { id: row.dideducId }, select: { name: true } }))?.name ?? null) : null;
  const { reason, location } = step.describe({ caseRow: row, dideducName, handle });
  // Drawn in the box the sheet printed for this office's signer (none on sheets stored before the boxes).
  const appearance = await findSignatureAppearance(db, { sheetId: source.sheetId, role: step.office, dideducName, signer: handle.authorizedSigner, signedAt: now });
  return { reason, location, name: handle.authorizedSigner.name, signingTime: now, appearance };
}

// Phase (b), shared with completeCaseSigning: the signed file stored by SHA-256 (before the
// transaction, as always), then transition() with expectedVersion writing the DocumentVersion, the
// Signature row and the applicant's mail (outbox) — `alsoInTransaction` runs first in the same
// transaction (the browser path marks its prepared signing used there) — and the mail delivered.
export async function recordCaseSignature(
  { db, storage, now }: { db: PrismaClient; storage: FileStorage; now: Date },
  args: {
    input: { actor: TWorkflowActor; caseId: string; expectedVersion: number; ip?: string | null };
    step: TSignCaseStep;
    source: { id: string; sheetId: string | null };
    signed: TSignCasePdfResult;
    certificate: TCertificateInfo;
    authorizedSigner: AuthorizedSigner;
    alsoInTransaction?: (tx: Prisma.TransactionClient) => Promise<void>;
  },
): Promise<Case> {
  const { input, step, source, signed, certificate, authorizedSigner } = args;
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
      sourceDocumentVersionId: source.id,
      sha256: stored.sha256,
      certFingerprint: certificate.fingerprint,
      authorizedSignerId: authorizedSigner.id,
    },
    apply: async (tx, caseRow, ctx) => {
      if (args.alsoInTransaction) await args.alsoInTransaction(tx);
      // The version check already makes this the document read above; checked again because a
      // signature on anything else must never be recorded.
      const current = await findCurrentDocument(tx, caseId);
      if (current?.id !== source.id) throw new TransitionError("STALE_VERSION");
      await tx.documentVersion.create({
        data: {
          id: documentVersionId,
          caseId,
          sheetId: source.sheetId,
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
      // re-issue replaces (the other issuance path does the same: issue-central-certification.ts).
      const replaces = ctx.toState === "ISSUED" ? await replaceReissuedCase(tx, caseRow, actor, { now, ip: input.ip }) : null;
      if (step.notify) outboxId = await notifyApplicant(tx, caseRow, step.notify(caseRow, replaces), { now });
    },
  });
  await deliverNotification(db, outboxId);
  return updated;
}
