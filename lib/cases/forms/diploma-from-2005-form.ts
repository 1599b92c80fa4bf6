import { z } from "zod";
import { draftText, fieldErrors, optionalText, ZPersonAt, ZPersonDraft } from "./shared-fields";
import { validateCui } from "@/lib/identity/validate-cui";
import { DIPLOMA_NUMBER_EXAMPLE, DIPLOMA_NUMBER_FORMAT_MESSAGE, normalizeDiplomaNumber, ZDiplomaNumber } from "@/lib/registry/diploma-number";
import { HOLDER_PROOF_MISSING_MESSAGE, hasHolderProof, holderProofOf } from "@/lib/registry/match-diploma-holder";

// The D.2.2 form (título de diversificado, escolar 2005 onwards). Client-safe: the editor reads
// its labels and messages. The citizen types the registration number printed at the title's top
// right; the system shows what the Ministry's title registry holds for it, and only once the
// citizen confirms it is their title does the upload of the scan (front and back, CGC stamp) open.
// The registry shows the record only when the graduate's CUI or birth date typed here matches its
// own (lib/registry/match-diploma-holder), and every later check asks the same.
// Two schemas over one shape, as D.1.1's: ZDiplomaFrom2005Draft, lenient, for autosave;
// ZDiplomaFrom2005FormAt(now), strict, for submission. No DIDEDUC: the central office handles it.
//
// Stored shape (Case.formData):
//   { registrationNumber, confirmedRegistrationNumber, student: { firstNames?, lastNames?, cui?, birthDate?,
//     fullName? }, contactPhone?, cgcStampConfirmed,
//     registryAtSubmission? }   ← written by the server at (re)submission, never taken from a draft
// Once the citizen confirmed the registry's record, the graduate's name is the registry's
// (issue #14, decision 0027): the form shows it read-only instead of the name inputs, the strict
// schema no longer asks for names, and the submission replaces whatever names a draft carries by
// `student.fullName`, the registry's `holderName` (it keeps one full name, not names and surnames
// apart). A draft can never set `fullName` (ZPersonDraft drops it); a save during a correction
// keeps the stored one while the record stays confirmed (lib/cases/keep-diploma-registry-name).

export const DIPLOMA_FROM_2005_LABELS = {
  registrationNumber: "Número de registro del título",
  registrationNumberHint: `Está impreso en la esquina superior derecha del título, por ejemplo ${DIPLOMA_NUMBER_EXAMPLE}. Puede escribirlo con o sin guiones.`,
  firstNames: "Nombres",
  lastNames: "Apellidos",
  cui: "CUI",
  birthDate: "Fecha de nacimiento",
  contactPhone: "Teléfono para consultas sobre esta solicitud",
} as const;

// Where the citizen starts this procedure, and where D.2.1's blank form is.
export const DIPLOMA_FROM_2005_NEW_REQUEST_HREF = "/ciudadano/solicitudes/nueva/titulo-desde-2005";

// Procedure D.2.2, activity 2, Nota.
export const CGC_STAMP_REQUIREMENT_D22 =
  "Suba el título original escaneado en PDF, anverso y reverso, con el sello de registro de la Contraloría General de Cuentas (CGC) legible. Atención al Ciudadano compara el título con el registro de títulos del Ministerio de Educación.";

export const CGC_STAMP_CONFIRMATION_LABEL_D22 =
  "Confirmo que el título que adjunto es el original, escaneado por ambos lados, y lleva el sello de registro de la Contraloría General de Cuentas.";

export const REGISTRY_CONFIRMATION_LABEL = "Sí, estos son los datos de mi título.";

// After the confirmation the graduate's name is shown as the registry has it, not typed again.
export const REGISTRY_NAME_LABEL = "Nombre de la persona graduada, según el registro de títulos";
export const REGISTRY_NAME_HINT = "Se toma del registro de títulos y es el que se imprime en la certificación. Si no es su título, búsquelo de nuevo.";
export const UNDO_CONFIRMATION_LABEL = "No es mi título: buscar de nuevo";

