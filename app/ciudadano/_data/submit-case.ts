import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send-mail";
import { submissionReceivedMail } from "@/lib/mail/templates";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import { transition } from "@/lib/workflow/transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import type { TFieldErrors } from "@/lib/errors";
import { educationalRecordErrors } from "./educational-record-form";

function appUrl(pathname: string): string {
  const base = new URL(process.env.APP_BASE_URL?.trim() || "http://localhost:3000");
  return `${base.origin}${base.pathname.replace(/\/+$/, "")}${pathname}`;
}

// "Enviar solicitud" / "Enviar correcciones": the stored form must pass the strict schema, a DIDEDUC
// must be chosen and at least one scan attached; then submit (DRAFT) or resubmit (NEEDS_CORRECTION)
// through the workflow engine, which checks owner, state and version in its transaction. The
// applicant is mailed after the commit; a mail problem never undoes the submission.
export async function submitCase(input: {
  actor: TWorkflowActor;
  caseId: string;
  expectedVersion: number;
  ip: string | null;
  db?: PrismaClient;
  now?: Date;
}): Promise<{ version: number; state: CaseState }> {
  const db = input.db ?? (await import("@/lib/db")).db;
  const now = input.now ?? new Date();
  const row = await db.case.findUnique({
    where: { id: input.caseId },
    include: { _count: { select: { files: true } }, dideduc: { select: { name: true } }, applicant: { select: { name: true, email: true } } },
  });
  if (!row || row.applicantId !== input.actor.id) throw new TransitionError("NOT_FOUND", "La solicitud no existe.");
  if (row.version !== input.expectedVersion) {
    throw new TransitionError("STALE_VERSION", "La solicitud cambió en otra ventana o pestaña. Recargue la página y envíela de nuevo.");
  }
  const action = row.state === "NEEDS_CORRECTION" ? "resubmit" : "submit";

  const errors: TFieldErrors = {};
  if (row.procedure === "EDUCATIONAL_RECORD") {
    Object.assign(errors, educationalRecordErrors(row.formData, now));
  }
  if (!row.dideducId) errors.dideducId = ["Seleccione la Dirección Departamental de Educación a la que corresponden los documentos."];
  if (row._count.files === 0) errors.files = ["Adjunte al menos un PDF con el escaneo de sus documentos (anverso y reverso)."];
  if (Object.keys(errors).length > 0) {
    throw new TransitionError("INVALID_INPUT", "Revise los datos marcados: la solicitud no se envió.", errors);
  }

  const updated = await transition(row.id, action, input.actor, {}, input.expectedVersion, {
    db,
    ip: input.ip,
    now,
    apply: async () => ({ submittedAt: now }),
  });

  try {
    const mail = submissionReceivedMail({
      applicantName: row.applicant.name,
      caseNumber: row.number,
      procedureLabel: PROCEDURE_LABELS[row.procedure],
      caseUrl: appUrl(`/ciudadano/solicitudes/${encodeURIComponent(row.id)}`),
      reviewingOffice: row.dideduc ? `Dirección Departamental de Educación de ${row.dideduc.name}` : null,
      resubmitted: action === "resubmit",
    });
    await sendMail({ to: row.applicant.email, ...mail, caseId: row.id }, { db });
  } catch (error) {
    log.error("submission mail failed", { caseId: row.id, error });
  }
  return { version: updated.version, state: updated.state };
}
