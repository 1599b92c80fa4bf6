import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import type { Case, Dideduc } from "@/lib/generated/prisma/client";
import { formatCui } from "@/lib/identity/format-cui";
import { buildCertifyingStatement, dideducOfficeName } from "@/lib/pdf/certifying-statement";
import { CENTRAL_OFFICE, studiesTable, type TCertificationSheetInput, type TSheetField, type TStudyMode } from "@/lib/pdf/sheet-data";
import { verificationUrl } from "@/lib/verification/verification-url";

// The D.1.1 form as stored in Case.formData (lib/cases/forms/educational-record-form.ts is the
// form's own schema). Read here again because the sheet needs every printed field present, and
// a stored draft of an older shape must fail with a message, not print "undefined".
const ZText = z.string().trim().min(1);
const ZFormForSheet = z.object({
  modality: z.enum(["ESCOLAR", "EXTRAESCOLAR"]),
  documentKinds: z.array(z.enum(["CERTIFICADOS_ESTUDIO", "DIPLOMA", "CIERRE_PENSUM", "CERTIFICACION_CURSOS", "OTROS"])).min(1),
  otherDescription: z.string().trim().optional().nullable(),
  student: z.object({
    firstNames: ZText,
    lastNames: ZText,
    cui: z.string().trim().optional().nullable(),
    birthDate: z.string().trim().optional().nullable(),
  }),
  studies: z
    .array(z.object({ level: ZText, year: z.coerce.number().int(), institution: ZText }))
    .min(1),
});

// The labels the citizen chose from (same wording as the form).
const DOCUMENT_LABELS: Record<z.infer<typeof ZFormForSheet>["documentKinds"][number], string> = {
  CERTIFICADOS_ESTUDIO: "Certificados de estudio",
  DIPLOMA: "Diplomas",
  CIERRE_PENSUM: "Cierre de pensum",
  CERTIFICACION_CURSOS: "Certificación general de cursos",
  OTROS: "Otros",
};

export const CERTIFICATION_TITLE_D11 = "Certificación electrónica de expediente educativo";
// Printed when the sheet is generated before the director is known by name.
const DIDEDUC_SIGNER_POST = "Director(a) o Subdirector(a) Departamental de Educación";
const CENTRAL_SIGNER_POST = "Asistente o Coordinador(a) de Atención al Ciudadano";

export type TSheetSignerHint = { name: string; post: string } | null;

export type TBuildSheetDataInput = {
  caseRow: Pick<Case, "number" | "procedure" | "formData">;
  dideduc: Pick<Dideduc, "name">;
  verificationCode: string;
  now: Date;
  // The DIDEDUC's one active authorized signer, when there is exactly one: the sheet then names them.
  dideducSigner?: TSheetSignerHint;
  // For the preview: the sheet says it is one.
  preview?: boolean;
  baseUrl?: string;
};

// Calendar date in Guatemala (UTC−6 all year), as the sheet prints it.
export function guatemalaDate(now: Date): string {
  return new Date(now.getTime() - 6 * 3600 * 1000).toISOString().slice(0, 10);
}

// Case + DIDEDUC + form data → what the certification sheet prints (lib/pdf ZCertificationSheetData).
export function buildSheetData(input: TBuildSheetDataInput): TCertificationSheetInput {
  const { caseRow, dideduc } = input;
  if (caseRow.procedure !== "EDUCATIONAL_RECORD") {
    throw new DomainError("UNSUPPORTED_PROCEDURE", "Este trámite todavía no genera una hoja de certificación.");
  }
  const parsed = ZFormForSheet.safeParse(caseRow.formData);
  if (!parsed.success) {
    throw new DomainError(
      "INCOMPLETE_FORM",
      "Los datos de la solicitud están incompletos para generar la certificación. Solicite la corrección al usuario.",
    );
  }
  const form = parsed.data;
  const mode: TStudyMode = form.modality === "ESCOLAR" ? "SCHOOL" : "OUT_OF_SCHOOL";
  const holderName = `${form.student.firstNames} ${form.student.lastNames}`.replace(/\s+/g, " ");
  const dideducOffice = dideducOfficeName(dideduc.name);

  const fields: TSheetField[] = [];
  if (form.student.birthDate) fields.push({ label: "Fecha de nacimiento", value: formatBirthDate(form.student.birthDate) });

  const url = verificationUrl(input.verificationCode, input.baseUrl);
  const notes = input.preview
    ? ["VISTA PREVIA sin validez: el código de verificación definitivo se asigna al generar la certificación."]
    : [];

  return {
    procedure: "EDUCATIONAL_RECORD",
    issuingOffices: [dideducOffice, CENTRAL_OFFICE],
    caseNumber: caseRow.number,
    title: CERTIFICATION_TITLE_D11,
    holder: { fullName: holderName, ...(form.student.cui ? { cui: formatCui(form.student.cui) } : {}) },
    studyMode: mode,
    documents: form.documentKinds.map((k) =>
      k === "OTROS" && form.otherDescription ? { label: DOCUMENT_LABELS[k], description: form.otherDescription } : { label: DOCUMENT_LABELS[k] },
    ),
    fields,
    studies: studiesTable(
      mode,
      form.studies.map((s) => ({ gradeOrStage: s.level, year: s.year, schoolOrProgram: s.institution })),
    ),
    statement: buildCertifyingStatement({ procedure: "EDUCATIONAL_RECORD", dideducOffice, holderName, studyMode: mode }),
    signers: [
      input.dideducSigner
        ? { name: input.dideducSigner.name, post: input.dideducSigner.post, office: dideducOffice }
        : { post: DIDEDUC_SIGNER_POST, office: dideducOffice },
      { post: CENTRAL_SIGNER_POST, office: CENTRAL_OFFICE },
    ],
    issueDate: guatemalaDate(input.now),
    verification: { url, code: input.verificationCode },
    notes,
  };
}

const MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

function formatBirthDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} de ${month} de ${m[1]}` : value;
}
