import { z } from "zod";
import { formatCui } from "@/lib/identity/format-cui";
import { buildCertifyingStatement } from "@/lib/pdf/certifying-statement";
import { studiesTable, type TSheetField, type TStudyMode } from "@/lib/pdf/sheet-data";
import { defineProcedureSheet } from "./procedure-sheet-types";
import { formatLongDate, incompleteForm } from "./sheet-helpers";

// D.1.1 Expediente educativo: the DIDEDUC certifies the scanned documents against its records.

// The form as stored in Case.formData (lib/cases/forms/educational-record-form.ts is the form's
// own schema), read again because the sheet needs every printed field present.
const ZText = z.string().trim().min(1);
const ZFormForSheet = z.object({
  modality: z.enum(["ESCOLAR", "EXTRAESCOLAR"]),
  documentKinds: z.array(z.enum(["CERTIFICADOS_ESTUDIO", "DIPLOMA", "CIERRE_PENSUM", "CERTIFICACION_CURSOS", "OTROS"])).min(1),
  otherDescription: z.string().trim().optional().nullable(),
  student: z.object({
    firstNames: ZText,
    lastNames: ZText,
    cui: z.string().trim().optional().nullable(),
    birthDate: z.string().trim().optional().nullable(),
  }),
  studies: z
    .array(z.object({ level: ZText, year: z.coerce.number().int(), institution: ZText }))
    .min(1),
});

// The labels the citizen chose from (same wording as the form).
const DOCUMENT_LABELS: Record<z.infer<typeof ZFormForSheet>["documentKinds"][number], string> = {
  CERTIFICADOS_ESTUDIO: "Certificados de estudio",
  DIPLOMA: "Diplomas",
  CIERRE_PENSUM: "Cierre de pensum",
  CERTIFICACION_CURSOS: "Certificación general de cursos",
  OTROS: "Otros",
};

export const CERTIFICATION_TITLE_D11 = "Certificación electrónica de expediente educativo";

export const educationalRecordSheet = defineProcedureSheet({
  mergedFileKinds: ["SCAN"],
  content: (caseRow, ctx) => {
    const parsed = ZFormForSheet.safeParse(caseRow.formData);
    if (!parsed.success || !ctx.dideducOffice) throw incompleteForm();
    const form = parsed.data;
    const mode: TStudyMode = form.modality === "ESCOLAR" ? "SCHOOL" : "OUT_OF_SCHOOL";
    const holderName = `${form.student.firstNames} ${form.student.lastNames}`.replace(/\s+/g, " ");
    const fields: TSheetField[] = [];
    if (form.student.birthDate) fields.push({ label: "Fecha de nacimiento", value: formatLongDate(form.student.birthDate) });
    return {
      title: CERTIFICATION_TITLE_D11,
      holder: { fullName: holderName, ...(form.student.cui ? { cui: formatCui(form.student.cui) } : {}) },
      studyMode: mode,
      documents: form.documentKinds.map((k) =>
        k === "OTROS" && form.otherDescription ? { label: DOCUMENT_LABELS[k], description: form.otherDescription } : { label: DOCUMENT_LABELS[k] },
      ),
      fields,
      studies: studiesTable(
        mode,
        form.studies.map((s) => ({ gradeOrStage: s.level, year: s.year, schoolOrProgram: s.institution })),
      ),
      statement: buildCertifyingStatement({ procedure: "EDUCATIONAL_RECORD", dideducOffice: ctx.dideducOffice, holderName, studyMode: mode }),
    };
  },
});
