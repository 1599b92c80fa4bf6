import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState } from "@/lib/generated/prisma/enums";
import type { TFieldErrors } from "@/lib/errors";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { getDefinition } from "@/lib/workflow/definitions";
import { transition } from "@/lib/workflow/transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { dbOf, type TDbOptions } from "./db-options";
import { deliverNotification } from "./deliver-notification";
import { notifyApplicant } from "./notify-applicant";
import { procedureForm } from "./procedure-forms";

const NOT_SENT = "Revise los datos marcados: la solicitud no se envió.";

export type TSubmitCaseInput = {
  actor: TWorkflowActor;
  caseId: string;
  expectedVersion: number;
  ip: string | null;
  now?: Date;
  db?: PrismaClient;
};

// "Enviar solicitud" / resend after a correction: the stored form must pass the strict schema, a
// DIDEDUC must be chosen and at least one scan attached; then `submit` (DRAFT) or `resubmit`
// (NEEDS_CORRECTION) through the workflow engine, which checks owner, state and version. Every
// field error is reported at once and nothing changes. The "received" mail is written to the
// outbox in the same transaction and delivered after the commit.
export async function submitCase(input: TSubmitCaseInput, options: TDbOptions = {}): Promise<{ version: number; state: CaseState }> {
  const db = await dbOf(options, input);
  const now = input.now ?? new Date();
  const row = await db.case.findUnique({ where: { id: input.caseId }, include: { _count: { select: { files: true } } } });
  if (!row || row.applicantId !== input.actor.id) throw new TransitionError("NOT_FOUND", "La solicitud no existe.");
  if (row.version !== input.expectedVersion) {
    throw new TransitionError("STALE_VERSION", "La solicitud cambió en otra ventana o pestaña. Recargue la página y envíela de nuevo.");
  }
  if (row.state !== "DRAFT" && row.state !== "NEEDS_CORRECTION") {
    throw new TransitionError("INVALID_STATE", "Esta solicitud ya fue enviada.");
  }
  const action = row.state === "NEEDS_CORRECTION" ? "resubmit" : "submit";

  const form = procedureForm(row.procedure);
  if (!form) throw new TransitionError("INVALID_INPUT", "Este trámite todavía no se puede solicitar en línea.");
  const errors: TFieldErrors = { ...form.submitErrors(row.formData, now) };
  if (getDefinition(row.procedure).requiresDideduc && !row.dideducId) {
    errors.dideducId = ["Seleccione la Dirección Departamental de Educación a la que corresponden los documentos."];
  }
  if (row._count.files === 0) errors.files = [form.filesRequired];
  if (Object.keys(errors).length > 0) throw new TransitionError("INVALID_INPUT", NOT_SENT, errors);

  let outboxId: string | null = null;
  const updated = await transition(row.id, action, input.actor, {}, input.expectedVersion, {
    db,
    ip: input.ip,
    now,
    apply: async (tx, caseRow) => {
      // Still checked inside the lock: a file removed in another tab meanwhile must not slip through.
      const files = await tx.uploadedFile.count({ where: { caseId: caseRow.id } });
      if (files === 0) throw new TransitionError("INVALID_INPUT", NOT_SENT, { files: [form.filesRequired] });
      const checked = form.checkSubmission ? await form.checkSubmission(tx, caseRow, now) : {};
      if (Object.keys(checked).length > 0) throw new TransitionError("INVALID_INPUT", NOT_SENT, checked);
      outboxId = await notifyApplicant(tx, caseRow, { type: "submitted", resubmitted: action === "resubmit" }, { now });
      return { submittedAt: caseRow.submittedAt ?? now };
    },
  });
  await deliverNotification(db, outboxId);
  return { version: updated.version, state: updated.state };
}
