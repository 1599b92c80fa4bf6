import { DomainError } from "@/lib/errors";
import { buildCertifyingStatement, dideducOfficeName } from "@/lib/pdf/certifying-statement";
import { readSwornTranslatorCheck } from "@/lib/registry/check-sworn-translator";
import type { TGrammaticalGender } from "@/lib/wording/choose-gendered-form";
import { describeSwornTranslator } from "@/lib/wording/describe-sworn-translator";
import { ZSwornTranslationForm } from "../forms/sworn-translation-form";
import { defineProcedureSheet } from "./procedure-sheet-types";
import { incompleteForm } from "./sheet-helpers";

// D.3 Certificación de traducción jurada: issued by the central office alone; the sheet goes in
// front of the translation (the documents it was made from are not part of the request). It
// certifies that the translator is in the registry of sworn translators (D.4), active and
// authorized for the language, so the registry is read again when the sheet is made: the entry's
// own name, agreement, number and DIDEDUC are printed, and a translator deactivated (or whose data
// no longer match) since submission stops the issuance with the reason. The translator is named by
// role in the gender the registry holds (stated at registration, D.4): "traductora jurada".

export const CERTIFICATION_TITLE_D3 = "Certificación de traducción jurada";

type TTranslatorLookup = {
  name: string;
  gender: TGrammaticalGender | null;
  appointmentResolution: string;
  dideducRegistrationNumber: string;
  dideducName: string;
  language: string;
};

export const swornTranslationSheet = defineProcedureSheet<TTranslatorLookup>({
  mergedFileKinds: ["TRANSLATION"],
  lookup: async (caseRow, { db }) => {
    const form = ZSwornTranslationForm.safeParse(caseRow.formData);
    if (!form.success) throw incompleteForm();
    const { translator } = form.data;
    const check = await readSwornTranslatorCheck(db, {
      name: translator.name,
      agreementNumber: translator.agreementNumber,
      registrationNumber: translator.registrationNumber,
      language: translator.language,
    });
    if (!check.ok) {
      throw new DomainError(
        "TRANSLATOR_NOT_VALID",
        `No se puede certificar esta traducción: ${check.message} Rechace la solicitud indicando el motivo.`,
      );
    }
    // The language as the registry writes it (the citizen may have typed "Ingles").
    const wanted = translator.language.normalize("NFD").replace(/\p{M}+/gu, "").trim().toLowerCase();
    const language = check.translator.languages.find((l) => l.normalize("NFD").replace(/\p{M}+/gu, "").trim().toLowerCase() === wanted) ?? translator.language;
    return {
      name: check.translator.name,
      gender: check.translator.gender,
      appointmentResolution: check.translator.appointmentResolution,
      dideducRegistrationNumber: check.translator.dideducRegistrationNumber,
      dideducName: check.translator.dideduc.name,
      language,
    };
  },
  content: (caseRow, ctx) => {
    const form = ZSwornTranslationForm.safeParse(caseRow.formData);
    const t = ctx.lookup;
    if (!form.success || !t) throw incompleteForm();
    const dideducOffice = dideducOfficeName(t.dideducName);
    return {
      title: CERTIFICATION_TITLE_D3,
      holder: { fullName: form.data.holderName.replace(/\s+/g, " ") },
      documents: [{ label: "Traducción jurada", description: `${form.data.documentTitle} (idioma ${t.language})` }],
      fields: [
        { label: "Documento traducido", value: form.data.documentTitle },
        { label: "Idioma", value: t.language },
        { label: describeSwornTranslator(t.gender).label, value: t.name },
        { label: "Número de registro en la DIDEDUC", value: `${t.dideducRegistrationNumber} (${dideducOffice})` },
        { label: "Acuerdo o resolución de nombramiento", value: t.appointmentResolution },
      ],
      statement: buildCertifyingStatement({
        procedure: "SWORN_TRANSLATION",
        translatorName: t.name,
        translatorGender: t.gender,
        language: t.language,
        appointmentResolution: t.appointmentResolution,
        dideducOffice,
        dideducRegistrationNumber: t.dideducRegistrationNumber,
      }),
    };
  },
});
