import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";
import { GRAMMATICAL_GENDERS } from "@/lib/wording/choose-gendered-form";
import { draftText, fieldErrors, requiredText } from "./shared-fields";

// The D.4 form (registro de traductor jurado), filed by the translator's own account. Client-safe:
// the editor reads its labels. Two schemas over one shape, as D.1.1's: ZTranslatorRegistrationDraft,
// lenient, for autosave; ZTranslatorRegistrationForm, strict, for submission. The resolution or
// agreement is a file of the case (kind APPOINTMENT_RESOLUTION).
//
// The DIDEDUC that registered the translator lives in formData (`dideducId`), not on the case:
// the case is the central manager's, and a DIDEDUC's staff must not see it in their queues.
//
// Stored shape (Case.formData):
//   { name, gender: "FEMININE" | "MASCULINE", languages: string[], otherLanguages?, appointmentResolution,
//     dideducRegistrationNumber, dideducId, resolutionStampConfirmed, contactPhone? }
//
// `gender` is the translator's answer to "Forma de trato" (issue #12, point 4): the sheets of
// their translations name them "traductora jurada, nombrada, inscrita" or "traductor jurado,
// nombrado, inscrito" from it, never from a guess by the name. Stored on the registry entry when
// the registration is accepted.

// Languages sworn translators are most often appointed for (Spanish names, lower case as Spanish
// writes them; the registry compares them without accents or case). Anything else goes in
// "otros idiomas".
export const TRANSLATION_LANGUAGES = [
  "inglés",
  "francés",
  "alemán",
  "italiano",
  "portugués",
  "neerlandés",
  "ruso",
  "chino mandarín",
  "japonés",
  "coreano",
  "árabe",
  "hebreo",
  "k'iche'",
  "q'eqchi'",
  "kaqchikel",
  "mam",
] as const;

export const MAX_LANGUAGES = 20;
const LANGUAGE_MAX_LENGTH = 60;

// Stated where the resolution is uploaded (procedure D.4, activity 2, Nota).
export const RESOLUTION_STAMP_REQUIREMENT =
  "La resolución o el acuerdo de su nombramiento debe llevar el sello de registro de la Dirección Departamental de Educación. Escanéelo completo, en PDF, de modo que el sello se lea.";

export const RESOLUTION_STAMP_CONFIRMATION_LABEL =
  "Confirmo que la resolución o acuerdo que adjunto lleva el sello de registro de la Dirección Departamental de Educación.";

export const RESOLUTION_MISSING =
  "Adjunte la resolución o el acuerdo de su nombramiento en PDF, con el sello de registro de la Dirección Departamental de Educación.";

export const TRANSLATOR_REGISTRATION_LABELS = {
  name: "Nombre completo",
  gender: "Forma de trato",
  languages: "Idiomas autorizados",
  otherLanguages: "Otros idiomas",
  appointmentResolution: "Número de acuerdo o resolución",
  dideducRegistrationNumber: "Número de registro en la DIDEDUC",
  dideducId: "Dirección Departamental de Educación que registró su nombramiento",
  resolutionStampConfirmed: "Sello de registro de la DIDEDUC",
  contactPhone: "Teléfono de contacto",
} as const;

// The answers of "Forma de trato", in the words the certifications will use.
export const TRANSLATOR_GENDER_LABELS = { FEMININE: "Traductora jurada", MASCULINE: "Traductor jurado" } as const;

export const TRANSLATOR_GENDER_QUESTION = "Forma de trato: ¿cómo desea ser nombrado(a)?";

const GENDER_MISSING = "Elija cómo desea ser nombrado(a) en las certificaciones: traductora jurada o traductor jurado.";

export const ZTranslatorRegistrationDraft = z.object({
  name: draftText(200),
  gender: z.enum(GRAMMATICAL_GENDERS).optional().catch(undefined),
  languages: z.array(z.string().max(LANGUAGE_MAX_LENGTH)).max(MAX_LANGUAGES).catch([]).default([]),
  otherLanguages: draftText(300),
  appointmentResolution: draftText(200),
  dideducRegistrationNumber: draftText(60),
  dideducId: draftText(64),
  resolutionStampConfirmed: z.boolean().optional().catch(undefined),
  contactPhone: draftText(30),
});
export type TTranslatorRegistrationDraft = z.infer<typeof ZTranslatorRegistrationDraft>;

function tidy(value: string): string {
  return value.normalize("NFC").replace(/\s+/g, " ").trim();
}

function foldKey(value: string): string {
  return value.normalize("NFD").replace(/\p{M}+/gu, "").replace(/\s+/g, " ").trim().toLowerCase();
}