// Procedure D.2.2, activity 2, Nota: "Si al colocar el número de registro no despliega la
// información, el usuario deberá de realizar el trámite como inferior al 2005". The same words
// whether the number is not registered or the CUI / birth date typed are not the holder's, so the
// answer never tells that someone else's title has that number.
export const NOT_IN_REGISTRY_MESSAGE = (number: string) =>
  `El registro de títulos del Ministerio de Educación no tiene el título número ${number} con el CUI o la fecha de nacimiento que escribió. Revise el número, tal como aparece en la esquina superior derecha del título, y esos datos. Si son correctos, solicite la certificación como título anterior a 2005: la revisa la Dirección Departamental de Educación, y lo que ya escribió se copia a la nueva solicitud.`;

export const SWITCH_TO_BEFORE_2005_LABEL = "Solicitar como título anterior a 2005 con estos datos";

export const NOT_CONFIRMED_MESSAGE = "Busque el número en el registro de títulos y confirme que los datos que se muestran son los de su título.";

export const TITLE_SCAN_MISSING_D22 = "Adjunte el título escaneado en PDF, anverso y reverso, con el sello de registro de la Contraloría General de Cuentas.";
export const TITLE_BACK_MISSING_D22 =
  "Adjunte el anverso y el reverso del título: los archivos adjuntos tienen una sola página en total, y el sello de la Contraloría suele estar al reverso.";

export const ZDiplomaFrom2005Draft = z.object({
  registrationNumber: draftText(40),
  // The canonical number whose registry record the citizen confirmed as theirs; a different
  // number typed afterwards is not confirmed.
  confirmedRegistrationNumber: draftText(20),
  student: ZPersonDraft,
  contactPhone: draftText(30),
  cgcStampConfirmed: z.boolean().optional().catch(undefined),
});
export type TDiplomaFrom2005Draft = z.infer<typeof ZDiplomaFrom2005Draft>;

// The draft of whatever arrives (another shape, a copy from an older version, a forged
// registryAtSubmission): never throws, keeps only the form's own fields.
export function parseDiplomaFrom2005Draft(formData: unknown): TDiplomaFrom2005Draft {
  const input = typeof formData === "object" && formData !== null && !Array.isArray(formData) ? formData : {};
  return ZDiplomaFrom2005Draft.parse(input);
}

// The graduate, named as the title names them.
export const ZDiplomaStudent = (now: Date) =>
  ZPersonAt(now, {
    firstNames: "Escriba los nombres de la persona graduada, como aparecen en el título.",
    lastNames: "Escriba los apellidos de la persona graduada, como aparecen en el título.",
    invalidCui: "El CUI no es válido: revise los 13 dígitos tal como aparecen en el DPI, o deje el campo vacío.",
    missing: "Escriba los datos de la persona graduada.",
  });

// `namesFromRegistry`: the record is confirmed for the number typed, so the names are the
// registry's (filled in at submission) and whatever a draft carries under them is not checked.
export function ZDiplomaFrom2005FormAt(now: Date, options: { namesFromRegistry?: boolean } = {}) {
  const student = ZDiplomaStudent(now);
  return z.object({
    registrationNumber: ZDiplomaNumber,
    confirmedRegistrationNumber: z.string({ error: NOT_CONFIRMED_MESSAGE }).min(1, { error: NOT_CONFIRMED_MESSAGE }),
    student: options.namesFromRegistry ? student.extend({ firstNames: z.unknown().optional(), lastNames: z.unknown().optional() }) : student,
    contactPhone: optionalText(30, "El teléfono no puede tener más de 30 caracteres."),
    cgcStampConfirmed: z.literal(true, { error: "Confirme que el título lleva el sello de registro de la Contraloría General de Cuentas." }),
  });
}
export type TDiplomaFrom2005Form = z.output<ReturnType<typeof ZDiplomaFrom2005FormAt>>;

// Whether what is stored was confirmed for the number typed now (any spelling of it).
export function isRegistryConfirmed(form: unknown): boolean {
  const f = (typeof form === "object" && form !== null ? form : {}) as { registrationNumber?: unknown; confirmedRegistrationNumber?: unknown };
  if (typeof f.registrationNumber !== "string" || typeof f.confirmedRegistrationNumber !== "string") return false;
  const number = normalizeDiplomaNumber(f.registrationNumber);
  return number !== null && number === f.confirmedRegistrationNumber;
}

