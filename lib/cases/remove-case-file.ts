import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { UPLOAD_EDITABLE_STATES } from "@/lib/uploads/store-upload";
import { TransitionError } from "@/lib/workflow/transition-error";
import { dbOf, type TDbOptions } from "./db-options";

// Takes a scan off the applicant's own case while it is a draft or under correction. Only the row
// goes: stored bytes are content-addressed, never overwritten, and may be shared by another row.
export async function removeCaseFile(
  input: { actor: Pick<TWorkflowActor, "id">; caseId: string; fileId: string; db?: PrismaClient },
  options: TDbOptions = {},
): Promise<void> {
  const db = await dbOf(options, input);
  await db.$transaction(async (tx) => {
    // The lock uploads and submission take, so a removal never interleaves with them.
    await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${input.caseId} FOR UPDATE`;
    const row = await tx.case.findUnique({ where: { id: input.caseId }, select: { applicantId: true, state: true } });
    if (!row || row.applicantId !== input.actor.id) throw new TransitionError("NOT_FOUND", "La solicitud no existe.");
    if (!UPLOAD_EDITABLE_STATES.includes(row.state)) {
      throw new TransitionError("INVALID_STATE", "Esta solicitud ya fue enviada: sus archivos solo se pueden cambiar cuando se le pide corregirla.");
    }
    const deleted = await tx.uploadedFile.deleteMany({ where: { id: input.fileId, caseId: input.caseId } });
    if (deleted.count !== 1) throw new TransitionError("NOT_FOUND", "El archivo ya no está en la solicitud.");
  });
}
