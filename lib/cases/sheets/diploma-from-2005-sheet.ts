import { DomainError } from "@/lib/errors";
import { formatCui } from "@/lib/identity/format-cui";
import { buildCertifyingStatement } from "@/lib/pdf/certifying-statement";
import type { TSheetField } from "@/lib/pdf/sheet-data";
import { normalizeDiplomaNumber } from "@/lib/registry/diploma-number";
import { readDiplomaRecord, type TDiplomaRecord } from "@/lib/registry/find-diploma-by-number";
import { defineProcedureSheet } from "./procedure-sheet-types";
import { asRecord, findText, holderFromForm, incompleteForm } from "./sheet-helpers";

// D.2.2 Título de diversificado, escolar 2005 onwards: issued by the central office alone, after
// comparing the scanned title with the Ministry's title registry. What the sheet certifies is the
// registry's record for the number the citizen typed, read again at issuance: the holder's name,
// the degree, the school, the year and the DIDEDUC as registered (never as typed), and that the
// title reproduced after the sheet (front and back, with the CGC stamp) matches it. The typed CUI,
// when given, identifies the holder; nothing else typed is printed. A number no longer in the
// registry, or a title signed by a regional director or a minister (ATE-INS-04), cannot be issued.

export const CERTIFICATION_TITLE_D22 = "Certificación electrónica de título de diversificado";

export const NOT_IN_REGISTRY_AT_ISSUANCE = (number: string) =>
  `El número de registro ${number} no consta en el registro de títulos: no se puede emitir esta certificación. Rechace la solicitud para corrección indicando el motivo.`;

export const OTHER_PROCEDURE_AT_ISSUANCE =
  "Según el registro de títulos, este título lo firmó un Director Regional o un Ministro de Educación: se autentica por el instructivo ATE-INS-04, no se certifica por este trámite. Rechace la solicitud para corrección indicando el motivo.";

export const diplomaFrom2005Sheet = defineProcedureSheet<TDiplomaRecord | null>({
  mergedFileKinds: ["SCAN"],
  lookup: async (caseRow, { db }) => {
    const typed = findText(caseRow.formData, "registrationNumber");
    return typed ? readDiplomaRecord(db, typed) : null;
  },
  content: (caseRow, ctx) => {
    const typed = findText(caseRow.formData, "registrationNumber");
    if (!typed) throw incompleteForm();
    const number = normalizeDiplomaNumber(typed) ?? typed;
    if (ctx.lookup === null) throw new DomainError("NOT_IN_DIPLOMA_REGISTRY", NOT_IN_REGISTRY_AT_ISSUANCE(number));
    if (ctx.lookup?.otherProcedure) throw new DomainError("OTHER_PROCEDURE", OTHER_PROCEDURE_AT_ISSUANCE);
    // Without a lookup (pure tests of the sheet) the form's own data prints.
    const record = ctx.lookup ?? null;

    const cui = findText(asRecord(asRecord(caseRow.formData).student), "cui");
    const holder = record
      ? { fullName: record.holderName, ...(cui ? { cui: formatCui(cui) } : {}) }
      : holderFromForm(caseRow.formData, null);
    const degree = record?.degree ?? findText(caseRow.formData, "degree");
    if (!holder || !degree) throw incompleteForm();
    const registrationNumber = record?.registrationNumber ?? number;

    // The degree is the document's name above and in the statement.
    const fields: TSheetField[] = [{ label: "Número de registro del título", value: registrationNumber }];
    const school = record?.school ?? findText(caseRow.formData, "school", "institution");
    if (school) fields.push({ label: "Establecimiento educativo", value: school });
    const year = record ? String(record.year) : findText(caseRow.formData, "year", "graduationYear");
    if (year) fields.push({ label: "Año de graduación", value: year });
    if (record?.dideduc) fields.push({ label: "Dirección Departamental de Educación", value: record.dideduc.name });

    return {
      title: CERTIFICATION_TITLE_D22,
      holder,
      studyMode: "SCHOOL",
      documents: [
        {
          label: `Título de ${degree}`,
          description: "anverso y reverso, con sello de registro de la Contraloría General de Cuentas",
        },
      ],
      fields,
      statement: buildCertifyingStatement({ procedure: "DIPLOMA_FROM_2005", holderName: holder.fullName, degree, registrationNumber }),
    };
  },
});
