import { z } from "zod";
import { validateCui } from "@/lib/identity/validate-cui";

// The D.1.2 form, expediente de graduación of the 1974–1996 archive (client-safe: the editor reads
// the labels). Two schemas over one shape, as in educational-record-form.ts:
// ZGraduationRecordDraft, lenient, for autosave; ZGraduationRecordFormAt(now), strict, for
// submission. The signed PDF itself is an UploadedFile of kind ARCHIVE_RECORD, not formData; its
// signature is checked when it is uploaded (lib/cases/check-archive-record-upload.ts).

// The years the Ministry's Archivo Documental keeps graduation records of.
export const ARCHIVE_FIRST_YEAR = 1974;
export const ARCHIVE_LAST_YEAR = 1996;

// The one file of this procedure.
export const ARCHIVE_RECORD_FILE_KIND = "ARCHIVE_RECORD" as const;
export const ARCHIVE_RECORD_MAX_FILES = 1;

export const GRADUATION_RECORD_LABELS = {
  degree: "Título o diploma que obtuvo",
  institution: "Establecimiento educativo",
  graduationYear: "Año de graduación",
  archiveOfficerName: "Nombre de quien firmó el expediente en el Archivo",
  archiveOfficerPost: "Puesto de quien firmó el expediente",
} as const;

const draftText = (max: number) => z.string().max(max).optional().catch(undefined);

export const ZGraduationRecordDraft = z.object({
  student: z
    .object({
      firstNames: draftText(120),
      lastNames: draftText(120),
      cui: draftText(20),
      birthDate: draftText(10),
    })
    .catch({})
    .default({}),
  record: z
    .object({
      degree: draftText(200),
      institution: draftText(200),
      graduationYear: z.number().int().min(0).max(9999).optional().catch(undefined),
    })
    .catch({})
    .default({}),
  archiveOfficer: z
    .object({
      name: draftText(160),
      post: draftText(160),
    })
    .catch({})
    .default({}),
  contactPhone: draftText(30),
});
export type TGraduationRecordDraft = z.infer<typeof ZGraduationRecordDraft>;

function required(message: string, max: number, tooLong: string) {
  return z.string({ error: message }).trim().min(1, { error: message }).max(max, { error: tooLong });
}

const YEAR_RANGE = `El Archivo Documental resguarda expedientes de graduación de ${ARCHIVE_FIRST_YEAR} a ${ARCHIVE_LAST_YEAR}: escriba un año entre ${ARCHIVE_FIRST_YEAR} y ${ARCHIVE_LAST_YEAR}. Para otros años, use el trámite de expediente educativo.`;

export function ZGraduationRecordFormAt(now: Date) {
  return z.object({
    student: z.object(
      {
        firstNames: required("Escriba los nombres del estudiante.", 120, "Los nombres no pueden tener más de 120 caracteres."),
        lastNames: required("Escriba los apellidos del estudiante.", 120, "Los apellidos no pueden tener más de 120 caracteres."),
        cui: z
          .string()
          .trim()
          .optional()
          .transform((v) => (v ? v : undefined))
          .superRefine((v, ctx) => {
            if (v && !validateCui(v).ok) {
              ctx.addIssue({ code: "custom", message: "El CUI del estudiante no es válido: revise los 13 dígitos tal como aparecen en el DPI, o deje el campo vacío." });
            }
          }),
        birthDate: z
          .string()
          .trim()
          .optional()
          .transform((v) => (v ? v : undefined))
          .refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && Date.parse(v) <= now.getTime()), {
            error: "Escriba una fecha de nacimiento válida, o deje el campo vacío.",
          }),
      },
      { error: "Escriba los datos del estudiante." },
    ),
    record: z.object(
      {
        degree: required("Escriba el título o diploma tal como aparece en el expediente.", 200, "El título no puede tener más de 200 caracteres."),
        institution: required("Escriba el establecimiento donde se graduó.", 200, "El nombre no puede tener más de 200 caracteres."),
        graduationYear: z
          .number({ error: "Escriba el año de graduación con cuatro dígitos." })
          .int({ error: "Escriba el año de graduación con cuatro dígitos." })
          .min(ARCHIVE_FIRST_YEAR, { error: YEAR_RANGE })
          .max(ARCHIVE_LAST_YEAR, { error: YEAR_RANGE }),
      },
      { error: "Escriba los datos del expediente." },
    ),
    archiveOfficer: z.object(
      {
        name: required(
          "Escriba el nombre de quien firmó el expediente, tal como aparece en el documento del Archivo.",
          160,
          "El nombre no puede tener más de 160 caracteres.",
        ),
        post: required(
          "Escriba el puesto de quien firmó el expediente, tal como aparece en el documento del Archivo.",
          160,
          "El puesto no puede tener más de 160 caracteres.",
        ),
      },
      { error: "Escriba el nombre y el puesto de quien firmó el expediente en el Archivo." },
    ),
    contactPhone: z.string().trim().max(30, { error: "El teléfono no puede tener más de 30 caracteres." }).optional(),
  });
}

// Every message at once, keyed by field path ("record.graduationYear").
export function graduationRecordErrors(formData: unknown, now: Date): Record<string, string[]> {
  const parsed = ZGraduationRecordFormAt(now).safeParse(formData);
  const errors: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
      (errors[key] ??= []).push(issue.message);
    }
  }
  return errors;
}

export const ZGraduationRecordForm = ZGraduationRecordFormAt(new Date());
export type TGraduationRecordForm = z.infer<typeof ZGraduationRecordForm>;
