import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { createDraftCase } from "./create-draft-case";
import { dbOf, type TDbOptions } from "./db-options";

// "Iniciar una nueva solicitud a partir de esta": a new DRAFT of the same procedure with the typed
// data and DIDEDUC of a rejected case of the applicant's own (parentCaseId set). Files are not
// copied: the citizen attaches what the indicated office gives them.
export async function startCaseFrom(
  input: { actor: TWorkflowActor; caseId: string; ip?: string | null; db?: PrismaClient },
  options: TDbOptions = {},
): Promise<{ caseId: string }> {
  const db = await dbOf(options, input);
  const parent = await db.case.findUnique({ where: { id: input.caseId } });
  if (!parent || parent.applicantId !== input.actor.id) throw new TransitionError("NOT_FOUND", "La solicitud no existe.");
  if (parent.state !== "REJECTED") {
    throw new TransitionError("INVALID_STATE", "Solo se puede iniciar una nueva solicitud a partir de una solicitud rechazada.");
  }
  const created = await createDraftCase(
    input.actor,
    {
      procedure: parent.procedure,
      dideducId: parent.dideducId,
      formData: (parent.formData ?? {}) as Record<string, unknown>,
      parentCaseId: parent.id,
    },
    { db, ip: input.ip ?? null },
  );
  return { caseId: created.id };
}
