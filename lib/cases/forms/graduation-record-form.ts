import { z } from "zod";
import { safeText } from "@/lib/validation/safe-text";
import { draftText, fieldErrors, requiredText, ZPersonAt, ZPersonDraft } from "./shared-fields";

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

export const ZGraduationRecordDraft = z.object({
  student: ZPersonDraft,
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

const YEAR_RANGE = `El Archivo Documental resguarda expedientes de graduación de ${ARCHIVE_FIRST_YEAR} a ${ARCHIVE_LAST_YEAR}: escriba un año entre ${ARCHIVE_FIRST_YEAR} y ${ARCHIVE_LAST_YEAR}. Para otros años, use el trámite de expediente educativo.`;

export function ZGraduationRecordFormAt(now: Date) {
  return z.object({
    student: ZPersonAt(now),
    record: z.object(
      {
        degree: requiredText("Escriba el título o diploma tal como aparece en el expediente.", 200, "El título no puede tener más de 200 caracteres."),
        institution: requiredText("Escriba el establecimiento donde se graduó.", 200, "El nombre no puede tener más de 200 caracteres."),
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
        name: requiredText(
          "Escriba el nombre de quien firmó el expediente, tal como aparece en el documento del Archivo.",
          160,
          "El nombre no puede tener más de 160 caracteres.",
        ),
        post: requiredText(
          "Escriba el puesto de quien firmó el expediente, tal como aparece en el documento del Archivo.",
          160,
          "El puesto no puede tener más de 160 caracteres.",
        ),
      },
      { error: "Escriba el nombre y el puesto de quien firmó el expediente en el Archivo." },
    ),
    contactPhone: safeText().trim().max(30, { error: "El teléfono no puede tener más de 30 caracteres." }).optional(),
  });
}

// Every message at once, keyed by field path ("record.graduationYear").
export function graduationRecordErrors(formData: unknown, now: Date): Record<string, string[]> {
  return fieldErrors(ZGraduationRecordFormAt(now), formData);
}

export const ZGraduationRecordForm = ZGraduationRecordFormAt(new Date());
export type TGraduationRecordForm = z.infer<typeof ZGraduationRecordForm>;
