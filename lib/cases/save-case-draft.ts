import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Procedure } from "@/lib/generated/prisma/enums";
import { checkTextTree } from "@/lib/validation/hidden-characters";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { getDefinition } from "@/lib/workflow/definitions";
import { TransitionError } from "@/lib/workflow/transition-error";
import { UPLOAD_EDITABLE_STATES } from "@/lib/uploads/store-upload";
import { caseSearchTerms, studentNamesOf } from "./case-search-terms";
import { createDraftCase, NO_DIDEDUC_MESSAGE } from "./create-draft-case";
import { dbOf, type TDbOptions } from "./db-options";
import { procedureForm } from "./procedure-forms";

export type TSaveCaseDraftInput = {
  actor: TWorkflowActor;
  caseId?: string | null;
  procedure: Procedure;
  dideducId?: string | null;
  formData: unknown;
  expectedVersion?: number;
  ip?: string | null;
  db?: PrismaClient;
  // When a new draft is created (default: now); the seed files demo cases in the past.
  now?: Date;
};

const HIDDEN_TEXT_REFUSED = "No se guardó: hay texto con caracteres invisibles o de control. Revise los campos marcados.";

// Lenient on purpose: a draft may be incomplete, but never of another shape or size. Keys the
// procedure's form does not have are dropped by its draft schema; text is stored NFC, and text
// with a hidden character (lib/validation/hidden-characters.ts) is refused at once, next to its
// field, rather than kept until the submission refuses it.
function cleanFormData(procedure: Procedure, formData: unknown): Prisma.InputJsonValue {
  const form = procedureForm(procedure);
  if (!form) throw new TransitionError("INVALID_INPUT", "Este trámite todavía no se puede solicitar en línea.");
  const { value, problems } = checkTextTree(formData);
  if (problems.length > 0) {
    const fieldErrors: Record<string, string[]> = {};
    for (const p of problems) (fieldErrors[["formData", ...p.path].join(".")] ??= []).push(p.message);
    throw new TransitionError("INVALID_INPUT", HIDDEN_TEXT_REFUSED, fieldErrors);
  }
  return form.parseDraft(value);
}

// The first save creates the DRAFT (number and "create" event); later saves replace the form data
// and DIDEDUC of the applicant's own case while it is a draft or under correction, only if nobody
// saved since `expectedVersion` (another tab), and bump the version. Saving is not a transition:
// the state stays, and the engine remains the only code that moves it.
export async function saveCaseDraft(input: TSaveCaseDraftInput, options: TDbOptions = {}): Promise<{ caseId: string; number: string; version: number }> {
  const db = await dbOf(options, input);
  const formData = cleanFormData(input.procedure, input.formData);
  const dideducId = input.dideducId || null;
  // The case's own fields are an allow-list per procedure: a DIDEDUC only where the workflow sends
  // the case to one. Checked on every save, not only the first (a D.1.2 draft re-saved with a
  // DIDEDUC used to keep it: an office its workflow never involves, in every query scoped by office).
  if (dideducId && !getDefinition(input.procedure).requiresDideduc) {
    throw new TransitionError("INVALID_INPUT", NO_DIDEDUC_MESSAGE, { dideducId: [NO_DIDEDUC_MESSAGE] });
  }

  if (!input.caseId) {
    const created = await createDraftCase(
      input.actor,
      { procedure: input.procedure, dideducId, formData: formData as Record<string, unknown> },
      { db, ip: input.ip ?? null, now: input.now },
    );
    return { caseId: created.id, number: created.number, version: created.version };
  }

  // What the procedure keeps of the stored form data on a save (D.2.2: the registry's name); the
  // stored data is read only for a procedure that keeps something.
  const keepOnSave = procedureForm(input.procedure)?.keepOnSave;
  return db.$transaction(async (tx) => {
    const row = await tx.case.findUnique({
      where: { id: input.caseId! },
      select: { id: true, number: true, applicantId: true, state: true, version: true, procedure: true, formData: Boolean(keepOnSave), applicant: { select: { name: true } } },
    });
    // Someone else's case reads as missing.
    if (!row || row.applicantId !== input.actor.id) throw new TransitionError("NOT_FOUND", "La solicitud no existe.");
    if (row.procedure !== input.procedure) throw new TransitionError("INVALID_INPUT", "La solicitud es de otro trámite.");
    if (!UPLOAD_EDITABLE_STATES.includes(row.state)) {
      throw new TransitionError("INVALID_STATE", "Esta solicitud ya fue enviada: sus datos solo se pueden cambiar cuando se le pide corregirla.");
    }
    if (input.expectedVersion != null && row.version !== input.expectedVersion) {
      throw new TransitionError(
        "STALE_VERSION",
        "La solicitud cambió en otra ventana o pestaña. Recargue la página para ver la versión guardada; lo que escribió aquí sigue en este formulario.",
      );
    }
    if (dideducId) {
      const dideduc = await tx.dideduc.findUnique({ where: { id: dideducId }, select: { id: true } });
      if (!dideduc) throw new TransitionError("INVALID_INPUT", undefined, { dideducId: ["Dirección Departamental no encontrada."] });
    }
    // Read and written under the same version guard: what is kept is what this save replaces.
    const saved = keepOnSave ? keepOnSave(formData, row.formData) : formData;
    const updated = await tx.case.updateMany({
      where: { id: row.id, version: row.version, state: row.state },
      data: { formData: saved, dideducId, version: { increment: 1 }, searchTerms: caseSearchTerms(row.applicant.name, ...studentNamesOf(saved)) },
    });
    if (updated.count !== 1) throw new TransitionError("STALE_VERSION", "La solicitud cambió mientras se guardaba. Recargue la página.");
    return { caseId: row.id, number: row.number, version: row.version + 1 };
  });
}
