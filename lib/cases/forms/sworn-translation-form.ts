import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";
import { draftText, fieldErrors, requiredText } from "./shared-fields";

// The D.3 form (certificación de traducción jurada). Client-safe: the editor reads its labels.
// Two schemas over one shape, as D.1.1's: ZSwornTranslationDraft, lenient, for autosave;
// ZSwornTranslationForm, strict, for submission. The translation is the case's only kind of file
// (TRANSLATION); the documents it was made from are not part of the request (D.3, activity 2).
//
// The translator is picked from the registry of sworn translators (translator.id is then set and
// the other fields copied from the entry) or typed; either way the four facts the central office
// checks (procedure D.3, activity 3) are stored and checked against the registry on submission.
//
// Stored shape (Case.formData):
//   { translator: { id?, name, agreementNumber, registrationNumber, language },
//     documentTitle, holderName, contactPhone? }

export const SWORN_TRANSLATION_LABELS = {
  "translator.name": "Nombre del traductor jurado",
  "translator.agreementNumber": "Número de acuerdo o resolución",
  "translator.registrationNumber": "Número de registro en la DIDEDUC",
  "translator.language": "Idioma de la traducción",
  documentTitle: "Documento traducido",
  holderName: "Titular del documento",
  contactPhone: "Teléfono de contacto",
} as const;

// Stated where the translation is uploaded (D.3, activity 2).
export const TRANSLATION_REQUIREMENT =
  "Adjunte únicamente la traducción jurada, firmada y sellada por el traductor, escaneada completa en PDF. No adjunte los documentos originales que se tradujeron.";

export const TRANSLATION_MISSING = "Adjunte la traducción jurada escaneada en PDF.";

export const ZSwornTranslationDraft = z.object({
  translator: z
    .object({
      id: draftText(64),
      name: draftText(200),
      agreementNumber: draftText(200),
      registrationNumber: draftText(60),
      language: draftText(60),
    })
    .catch({})
    .default({}),
  documentTitle: draftText(200),
  holderName: draftText(200),
  contactPhone: draftText(30),
});
export type TSwornTranslationDraft = z.infer<typeof ZSwornTranslationDraft>;

export const ZSwornTranslationForm = z.object({
  translator: z.object(
    {
      id: safeText().trim().max(64).optional(),
      name: requiredText("Escriba el nombre del traductor jurado, o elíjalo del registro.", 200, "El nombre no puede tener más de 200 caracteres."),
      agreementNumber: requiredText(
        "Escriba el número del acuerdo o la resolución que nombró al traductor, como aparece en la traducción.",
        200,
        "El número de acuerdo o resolución no puede tener más de 200 caracteres.",
      ),
      registrationNumber: requiredText(
        "Escriba el número de registro del traductor en la Dirección Departamental de Educación.",
        60,
        "El número de registro no puede tener más de 60 caracteres.",
      ),
      language: requiredText("Indique el idioma de la traducción.", 60, "El idioma no puede tener más de 60 caracteres."),
    },
    { error: "Elija el traductor jurado del registro o escriba sus datos." },
  ),
  documentTitle: requiredText(
    "Escriba qué documento se tradujo, por ejemplo «Certificado de nacimiento» o «Diploma de bachillerato».",
    200,
    "La descripción del documento no puede tener más de 200 caracteres.",
  ),
  holderName: requiredText(
    "Escriba el nombre de la persona a quien pertenece el documento traducido.",
    200,
    "El nombre no puede tener más de 200 caracteres.",
  ),
  contactPhone: safeText().trim().max(30, { error: "El teléfono no puede tener más de 30 caracteres." }).optional(),
});
export type TSwornTranslationForm = z.infer<typeof ZSwornTranslationForm>;

// Every message at once, keyed by field path ("translator.language").
export function swornTranslationErrors(formData: unknown): Record<string, string[]> {
  return fieldErrors(ZSwornTranslationForm, formData);
}

// The field path of the form where a registry refusal is shown (lib/registry/check-sworn-translator).
export function translatorFieldPath(field: "registrationNumber" | "name" | "agreementNumber" | "language"): string {
  return `translator.${field}`;
}
