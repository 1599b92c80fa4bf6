import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { DomainError } from "@/lib/errors";
import { safeText } from "@/lib/validation/safe-text";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { zodFieldErrors } from "@/lib/workflow/check-transition";
import { REASON_MAX_LENGTH } from "@/lib/workflow/inputs";
import { TransitionError } from "@/lib/workflow/transition-error";
import { caseSearchTerms, studentNamesOf } from "./case-search-terms";
import { checkReissuable } from "./check-reissuable";
import { copyCaseFiles } from "./copy-case-files";
import { dbOf, type TDbOptions } from "./db-options";
import { deliverNotification } from "./deliver-notification";
import { nextCaseNumber } from "./next-case-number";
import { notifyApplicant } from "./notify-applicant";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

const NOTE_REQUIRED = "Indique qué hay que corregir: el titular lo leerá en su solicitud y en el correo.";

// "Qué hay que corregir": what the holder reads on the new draft and in the mail.
export const ZStartReissueInput = z.object({
  caseId: z.string({ error: "Falta la solicitud." }).trim().min(1, { error: "Falta la solicitud." }),
  note: safeText({ error: NOTE_REQUIRED }, { multiline: true })
    .trim()
    .min(1, { error: NOTE_REQUIRED })
    .max(REASON_MAX_LENGTH, { error: `La indicación no puede tener más de ${REASON_MAX_LENGTH} caracteres.` }),
});
export type TStartReissueInput = z.input<typeof ZStartReissueInput>;

// Corrected re-issue (reposición), started by central staff (assistant, coordinator, manager) from
// an ISSUED or REVOKED certification: a NEW case of the same procedure, holder and DIDEDUC, with
// the old case's typed data and files (same stored bytes), in DRAFT and owned by the holder, who
// corrects it in the usual editor and sends it; it then walks the procedure's normal path and gets
// the same signatures again and its own verification code. When it is issued, the old one is
// revoked with REPLACED in that same transaction (replace-reissued-case.ts).
//
// The staff note is the new case's lastNote (shown on the draft; the submission clears it, as any
// transition does) and the note of both audit events; the holder is mailed in the same
// transaction (outbox), delivered after the commit.
//
// Refused (DomainError / TransitionError, nothing written): not central staff; not an ISSUED or
// REVOKED case (D.4 registrations never are); already replaced by an issued re-issue (start from
// that one); another re-issue of it still open; the holder's account deactivated. The old case's row
// lock serializes two staff members starting one at the same moment: the second sees the first's.
export async function startReissue(
  input: { actor: TWorkflowActor; caseId: string; note: string; ip?: string | null; now?: Date; db?: PrismaClient },
  options: TDbOptions = {},
): Promise<{ caseId: string; number: string }> {
  const db = await dbOf(options, input);
  const now = input.now ?? new Date();
  const role = centralRoleOf(input.actor.roles);
  if (!role) throw new TransitionError("FORBIDDEN_ROLE", "Solo Atención al Ciudadano puede iniciar una reposición corregida.");
  const parsed = ZStartReissueInput.safeParse({ caseId: input.caseId, note: input.note });
  if (!parsed.success) throw new TransitionError("INVALID_INPUT", undefined, zodFieldErrors(parsed.error));
  const { caseId, note } = parsed.data;

  let outboxId: string | null = null;
  const created = await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${caseId} FOR UPDATE`;
      const old = await tx.case.findUnique({
        where: { id: caseId },
        include: {
          applicant: { select: { active: true, name: true } },
          reissues: { orderBy: { createdAt: "desc" }, select: { id: true, number: true, state: true, issuedAt: true, verificationCode: true } },
        },
      });
      if (!old) throw new TransitionError("NOT_FOUND");
      const refusal = checkReissuable(old, old.reissues);
      if (refusal) throw new DomainError(refusal.code, refusal.message);
      if (!old.applicant.active) {
        throw new DomainError("HOLDER_INACTIVE", "La cuenta del titular está desactivada: no podría corregir ni enviar la reposición.");
      }

      const number = await nextCaseNumber(tx, old.procedure, now);
      const formData = (old.formData ?? {}) as Prisma.InputJsonValue;
      const draft = await tx.case.create({
        data: {
          number,
          procedure: old.procedure,
          state: "DRAFT",
          applicantId: old.applicantId,
          dideducId: old.dideducId,
          formData,
          reissueOfId: old.id,
          lastNote: note,
          searchTerms: caseSearchTerms(old.applicant.name, ...studentNamesOf(old.formData)),
          createdAt: now,
        },
      });
      await appendAuditEvent(tx, {
        data: {
          caseId: draft.id,
          actorId: input.actor.id,
          role,
          action: "create",
          fromState: null,
          toState: "DRAFT",
          note,
          data: { number, procedure: old.procedure, reissueOf: old.id, reissueOfNumber: old.number },
          ip: input.ip ?? null,
          createdAt: now,
        },
      });
      // No state change on the old case: it stays valid (or revoked) until the re-issue is issued.
      await appendAuditEvent(tx, {
        data: {
          caseId: old.id,
          actorId: input.actor.id,
          role,
          action: "start_reissue",
          fromState: null,
          toState: null,
          note,
          data: { reissueCaseId: draft.id, reissueNumber: number },
          ip: input.ip ?? null,
          createdAt: now,
        },
      });
      await copyCaseFiles(tx, old.id, draft.id);
      outboxId = await notifyApplicant(tx, draft, { type: "reissue_started", note, originalNumber: old.number }, { now });
      return draft;
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
  await deliverNotification(db, outboxId);
  return { caseId: created.id, number: created.number };
}

// The role the audit records: the highest central role the account holds (null: not central staff).
function centralRoleOf(roles: readonly Role[]): Role | null {
  return (["CENTRAL_MANAGER", "CENTRAL_COORDINATOR", "CENTRAL_ASSISTANT"] as const).find((r) => roles.includes(r)) ?? null;
}
