import { z } from "zod";
import { draftText, fieldErrors, optionalText, requiredText, ZPersonAt, ZPersonDraft } from "./shared-fields";
import { REQUESTABLE_DOCUMENT_LABELS, type TRequestableDocument } from "@/lib/workflow/inputs";
import { registryMissNumber, ZDiplomaRegistryMissDraft } from "./diploma-registry-miss";
import { ZTitleSignatory, ZTitleSignatoryDraft } from "./title-signatory";

// The D.2.1 form (título de diversificado: escolar before 2005, and all extraescolar). Client-safe:
// the editor reads its labels. Two schemas over one shape, as D.1.1's:
// ZDiplomaBefore2005Draft, lenient, for autosave; ZDiplomaBefore2005FormAt(now), strict, for
// submission. The DIDEDUC is the case's dideducId, not part of formData; the scans are files of
// the case (kind SCAN for the title; the documents a reviewer asked for have their own kinds).
//
// Stored shape (Case.formData):
//   { modality, title: { degree, specialty?, institution, graduationYear },
//     cgcStamp: { registrationNumber?, book?, folio?, date? }, cgcStampConfirmed,
//     student: { firstNames, lastNames, cui?, birthDate? }, contactPhone?, signedBy }

export const DIPLOMA_MODALITIES = ["ESCOLAR", "EXTRAESCOLAR"] as const;
export type TDiplomaModality = (typeof DIPLOMA_MODALITIES)[number];

export const DIPLOMA_MODALITY_LABELS: Record<TDiplomaModality, string> = {
  ESCOLAR: "Educación escolar",
  EXTRAESCOLAR: "Educación extraescolar",
};

// From this year on, a school title carries a registration number and is certified by D.2.2.
export const FIRST_REGISTERED_SCHOOL_YEAR = 2005;
const FIRST_YEAR = 1900;

// Where a school title of 2005 or later is requested (D.2.2, by its registration number).
export const DIPLOMA_FROM_2005_NEW_REQUEST_HREF = "/ciudadano/solicitudes/nueva/titulo-desde-2005";

export const SCHOOL_TITLE_FROM_2005_MESSAGE =
  "Los títulos de educación escolar de 2005 en adelante se certifican con el número de registro que aparece en la esquina superior derecha del título, en el trámite «Título de diversificado escolar de 2005 en adelante».";

// Stated where the title is uploaded (procedure D.2.1, activity 2, Nota).
export const CGC_STAMP_REQUIREMENT =
  "El título debe llevar el sello de registro de la Contraloría General de Cuentas (CGC). Escanee el título original, anverso y reverso, de modo que el sello se lea completo. Sin ese sello la Dirección Departamental no puede certificarlo.";

export const CGC_STAMP_CONFIRMATION_LABEL =
  "Confirmo que el título que adjunto es el original y lleva el sello de registro de la Contraloría General de Cuentas.";

// Nota 2: the documents a DIDEDUC may ask for, and the file kind each is uploaded as.
export const REQUESTED_DOCUMENT_FILE_KINDS = {
  CIERRE_DE_PENSUM: "PENSUM_CLOSURE",
  CERTIFICACION_GENERAL_DE_CURSOS: "GENERAL_COURSE_CERTIFICATION",
} as const satisfies Record<TRequestableDocument, string>;
export type TRequestedDocumentFileKind = (typeof REQUESTED_DOCUMENT_FILE_KINDS)[TRequestableDocument];

export const REQUESTED_DOCUMENT_HINTS: Record<TRequestableDocument, string> = {
  CIERRE_DE_PENSUM: "El cierre de pensum del establecimiento o programa donde obtuvo el título, escaneado en PDF, anverso y reverso.",
  CERTIFICACION_GENERAL_DE_CURSOS: "La certificación general de cursos de la carrera, escaneada en PDF, todas sus hojas, anverso y reverso.",
};

// Labels of every file kind a D.2.1 case holds, for the lists the citizen and the reviewer read.
export const DIPLOMA_FILE_KIND_LABELS: Record<string, string> = {
  SCAN: "Título (anverso y reverso)",
  PENSUM_CLOSURE: REQUESTABLE_DOCUMENT_LABELS.CIERRE_DE_PENSUM,
  GENERAL_COURSE_CERTIFICATION: REQUESTABLE_DOCUMENT_LABELS.CERTIFICACION_GENERAL_DE_CURSOS,
};

// What a D.2.1 request may hold: the title's scans and the documents a reviewer may request.
export const DIPLOMA_BEFORE_2005_FILE_KINDS: readonly string[] = ["SCAN", ...Object.values(REQUESTED_DOCUMENT_FILE_KINDS)];
export const DIPLOMA_BEFORE_2005_WRONG_KIND =
  "En esta solicitud se adjuntan el título escaneado y, si la Dirección Departamental los pidió, el cierre de pensum o la certificación general de cursos.";

export function requestedDocumentOfFileKind(kind: string): TRequestableDocument | null {
  for (const [doc, k] of Object.entries(REQUESTED_DOCUMENT_FILE_KINDS)) if (k === kind) return doc as TRequestableDocument;
  return null;
}

