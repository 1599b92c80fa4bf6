import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { copyCaseFiles } from "./copy-case-files";
import { createDraftCase } from "./create-draft-case";
import { dbOf, type TDbOptions } from "./db-options";
import { REQUESTED_DOCUMENT_FILE_KINDS } from "./forms/diploma-before-2005-form";

// "Iniciar una nueva solicitud a partir de esta": a new DRAFT of the same procedure with the typed
// data and DIDEDUC of a rejected case of the applicant's own (parentCaseId set). After a rejection
// with guidance files are not copied: the citizen attaches the certification the indicated office
// gives them. After a rejection requesting documents (D.2.1 Nota 2) the documents already sent stand
// and are carried over, except those of the kinds requested, which must be attached anew; the new
// draft cannot be submitted without them (lib/cases/find-requested-documents.ts).
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
  const guidance = parent.guidance as { kind?: unknown; documents?: unknown } | null;
  const requested = guidance?.kind === "REQUEST_DOCUMENTS" && Array.isArray(guidance.documents) ? guidance.documents : null;
  const created = await createDraftCase(
    input.actor,
    {
      procedure: parent.procedure,
      dideducId: parent.dideducId,
      formData: (parent.formData ?? {}) as Record<string, unknown>,
      parentCaseId: parent.id,
    },
    {
      db,
      ip: input.ip ?? null,
      afterCreate: requested
        ? async (tx, draft) => {
            const exceptKinds = requested.flatMap((d) => (d in REQUESTED_DOCUMENT_FILE_KINDS ? [REQUESTED_DOCUMENT_FILE_KINDS[d as keyof typeof REQUESTED_DOCUMENT_FILE_KINDS]] : []));
            await copyCaseFiles(tx, parent.id, draft.id, { exceptKinds });
          }
        : undefined,
    },
  );
  return { caseId: created.id };
}
