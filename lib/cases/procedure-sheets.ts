import "server-only";
import type { Case, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { FileKind, Procedure } from "@/lib/generated/prisma/enums";
import { DomainError } from "@/lib/errors";
import { getDefinition } from "@/lib/workflow/definitions";
import { diplomaBefore2005Sheet } from "./sheets/diploma-before-2005-sheet";
import { diplomaFrom2005Sheet } from "./sheets/diploma-from-2005-sheet";
import { educationalRecordSheet } from "./sheets/educational-record-sheet";
import { graduationRecordSheet } from "./sheets/graduation-record-sheet";
import { swornTranslationSheet } from "./sheets/sworn-translation-sheet";
import type { TProcedureSheet } from "./sheets/procedure-sheet-types";

export type {
  TProcedureSheet,
  TSheetAttachment,
  TSheetAttachmentContext,
  TSheetContent,
  TSheetContentContext,
  TSheetLookupContext,
} from "./sheets/procedure-sheet-types";

// The one registry of certification sheets, by procedure: what the sheet prints for a case
// (title of the document certified, holder, statement, rows), which uploaded files follow it, and
// what travels inside the issued PDF as embedded files. lib/cases/build-sheet-data.ts adds what
// every sheet has (offices, signers, date, QR and code) and lib/cases/signing renders, merges and
// signs. Each procedure's entry lives in its own file under ./sheets (its owner edits only that).
// D.4 (translator registration) issues no certification.
const PROCEDURE_SHEETS: Partial<Record<Procedure, TProcedureSheet>> = {
  EDUCATIONAL_RECORD: educationalRecordSheet,
  GRADUATION_RECORD: graduationRecordSheet,
  DIPLOMA_BEFORE_2005: diplomaBefore2005Sheet,
  DIPLOMA_FROM_2005: diplomaFrom2005Sheet,
  SWORN_TRANSLATION: swornTranslationSheet,
};

export function procedureSheet(procedure: Procedure): TProcedureSheet {
  const sheet = PROCEDURE_SHEETS[procedure];
  if (!sheet) throw new DomainError("UNSUPPORTED_PROCEDURE", "Este trámite no genera una hoja de certificación.");
  return sheet;
}

export function hasProcedureSheet(procedure: Procedure): boolean {
  return PROCEDURE_SHEETS[procedure] !== undefined;
}

// Read from the workflow definition, so the data decides: a procedure with a DIDEDUC signature
// step (`sign`: D.1.1, D.2.1) is generated and signed by the DIDEDUC and countersigned centrally;
// the others (D.1.2, D.2.2, D.3) are generated, signed once and issued by the central office.
export function issuedByCentralOnly(procedure: Procedure): boolean {
  const definition = getDefinition(procedure);
  return hasProcedureSheet(procedure) && !definition.transitions.some((t) => t.action === "sign");
}

// The uploaded files merged after the sheet, in upload order.
export async function findMergedFiles(
  db: PrismaClient | Prisma.TransactionClient,
  caseRow: Pick<Case, "id" | "procedure">,
): Promise<{ id: string; storageKey: string; originalName: string; kind: FileKind }[]> {
  const kinds = [...procedureSheet(caseRow.procedure).mergedFileKinds];
  return db.uploadedFile.findMany({
    where: { caseId: caseRow.id, kind: { in: kinds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, storageKey: true, originalName: true, kind: true },
  });
}