// "alemán, ruso; swahili" → ["alemán", "ruso", "swahili"].
export function splitOtherLanguages(text: string | undefined | null): string[] {
  return (text ?? "")
    .split(/[,;\n]+/)
    .map(tidy)
    .filter((l) => l !== "");
}

// Every language the translator asked for, listed ones first, each once (accents and case ignored),
// as the registry stores them.
export function registrationLanguages(form: { languages?: readonly string[]; otherLanguages?: string | null }): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const l of [...(form.languages ?? []), ...splitOtherLanguages(form.otherLanguages)]) {
    const clean = tidy(l);
    const key = foldKey(clean);
    if (clean && !seen.has(key)) {
      seen.add(key);
      out.push(clean.toLocaleLowerCase("es"));
    }
  }
  return out;
}

// Registration numbers are compared without spaces ("TJ-GN 0042" is "TJ-GN-0042" typed loosely),
// and stored upper case.
export function normalizeRegistrationNumber(value: string): string {
  return value.replace(/\s+/g, "").toUpperCase();
}

export const ZTranslatorRegistrationForm = z.object({
  name: requiredText("Escriba su nombre completo, como aparece en la resolución o acuerdo.", 200, "El nombre no puede tener más de 200 caracteres.").refine(
    (v) => v.split(/\s+/).length >= 2,
    { error: "Escriba sus nombres y apellidos, como aparecen en la resolución o acuerdo." },
  ),
  gender: z.enum(GRAMMATICAL_GENDERS, { error: GENDER_MISSING }),
  languages: z.array(safeText().trim().max(LANGUAGE_MAX_LENGTH, { error: `Cada idioma puede tener hasta ${LANGUAGE_MAX_LENGTH} caracteres.` })).max(MAX_LANGUAGES, {
    error: `Se admiten hasta ${MAX_LANGUAGES} idiomas.`,
  }),
  otherLanguages: safeText()
    .trim()
    .max(300, { error: "Los otros idiomas no pueden tener más de 300 caracteres." })
    .optional()
    .superRefine((v, ctx) => {
      if (splitOtherLanguages(v).some((l) => l.length > LANGUAGE_MAX_LENGTH)) {
        ctx.addIssue({ code: "custom", message: `Separe los idiomas con comas; cada uno puede tener hasta ${LANGUAGE_MAX_LENGTH} caracteres.` });
      }
    }),
  appointmentResolution: requiredText(
    "Escriba el número del acuerdo o la resolución de su nombramiento, por ejemplo «Acuerdo Ministerial 2418-2019».",
    200,
    "El número de acuerdo o resolución no puede tener más de 200 caracteres.",
  ),
  dideducRegistrationNumber: requiredText(
    "Escriba el número con que la Dirección Departamental registró su nombramiento.",
    60,
    "El número de registro no puede tener más de 60 caracteres.",
  ),
  dideducId: z
    .string({ error: "Seleccione la Dirección Departamental de Educación que registró su nombramiento." })
    .trim()
    .min(1, { error: "Seleccione la Dirección Departamental de Educación que registró su nombramiento." }),
  resolutionStampConfirmed: z.literal(true, {
    error: "Confirme que la resolución o acuerdo lleva el sello de registro de la Dirección Departamental de Educación.",
  }),
  contactPhone: safeText().trim().max(30, { error: "El teléfono no puede tener más de 30 caracteres." }).optional(),
});
export type TTranslatorRegistrationForm = z.infer<typeof ZTranslatorRegistrationForm>;

// What the central manager's acceptance reads: the form as submitted. A registration sent before
// the form asked the gender has none; it is accepted all the same and the registry entry says
// nothing (inclusive wording) until the administration records it.
export const ZAcceptedTranslatorRegistration = ZTranslatorRegistrationForm.partial({ gender: true });

const NO_LANGUAGE = "Marque al menos un idioma de su nombramiento, o escríbalo en «Otros idiomas».";

// Every message at once (the language rule spans two fields, so it is checked apart as well).
export function translatorRegistrationErrors(formData: unknown): Record<string, string[]> {
  const errors = fieldErrors(ZTranslatorRegistrationForm, formData);
  const f = (typeof formData === "object" && formData !== null ? formData : {}) as { languages?: unknown; otherLanguages?: unknown };
  const languages = registrationLanguages({
    languages: Array.isArray(f.languages) ? f.languages.filter((l): l is string => typeof l === "string") : [],
    otherLanguages: typeof f.otherLanguages === "string" ? f.otherLanguages : "",
  });
  if (languages.length === 0 && !errors.languages) errors.languages = [NO_LANGUAGE];
  if (languages.length > MAX_LANGUAGES && !errors.languages) errors.languages = [`Se admiten hasta ${MAX_LANGUAGES} idiomas.`];
  return errors;
}
