import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Procedure } from "@/lib/generated/prisma/enums";
import type { TFieldErrors } from "@/lib/errors";
import { educationalRecordErrors, ZEducationalRecordDraft } from "./forms/educational-record-form";
import { diplomaBefore2005Errors, parseDiplomaBefore2005Draft } from "./forms/diploma-before-2005-form";
import { checkDiplomaBefore2005Files, TITLE_SCAN_MISSING } from "./check-diploma-before-2005-files";

// What each procedure's citizen form is, for the operations every procedure shares (saveCaseDraft,
// submitCase). A procedure is requestable online once it has an entry here; its schemas live in
// `forms/<procedure>-form.ts` (client-safe, the editor reads their labels).
export type TProcedureForm = {
  // Lenient: a draft may be incomplete, but never of another shape or size. Must not throw.
  parseDraft(formData: unknown): Prisma.InputJsonValue;
  // Every message of the strict schema at once, keyed by field path ("student.firstNames").
  submitErrors(formData: unknown, now: Date): TFieldErrors;
  // Checks that read the database (a registry lookup, the uploaded files), run inside the
  // submission's transaction after submitErrors passed. Optional.
  checkSubmission?(tx: Prisma.TransactionClient, caseRow: { id: string; formData: unknown; dideducId: string | null }, now: Date): Promise<TFieldErrors>;
  // Message when no file is attached (each procedure names its own document).
  filesRequired: string;
};

export const PROCEDURE_FORMS: Partial<Record<Procedure, TProcedureForm>> = {
  EDUCATIONAL_RECORD: {
    parseDraft: (formData) => ZEducationalRecordDraft.parse(formData ?? {}) as Prisma.InputJsonValue,
    submitErrors: educationalRecordErrors,
    filesRequired: "Adjunte al menos un PDF con el escaneo de sus documentos (anverso y reverso).",
  },
  DIPLOMA_BEFORE_2005: {
    parseDraft: (formData) => parseDiplomaBefore2005Draft(formData) as Prisma.InputJsonValue,
    submitErrors: diplomaBefore2005Errors,
    checkSubmission: (tx, caseRow) => checkDiplomaBefore2005Files(tx, caseRow),
    filesRequired: TITLE_SCAN_MISSING,
  },
};

export function procedureForm(procedure: Procedure): TProcedureForm | null {
  return PROCEDURE_FORMS[procedure] ?? null;
}