// Every message at once, keyed by field path. The confirmation is checked apart from the number's
// format, so "confirm it" is not asked for a number that cannot be one. The graduate's CUI or birth
// date is what the registry is checked against (lib/registry/match-diploma-holder): one of them.
export function diplomaFrom2005Errors(formData: unknown, now: Date): Record<string, string[]> {
  const errors = fieldErrors(ZDiplomaFrom2005FormAt(now, { namesFromRegistry: isRegistryConfirmed(formData) }), formData);
  const student = typeof formData === "object" && formData !== null ? (formData as { student?: unknown }).student : undefined;
  if (!errors["student.cui"] && !errors["student.birthDate"] && !hasHolderProof(holderProofOf(student))) {
    errors["student.cui"] = [HOLDER_PROOF_MISSING_MESSAGE];
  }
  if (!errors.registrationNumber && !errors.confirmedRegistrationNumber && !isRegistryConfirmed(formData)) {
    errors.confirmedRegistrationNumber = [NOT_CONFIRMED_MESSAGE];
  }
  if (errors.registrationNumber) delete errors.confirmedRegistrationNumber;
  return errors;
}

// The lookup the form makes before anything is uploaded (server action input): the number and
// what the citizen typed about the graduate, the CUI or the birth date (at least one).
export const ZDiplomaLookupRequest = z
  .object({
    registrationNumber: ZDiplomaNumber,
    student: z
      .object({
        cui: z
          .string()
          .trim()
          .max(20, { error: "El CUI tiene 13 dígitos." })
          .optional()
          .refine((v) => !v || validateCui(v).ok, { error: "El CUI no es válido: revise los 13 dígitos tal como aparecen en el DPI." }),
        birthDate: z
          .string()
          .trim()
          .max(10, { error: "Escriba una fecha de nacimiento válida." })
          .optional()
          .refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), { error: "Escriba una fecha de nacimiento válida." }),
      })
      .optional()
      .default({}),
  })
  .superRefine((data, ctx) => {
    if (!hasHolderProof(data.student)) ctx.addIssue({ code: "custom", message: HOLDER_PROOF_MISSING_MESSAGE, path: ["student", "cui"] });
  });

// What the lookup answers, for the form (client-safe shape; the holder's name as registered).
export type TDiplomaRegistryView = {
  registrationNumber: string;
  holderName: string;
  degree: string;
  school: string;
  year: number;
  dideducName: string | null;
};

export type TDiplomaLookupOutcome =
  | { status: "FOUND"; record: TDiplomaRegistryView }
  // Signed by a regional director or a minister: ATE-INS-04, the form stops.
  | { status: "OTHER_PROCEDURE"; record: TDiplomaRegistryView; message: string }
  | { status: "NOT_FOUND"; registrationNumber: string; message: string };

// The switch to D.2.1 on a registry miss: what was typed here (server action input).
export const ZSwitchToBefore2005Request = z.object({
  registrationNumber: z.string().trim().max(40).optional().default(""),
  student: z
    .object({
      firstNames: z.string().max(120).optional(),
      lastNames: z.string().max(120).optional(),
      cui: z.string().max(20).optional(),
      birthDate: z.string().max(10).optional(),
    })
    .optional()
    .default({}),
  contactPhone: z.string().max(30).optional(),
});
export type TSwitchToBefore2005Request = z.input<typeof ZSwitchToBefore2005Request>;

const blankToUndefined = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

// What maps from D.2.2's typed data to D.2.1's draft (lib/cases/forms/diploma-before-2005-form):
// a school title (D.2.2 covers only escolar), the graduate's data and the phone, and the
// registration number that was not found, which lets D.2.1 accept a school title from 2005 on.
export function diplomaBefore2005DraftFrom(typed: z.output<typeof ZSwitchToBefore2005Request>, notFoundNumber: string): Record<string, unknown> {
  return {
    modality: "ESCOLAR",
    student: {
      firstNames: blankToUndefined(typed.student.firstNames),
      lastNames: blankToUndefined(typed.student.lastNames),
      cui: blankToUndefined(typed.student.cui),
      birthDate: blankToUndefined(typed.student.birthDate),
    },
    contactPhone: blankToUndefined(typed.contactPhone),
    registryMiss: { registrationNumber: notFoundNumber },
  };
}

export { DIPLOMA_NUMBER_FORMAT_MESSAGE };

export { HOLDER_PROOF_MISSING_MESSAGE };
