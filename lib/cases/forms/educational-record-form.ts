import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";
import { draftText, fieldErrors, requiredText, ZPersonAt, ZPersonDraft } from "./shared-fields";
import { ZTitleSignatory, ZTitleSignatoryDraft } from "./title-signatory";

// The D.1.1 form (client-safe: the editor reads the labels). Two schemas over one shape:
// ZEducationalRecordDraft, lenient, for autosave (anything may be missing, nothing may be huge);
// ZEducationalRecordForm, strict, for submission, with the Spanish message each field shows.
// The DIDEDUC is the case's dideducId, not part of formData.

export const MODALITIES = ["ESCOLAR", "EXTRAESCOLAR"] as const;
export const DOCUMENT_KINDS = ["CERTIFICADOS_ESTUDIO", "DIPLOMA", "CIERRE_PENSUM", "CERTIFICACION_CURSOS", "OTROS"] as const;

export const MODALITY_LABELS: Record<(typeof MODALITIES)[number], string> = {
  ESCOLAR: "Escolar",
  EXTRAESCOLAR: "Extraescolar",
};

// Same wording as the certification sheet (lib/cases/build-sheet-data.ts).
export const DOCUMENT_KIND_LABELS: Record<(typeof DOCUMENT_KINDS)[number], string> = {
  CERTIFICADOS_ESTUDIO: "Certificados de estudio",
  DIPLOMA: "Diplomas",
  CIERRE_PENSUM: "Cierre de pensum",
  CERTIFICACION_CURSOS: "Certificación general de cursos",
  OTROS: "Otros",
};

export const MAX_STUDY_ROWS = 40;
// More than any case can hold (lib/uploads/limits MAX_FILES_PER_CASE); kept here so this file stays client-safe.
const BLANK_BACK_MAX = 50;

export const BLANK_BACK_LABEL = "El reverso de este documento está en blanco";
export const BLANK_BACK_HINT =
  "Este archivo tiene una sola página. El procedimiento pide los documentos escaneados anverso y reverso: si el reverso tiene sellos, firmas o anotaciones, escanéelo y adjúntelo; si está en blanco, márquelo aquí.";
export function blankBackMissing(fileName: string): string {
  return `«${fileName}» tiene una sola página: adjunte también el reverso o confirme que el reverso de este documento está en blanco.`;
}
// The declaration as stored (formData.blankBackFileIds), read from any shape.
export function blankBackFileIdsOf(formData: unknown): string[] {
  const ids = typeof formData === "object" && formData !== null ? (formData as { blankBackFileIds?: unknown }).blankBackFileIds : undefined;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
}
const FIRST_YEAR = 1900;

export const ZEducationalRecordDraft = z.object({
  modality: z.enum(MODALITIES).optional().catch(undefined),
  documentKinds: z.array(z.enum(DOCUMENT_KINDS)).max(DOCUMENT_KINDS.length).catch([]).default([]),
  otherDescription: draftText(300),
  student: ZPersonDraft,
  studies: z
    .array(
      z.object({
        level: draftText(120),
        year: z.number().int().min(0).max(9999).optional().catch(undefined),
        institution: draftText(200),
      }),
    )
    .max(MAX_STUDY_ROWS)
    .catch([])
    .default([]),
  contactPhone: draftText(30),
  // Who signed the documents (issue #12, point 5): a Director Regional or a Minister stops the request.
  signedBy: ZTitleSignatoryDraft,
  // "Subir los documentos originales, escaneados en PDF anverso y reverso": the ids of the one-page
  // files whose back the citizen declared blank (checked at submission, check-educational-record-files).
  blankBackFileIds: z.array(z.string().min(1).max(64)).max(BLANK_BACK_MAX).optional().catch(undefined),
});
export type TEducationalRecordDraft = z.infer<typeof ZEducationalRecordDraft>;

export function ZEducationalRecordFormAt(now: Date) {
  const thisYear = now.getUTCFullYear();
  return z
    .object({
      modality: z.enum(MODALITIES, { error: "Indique si los estudios fueron escolares o extraescolares." }),
      documentKinds: z
        .array(z.enum(DOCUMENT_KINDS), { error: "Marque al menos un documento." })
        .min(1, { error: "Marque al menos un documento." }),
      otherDescription: safeText().trim().max(300, { error: "La descripción no puede tener más de 300 caracteres." }).optional(),
      student: ZPersonAt(now),
      studies: z
        .array(
          z.object({
            level: requiredText("Indique el grado o la etapa.", 120, "El grado no puede tener más de 120 caracteres."),
            year: z
              .number({ error: "Escriba el año con cuatro dígitos." })
              .int({ error: "Escriba el año con cuatro dígitos." })
              .min(FIRST_YEAR, { error: `El año debe estar entre ${FIRST_YEAR} y ${thisYear}.` })
              .max(thisYear, { error: `El año debe estar entre ${FIRST_YEAR} y ${thisYear}.` }),
            institution: requiredText("Indique el establecimiento o el programa.", 200, "El nombre no puede tener más de 200 caracteres."),
          }),
          { error: "Agregue al menos un grado o etapa." },
        )
        .min(1, { error: "Agregue al menos un grado o etapa, con su año y establecimiento o programa." })
        .max(MAX_STUDY_ROWS, { error: `Se admiten hasta ${MAX_STUDY_ROWS} grados o etapas.` }),
      contactPhone: safeText().trim().max(30, { error: "El teléfono no puede tener más de 30 caracteres." }).optional(),
      signedBy: ZTitleSignatory,
    })
    .superRefine((form, ctx) => {
      const problem = otherDescriptionProblem(form);
      if (problem) ctx.addIssue({ code: "custom", path: ["otherDescription"], message: problem });
    });
}

const OTHER_DESCRIPTION_MISSING = "Describa los otros documentos que desea certificar.";

function otherDescriptionProblem(form: unknown): string | null {
  const f = (typeof form === "object" && form !== null ? form : {}) as { documentKinds?: unknown; otherDescription?: unknown };
  const wantsOther = Array.isArray(f.documentKinds) && f.documentKinds.includes("OTROS");
  const described = typeof f.otherDescription === "string" && f.otherDescription.trim() !== "";
  return wantsOther && !described ? OTHER_DESCRIPTION_MISSING : null;
}

// Every message at once: zod skips an object's refinements while any of its fields fails, so the
// cross-field rule is also checked apart (the citizen should not fix the form in two rounds).
export function educationalRecordErrors(formData: unknown, now: Date): Record<string, string[]> {
  const errors = fieldErrors(ZEducationalRecordFormAt(now), formData);
  const other = otherDescriptionProblem(formData);
  if (other && !errors.otherDescription) errors.otherDescription = [other];
  return errors;
}

export const ZEducationalRecordForm = ZEducationalRecordFormAt(new Date());
export type TEducationalRecordForm = z.infer<typeof ZEducationalRecordForm>;
