import { DomainError } from "@/lib/errors";
import { buildCertifyingStatement } from "@/lib/pdf/certifying-statement";
import type { TSheetField } from "@/lib/pdf/sheet-data";
import { readDiplomaRecord, type TDiplomaRecord } from "@/lib/registry/find-diploma-by-number";
import { defineProcedureSheet } from "./procedure-sheet-types";
import { findText, formatLongDate, holderFromForm, incompleteForm } from "./sheet-helpers";

// D.2.2 Título de diversificado, escolar 2005 onwards: issued by the central office alone, after
// comparing the scanned title with the Ministry's title registry. The sheet prints what the
// registry holds for the registration number the citizen typed.
// Default entry, to be refined by the D.2.2 owner.

export const CERTIFICATION_TITLE_D22 = "Certificación electrónica de título de diversificado";

export const diplomaFrom2005Sheet = defineProcedureSheet<TDiplomaRecord | null>({
  mergedFileKinds: ["SCAN"],
  lookup: async (caseRow, { db }) => {
    const number = findText(caseRow.formData, "registrationNumber");
    return number ? readDiplomaRecord(db, number) : null;
  },
  content: (caseRow, ctx) => {
    const typed = findText(caseRow.formData, "registrationNumber");
    if (!typed) throw incompleteForm();
    const record = ctx.lookup;
    // Without a lookup (pure tests) the form's own data prints; with one, the title must be registered.
    if (ctx.lookup === null) {
      throw new DomainError(
        "NOT_IN_DIPLOMA_REGISTRY",
        `El número de registro ${typed} no consta en el registro de títulos: no se puede emitir esta certificación. Rechace la solicitud para corrección.`,
      );
    }
    const holder = holderFromForm(caseRow.formData, null) ?? (record ? { fullName: record.holderName } : null);
    const degree = record?.degree ?? findText(caseRow.formData, "degree");
    if (!holder || !degree) throw incompleteForm();
    const registrationNumber = record?.registrationNumber ?? typed;
    const fields: TSheetField[] = [];
    const birthDate = findText(caseRow.formData, "birthDate");
    if (birthDate) fields.push({ label: "Fecha de nacimiento", value: formatLongDate(birthDate) });
    fields.push({ label: "Número de registro del título", value: registrationNumber });
    const school = record?.school ?? findText(caseRow.formData, "school", "institution");
    if (school) fields.push({ label: "Establecimiento educativo", value: school });
    const year = record ? String(record.year) : findText(caseRow.formData, "year", "graduationYear");
    if (year) fields.push({ label: "Año", value: year });
    if (record?.dideduc) fields.push({ label: "Dirección Departamental de Educación", value: record.dideduc.name });
    return {
      title: CERTIFICATION_TITLE_D22,
      holder,
      studyMode: "SCHOOL",
      documents: [{ label: "Título de diversificado", description: degree }],
      fields,
      statement: buildCertifyingStatement({ procedure: "DIPLOMA_FROM_2005", holderName: holder.fullName, degree, registrationNumber }),
    };
  },
});
