import { z } from "zod";
import { formatCui } from "@/lib/identity/format-cui";
import { buildCertifyingStatement } from "@/lib/pdf/certifying-statement";
import type { TSheetField, TStudyMode } from "@/lib/pdf/sheet-data";
import { defineProcedureSheet } from "./procedure-sheet-types";
import { registryMissNumber } from "../forms/diploma-registry-miss";
import { formatLongDate, incompleteForm } from "./sheet-helpers";

// D.2.1 Título de diversificado (escolar before 2005, and extraescolar): as D.1.1, the DIDEDUC
// certifies the scanned title (front and back, with the CGC stamp) and the central office
// countersigns. The documents a DIDEDUC requested to verify it (cierre de pensum, certificación
// general de cursos) are not certified: only the title's scans follow the sheet.

const ZText = z.string().trim().min(1);
const ZOptional = z.string().trim().optional().nullable();
const ZFormForSheet = z.object({
  modality: z.enum(["ESCOLAR", "EXTRAESCOLAR"]),
  title: z.object({
    degree: ZText,
    specialty: ZOptional,
    institution: ZText,
    graduationYear: z.coerce.number().int(),
  }),
  cgcStamp: z
    .object({ registrationNumber: ZOptional, book: ZOptional, folio: ZOptional, date: ZOptional })
    .optional()
    .nullable(),
  student: z.object({ firstNames: ZText, lastNames: ZText, cui: ZOptional, birthDate: ZOptional }),
});

export const CERTIFICATION_TITLE_D21 = "Certificación electrónica de título de diversificado";

export const diplomaBefore2005Sheet = defineProcedureSheet({
  mergedFileKinds: ["SCAN"],
  content: (caseRow, ctx) => {
    const parsed = ZFormForSheet.safeParse(caseRow.formData);
    if (!parsed.success || !ctx.dideducOffice) throw incompleteForm();
    const form = parsed.data;
    const mode: TStudyMode = form.modality === "ESCOLAR" ? "SCHOOL" : "OUT_OF_SCHOOL";
    const holderName = `${form.student.firstNames} ${form.student.lastNames}`.replace(/\s+/g, " ");
    const degree = form.title.specialty ? `${form.title.degree}, ${form.title.specialty}` : form.title.degree;

    const fields: TSheetField[] = [];
    if (form.student.birthDate) fields.push({ label: "Fecha de nacimiento", value: formatLongDate(form.student.birthDate) });
    fields.push({ label: mode === "SCHOOL" ? "Establecimiento educativo" : "Programa", value: form.title.institution });
    fields.push({ label: "Año de graduación", value: String(form.title.graduationYear) });
    const stamp = form.cgcStamp;
    const stampParts = [
      stamp?.registrationNumber ? `registro n.º ${stamp.registrationNumber}` : null,
      stamp?.book ? `libro ${stamp.book}` : null,
      stamp?.folio ? `folio ${stamp.folio}` : null,
      stamp?.date ? `fecha ${formatLongDate(stamp.date)}` : null,
    ].filter((p): p is string => p !== null);
    if (stampParts.length > 0) fields.push({ label: "Sello de la Contraloría General de Cuentas", value: stampParts.join(", ") });
    // A school title from 2005 on reaches D.2.1 only when D.2.2 did not find its number: say so.
    const missNumber = registryMissNumber(caseRow.formData);
    if (missNumber) fields.push({ label: "Número de registro del título", value: `${missNumber} (no consta en el registro de títulos del Ministerio)` });

    return {
      title: CERTIFICATION_TITLE_D21,
      holder: { fullName: holderName, ...(form.student.cui ? { cui: formatCui(form.student.cui) } : {}) },
      studyMode: mode,
      documents: [{ label: "Título de diversificado", description: degree }],
      fields,
      statement: buildCertifyingStatement({ procedure: "DIPLOMA_BEFORE_2005", dideducOffice: ctx.dideducOffice, holderName, studyMode: mode, degree }),
    };
  },
});
