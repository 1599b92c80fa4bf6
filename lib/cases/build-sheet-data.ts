import "server-only";
import { DomainError } from "@/lib/errors";
import type { Case, Dideduc } from "@/lib/generated/prisma/client";
import { dideducOfficeName } from "@/lib/pdf/certifying-statement";
import { dideducSignerPostsCaption } from "@/lib/registry/dideduc-signer-posts";
import { CENTRAL_OFFICE, type TCertificationSheetInput, type TSheetSigner } from "@/lib/pdf/sheet-data";
import { verificationUrl } from "@/lib/verification/verification-url";
import { issuedByCentralOnly, procedureSheet } from "./procedure-sheets";

export { CERTIFICATION_TITLE_D11 } from "./sheets/educational-record-sheet";

// Printed when the sheet is generated before the signer is known by name. The DIDEDUC's line lists
// every post its type allows (dideducSignerPostsCaption, decision 0014): the signature, drawn in
// the box above it when the person signs, names who signed and their post.
const CENTRAL_SIGNER_POST = "Asistente o Coordinador(a) de Atención al Ciudadano";

export type TSheetSignerHint = { name: string; post: string } | null;

export type TBuildSheetDataInput = {
  caseRow: Pick<Case, "number" | "procedure" | "formData">;
  // The case's DIDEDUC; required by the procedures it signs (D.1.1, D.2.1). Its type decides which
  // posts may sign (all three are listed when it is not given).
  dideduc: (Pick<Dideduc, "name"> & Partial<Pick<Dideduc, "type">>) | null;
  verificationCode: string;
  now: Date;
  // The DIDEDUC's one active authorized signer, when there is exactly one: the sheet then names them
  // with their post as the registry prints it ("Jefa del Departamento Técnico Pedagógico").
  dideducSigner?: TSheetSignerHint;
  // The central signer, when the sheet is rendered at the moment they sign (central-only issuance).
  centralSigner?: TSheetSignerHint;
  applicantName?: string | null;
  // What the procedure's sheet entry looked up (procedure-sheets.ts `lookup`).
  lookup?: unknown;
  // For the preview: the sheet says it is one.
  preview?: boolean;
  baseUrl?: string;
};

// Calendar date in Guatemala (UTC−6 all year), as the sheet prints it.
export function guatemalaDate(now: Date): string {
  return new Date(now.getTime() - 6 * 3600 * 1000).toISOString().slice(0, 10);
}

// Case + DIDEDUC + form data → what the certification sheet prints (lib/pdf ZCertificationSheetData).
// The procedure's entry in procedure-sheets.ts gives the content; the offices and signers follow
// from who signs it: the DIDEDUC then the central office, or the central office alone.
export function buildSheetData(input: TBuildSheetDataInput): TCertificationSheetInput {
  const { caseRow, dideduc } = input;
  const sheet = procedureSheet(caseRow.procedure);
  const centralOnly = issuedByCentralOnly(caseRow.procedure);
  if (!centralOnly && !dideduc) throw new DomainError("NO_DIDEDUC", "La solicitud no indica su Dirección Departamental.");
  const dideducOffice = dideduc ? dideducOfficeName(dideduc.name) : null;

  const content = sheet.content(caseRow, {
    dideducOffice,
    applicantName: input.applicantName ?? null,
    now: input.now,
    lookup: input.lookup,
  });

  // `role`: whose signature draws into the signer's box on the sheet.
  const central: TSheetSigner = input.centralSigner
    ? { name: input.centralSigner.name, post: input.centralSigner.post, office: CENTRAL_OFFICE, role: "CENTRAL" }
    : { post: CENTRAL_SIGNER_POST, office: CENTRAL_OFFICE, role: "CENTRAL" };
  const signers: TSheetSigner[] = centralOnly
    ? [central]
    : [
        input.dideducSigner
          ? { name: input.dideducSigner.name, post: input.dideducSigner.post, office: dideducOffice!, role: "DIDEDUC" }
          : { post: dideducSignerPostsCaption(dideduc?.type), office: dideducOffice!, role: "DIDEDUC" },
        central,
      ];

  const notes = input.preview
    ? [
        centralOnly
          ? "VISTA PREVIA sin validez: el código de verificación definitivo se asigna al firmar y emitir la certificación."
          : "VISTA PREVIA sin validez: el código de verificación definitivo se asigna al generar la certificación.",
      ]
    : [];

  return {
    procedure: caseRow.procedure,
    issuingOffices: centralOnly ? [CENTRAL_OFFICE] : [dideducOffice!, CENTRAL_OFFICE],
    caseNumber: caseRow.number,
    title: content.title,
    holder: content.holder,
    ...(content.studyMode ? { studyMode: content.studyMode } : {}),
    documents: content.documents ?? [],
    fields: content.fields ?? [],
    ...(content.studies ? { studies: content.studies } : {}),
    statement: content.statement,
    signers,
    issueDate: guatemalaDate(input.now),
    verification: { url: verificationUrl(input.verificationCode, input.baseUrl), code: input.verificationCode },
    notes,
  };
}