export const ZDiplomaBefore2005Draft = z.object({
  modality: z.enum(DIPLOMA_MODALITIES).optional().catch(undefined),
  title: z
    .object({
      degree: draftText(200),
      specialty: draftText(200),
      institution: draftText(200),
      graduationYear: z.number().int().min(0).max(9999).optional().catch(undefined),
    })
    .catch({})
    .default({}),
  cgcStamp: z
    .object({
      registrationNumber: draftText(60),
      book: draftText(30),
      folio: draftText(30),
      date: draftText(40),
    })
    .catch({})
    .default({}),
  cgcStampConfirmed: z.boolean().optional().catch(undefined),
  student: ZPersonDraft,
  contactPhone: draftText(30),
  // Set when the request was started from D.2.2 on a registry miss (see diploma-registry-miss.ts).
  registryMiss: ZDiplomaRegistryMissDraft,
  // Who signed the title (issue #12, point 5): a Director Regional or a Minister stops the request.
  signedBy: ZTitleSignatoryDraft,
});
export type TDiplomaBefore2005Draft = z.infer<typeof ZDiplomaBefore2005Draft>;

// The draft of whatever arrives (another shape, a copy from an older version): never throws.
export function parseDiplomaBefore2005Draft(formData: unknown): TDiplomaBefore2005Draft {
  const input = typeof formData === "object" && formData !== null && !Array.isArray(formData) ? formData : {};
  return ZDiplomaBefore2005Draft.parse(input);
}

export function ZDiplomaBefore2005FormAt(now: Date) {
  const thisYear = now.getUTCFullYear();
  return z
    .object({
      modality: z.enum(DIPLOMA_MODALITIES, { error: "Indique si el título es de educación escolar o extraescolar." }),
      title: z.object(
        {
          degree: requiredText("Escriba el título tal como aparece, por ejemplo «Bachiller en Ciencias y Letras».", 200, "El título no puede tener más de 200 caracteres."),
          specialty: optionalText(200, "La especialidad no puede tener más de 200 caracteres."),
          institution: requiredText("Escriba el establecimiento o el programa que extendió el título.", 200, "El nombre no puede tener más de 200 caracteres."),
          graduationYear: z
            .number({ error: "Escriba el año de graduación con cuatro dígitos." })
            .int({ error: "Escriba el año de graduación con cuatro dígitos." })
            .min(FIRST_YEAR, { error: `El año de graduación debe estar entre ${FIRST_YEAR} y ${thisYear}.` })
            .max(thisYear, { error: `El año de graduación debe estar entre ${FIRST_YEAR} y ${thisYear}.` }),
        },
        { error: "Escriba los datos del título." },
      ),
      cgcStamp: z
        .object({
          registrationNumber: optionalText(60, "El número de registro no puede tener más de 60 caracteres."),
          book: optionalText(30, "El libro no puede tener más de 30 caracteres."),
          folio: optionalText(30, "El folio no puede tener más de 30 caracteres."),
          date: optionalText(40, "La fecha no puede tener más de 40 caracteres."),
        })
        .prefault({}),
      cgcStampConfirmed: z.literal(true, { error: "Confirme que el título lleva el sello de registro de la Contraloría General de Cuentas." }),
      student: ZPersonAt(now),
      contactPhone: optionalText(30, "El teléfono no puede tener más de 30 caracteres."),
      // Kept through the strict parse: the year rule below reads it.
      registryMiss: ZDiplomaRegistryMissDraft,
      signedBy: ZTitleSignatory,
    })
    .superRefine((form, ctx) => {
      if (schoolTitleFrom2005(form)) ctx.addIssue({ code: "custom", path: ["title", "graduationYear"], message: SCHOOL_TITLE_FROM_2005_MESSAGE });
    });
}

// A school title of 2005 or later belongs to D.2.2. Read from any shape (draft or form), so the
// editor can say so as soon as both answers are typed.
export function schoolTitleFrom2005(form: unknown): boolean {
  const f = (typeof form === "object" && form !== null ? form : {}) as { modality?: unknown; title?: { graduationYear?: unknown } };
  const year = typeof f.title === "object" && f.title !== null ? f.title.graduationYear : undefined;
  // Unless its registration number was looked up in D.2.2 and not found: then it is certified here.
  return f.modality === "ESCOLAR" && typeof year === "number" && year >= FIRST_REGISTERED_SCHOOL_YEAR && registryMissNumber(form) === null;
}

// Every message at once: zod skips an object's refinements while any of its fields fails, so the
// year rule is also checked apart (the citizen should not fix the form in two rounds).
export function diplomaBefore2005Errors(formData: unknown, now: Date): Record<string, string[]> {
  const errors = fieldErrors(ZDiplomaBefore2005FormAt(now), formData);
  if (schoolTitleFrom2005(formData) && !errors["title.graduationYear"]?.includes(SCHOOL_TITLE_FROM_2005_MESSAGE)) {
    (errors["title.graduationYear"] ??= []).push(SCHOOL_TITLE_FROM_2005_MESSAGE);
  }
  return errors;
}

export type TDiplomaBefore2005Form = z.output<ReturnType<typeof ZDiplomaBefore2005FormAt>>;
