import { buildCertifyingStatement, dideducOfficeName } from "@/lib/pdf/certifying-statement";
import { defineProcedureSheet } from "./procedure-sheet-types";
import { findText, formFields, holderFromForm, incompleteForm } from "./sheet-helpers";

// D.3 Certificación de traducción jurada: issued by the central office alone; the sheet goes in
// front of the translation (the source documents are not part of the request).
// Default entry, to be refined by the D.3 owner: the translator's data as the form holds it, and
// the translator's DIDEDUC from the registry of sworn translators when it is found there.

export const CERTIFICATION_TITLE_D3 = "Certificación de traducción jurada";

type TTranslatorLookup = { dideducName: string | null; name: string; appointmentResolution: string; dideducRegistrationNumber: string } | null;

export const swornTranslationSheet = defineProcedureSheet<TTranslatorLookup>({
  mergedFileKinds: ["TRANSLATION", "SCAN"],
  lookup: async (caseRow, { db }) => {
    const id = findText(caseRow.formData, "translatorId", "swornTranslatorId");
    const number = findText(caseRow.formData, "dideducRegistrationNumber");
    const translator = id
      ? await db.swornTranslator.findUnique({ where: { id }, include: { dideduc: { select: { name: true } } } })
      : number
        ? await db.swornTranslator.findFirst({ where: { dideducRegistrationNumber: number }, include: { dideduc: { select: { name: true } } } })
        : null;
    return translator
      ? {
          dideducName: translator.dideduc?.name ?? null,
          name: translator.name,
          appointmentResolution: translator.appointmentResolution,
          dideducRegistrationNumber: translator.dideducRegistrationNumber,
        }
      : null;
  },
  content: (caseRow, ctx) => {
    const t = ctx.lookup ?? null;
    const translator = (caseRow.formData as { translator?: unknown } | null)?.translator;
    const translatorName = t?.name ?? findText(translator, "name") ?? findText(caseRow.formData, "translatorName");
    const language = findText(caseRow.formData, "language", "sourceLanguage");
    const appointmentResolution = t?.appointmentResolution ?? findText(caseRow.formData, "appointmentResolution", "resolutionNumber", "agreementNumber");
    const dideducRegistrationNumber = t?.dideducRegistrationNumber ?? findText(caseRow.formData, "dideducRegistrationNumber");
    const typedDideduc = findText(caseRow.formData, "dideducName");
    const dideducOffice = t?.dideducName ? dideducOfficeName(t.dideducName) : typedDideduc ? dideducOfficeName(typedDideduc) : ctx.dideducOffice;
    const holder = holderFromForm(caseRow.formData, ctx.applicantName);
    if (!translatorName || !language || !appointmentResolution || !dideducRegistrationNumber || !dideducOffice || !holder) throw incompleteForm();
    return {
      title: CERTIFICATION_TITLE_D3,
      holder,
      documents: [{ label: "Traducción jurada", description: `idioma ${language}` }],
      fields: formFields(caseRow.formData, ["student.firstNames", "student.lastNames", "student.cui"]),
      statement: buildCertifyingStatement({
        procedure: "SWORN_TRANSLATION",
        translatorName,
        language,
        appointmentResolution,
        dideducOffice,
        dideducRegistrationNumber,
      }),
    };
  },
});
