import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TFieldErrors } from "@/lib/errors";
import type { TRequestableDocument } from "@/lib/workflow/inputs";
import { REQUESTED_DOCUMENT_FILE_KINDS } from "./forms/diploma-before-2005-form";
import { findRequestedDocuments } from "./find-requested-documents";

export const TITLE_SCAN_MISSING =
  "Adjunte el título escaneado en PDF, anverso y reverso, con el sello de registro de la Contraloría General de Cuentas.";
export const TITLE_BACK_MISSING =
  "Adjunte el anverso y el reverso del título: los archivos del título tienen una sola página en total, y el sello de la Contraloría suele estar al reverso.";

export const REQUESTED_DOCUMENT_MISSING: Record<TRequestableDocument, string> = {
  CIERRE_DE_PENSUM: "Adjunte el cierre de pensum que le pidió la Dirección Departamental.",
  CERTIFICACION_GENERAL_DE_CURSOS: "Adjunte la certificación general de cursos que le pidió la Dirección Departamental.",
};

// D.2.1's checks on the files, run inside the submission's transaction (lib/cases/procedure-forms):
// the title is there with both sides (at least two pages among its scans), and every document the
// reviewer asked for in the rejection this request was started from is attached under its own name.
export async function checkDiplomaBefore2005Files(tx: Prisma.TransactionClient, caseRow: { id: string }): Promise<TFieldErrors> {
  const files = await tx.uploadedFile.findMany({ where: { caseId: caseRow.id }, select: { kind: true, pages: true } });
  const errors: TFieldErrors = {};
  const titlePages = files.filter((f) => f.kind === "SCAN").reduce((sum, f) => sum + f.pages, 0);
  if (titlePages === 0) errors.files = [TITLE_SCAN_MISSING];
  else if (titlePages < 2) errors.files = [TITLE_BACK_MISSING];

  const requested = await findRequestedDocuments(tx, caseRow.id);
  for (const doc of requested?.documents ?? []) {
    const kind = REQUESTED_DOCUMENT_FILE_KINDS[doc];
    if (!files.some((f) => f.kind === kind)) errors[`requestedDocuments.${doc}`] = [REQUESTED_DOCUMENT_MISSING[doc]];
  }
  return errors;
}
