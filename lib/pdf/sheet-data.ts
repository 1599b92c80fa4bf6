import { z } from "zod";
import { Procedure } from "@/lib/generated/prisma/enums";

// What a certification sheet prints. It is frozen into `CertificationSheet.data` when the sheet
// is generated, so the signed PDF can be re-rendered and explained later; every text a reader
// sees is here already in Spanish, and the renderer adds only fixed labels.
// Generic on purpose: D.1.1 fills `studies`; D.1.2, D.2.x and D.3 use `fields` (title data,
// archive officer, translator) and may leave the table out.

export const MINISTRY_HEADING = "Ministerio de Educación — República de Guatemala";
export const CENTRAL_OFFICE = "Departamento de Atención al Ciudadano — DISERSA";

const ZText = z.string().trim().min(1);

export const ZSheetField = z.object({
  label: ZText,
  value: ZText,
});
export type TSheetField = z.infer<typeof ZSheetField>;

export const ZCertifiedDocument = z.object({
  // As the citizen chose it, e.g. "Certificados de estudio", "Otros".
  label: ZText,
  // Required by the form for "Otros" (e.g. "Carta de conducta"); free for the rest.
  description: ZText.optional(),
});
export type TCertifiedDocument = z.infer<typeof ZCertifiedDocument>;

export const ZSheetTable = z
  .object({
    title: ZText,
    columns: z.array(ZText).min(1).max(6),
    // Relative widths of the columns (flex weights); equal when omitted.
    widths: z.array(z.number().positive()).optional(),
    rows: z.array(z.array(z.string().trim())).min(1),
  })
  .superRefine((t, ctx) => {
    if (t.widths && t.widths.length !== t.columns.length) {
      ctx.addIssue({ code: "custom", path: ["widths"], message: "Debe haber un ancho por columna." });
    }
    t.rows.forEach((row, i) => {
      if (row.length !== t.columns.length) {
        ctx.addIssue({ code: "custom", path: ["rows", i], message: `La fila debe tener ${t.columns.length} celdas.` });
      }
    });
  });
export type TSheetTable = z.infer<typeof ZSheetTable>;

// Whose signature draws into a signer's box on the sheet (lib/cases/signing).
export const ZSignerRole = z.enum(["DIDEDUC", "CENTRAL"]);
export type TSignerRole = z.infer<typeof ZSignerRole>;

export const ZSheetSigner = z.object({
  // Unknown while the sheet is generated for a signer not yet chosen (the central office signs
  // last): the sheet then names the post, and the signature itself carries the name.
  name: ZText.optional(),
  post: ZText,
  office: ZText,
  role: ZSignerRole.optional(),
});
export type TSheetSigner = z.infer<typeof ZSheetSigner>;

// Where the sheet printed a signer's signature box: the page (of the sheet, which comes first in
// the merged document, so also of the document) and the box in PDF points, [left, bottom, right,
// top] in the page's default user space. The signature of that signer gets its widget there.
export const ZSignatureBox = z.object({
  // Index into `signers`.
  signer: z.number().int().nonnegative(),
  role: ZSignerRole.optional(),
  pageIndex: z.number().int().nonnegative(),
  rect: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export type TSignatureBox = z.infer<typeof ZSignatureBox>;

export const ZStudyMode = z.enum(["SCHOOL", "OUT_OF_SCHOOL"]);
export type TStudyMode = z.infer<typeof ZStudyMode>;

export const STUDY_MODE_LABELS: Record<TStudyMode, string> = {
  SCHOOL: "Educación escolar",
  OUT_OF_SCHOOL: "Educación extraescolar",
};

export const ZCertificationSheetData = z.object({
  // Bumped when the shape changes, so stored sheets can still be read.
  schemaVersion: z.literal(1).default(1),
  procedure: z.enum(Procedure),
  heading: ZText.default(MINISTRY_HEADING),
  // Printed in order under the heading, e.g. the DIDEDUC, then the central office.
  issuingOffices: z.array(ZText).min(1).max(4),
  caseNumber: ZText,
  // e.g. "Certificación electrónica de expediente educativo".
  title: ZText,
  holder: z.object({
    // Exactly as printed on the certified documents.
    fullName: ZText,
    cui: ZText.optional(),
  }),
  studyMode: ZStudyMode.optional(),
  documents: z.array(ZCertifiedDocument).default([]),
  // Any further data of the procedure (title number, degree, archive officer, translator…).
  fields: z.array(ZSheetField).default([]),
  // D.1.1: grades or stages, years, schools or programs.
  studies: ZSheetTable.optional(),
  statement: ZText,
  signers: z.array(ZSheetSigner).min(1).max(4),
  // Calendar date in Guatemala (YYYY-MM-DD), printed as "15 de marzo de 2026".
  issueDate: z.iso.date(),
  verification: z.object({
    url: z.url({ protocol: /^https?$/ }),
    code: ZText,
  }),
  // Pages of scans that follow the sheet; filled by buildCertificationPdf when omitted.
  attachedPages: z.number().int().nonnegative().optional(),
  // Embedded files the reader should know about (D.1.2's original signed PDF).
  attachmentNames: z.array(ZText).default([]),
  notes: z.array(ZText).default([]),
  // Filled by buildCertificationPdf from the rendered sheet (a value given here is not printed
  // and is replaced). Absent from sheets stored before visible signatures: those sign invisibly.
  signatureBoxes: z.array(ZSignatureBox).optional(),
}).superRefine((d, ctx) => {
  // The QR and the printed code must lead to the same record.
  if (!d.verification.url.includes(d.verification.code)) {
    ctx.addIssue({ code: "custom", path: ["verification", "url"], message: "La URL de verificación debe contener el código." });
  }
});
export type TCertificationSheetData = z.output<typeof ZCertificationSheetData>;
export type TCertificationSheetInput = z.input<typeof ZCertificationSheetData>;

// Builds the D.1.1 studies table with the column the mode calls for.
export function studiesTable(
  mode: TStudyMode,
  rows: ReadonlyArray<{ gradeOrStage: string; year: string | number; schoolOrProgram: string }>,
): TSheetTable {
  return {
    title: "Estudios certificados",
    columns: ["Grado o etapa", "Año", mode === "SCHOOL" ? "Establecimiento educativo" : "Programa"],
    widths: [2.8, 0.7, 5.6],
    rows: rows.map((r) => [r.gradeOrStage, String(r.year), r.schoolOrProgram]),
  };
}
