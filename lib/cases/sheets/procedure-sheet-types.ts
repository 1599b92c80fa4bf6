import type { Case, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { FileKind } from "@/lib/generated/prisma/enums";
import type { TCertifiedDocument, TSheetField, TSheetTable, TStudyMode } from "@/lib/pdf/sheet-data";
import type { FileStorage } from "@/lib/storage/file-storage";

// What a procedure puts on its certification sheet; everything else on it (heading, offices,
// signers, date, QR, code, preview note) is the same for every procedure (build-sheet-data.ts).
export type TSheetContent = {
  // e.g. "Certificación electrónica de expediente educativo".
  title: string;
  holder: { fullName: string; cui?: string };
  // The "CERTIFICA: que …" text (lib/pdf/certifying-statement.ts has one per procedure).
  statement: string;
  studyMode?: TStudyMode;
  documents?: TCertifiedDocument[];
  fields?: TSheetField[];
  studies?: TSheetTable;
};

export type TSheetCaseRow = Pick<Case, "number" | "procedure" | "formData">;

export type TSheetContentContext<TLookup = unknown> = {
  // "Dirección Departamental de Educación de …" of the case, when it has one.
  dideducOffice: string | null;
  // The applicant's account name (the holder when the form names nobody else).
  applicantName: string | null;
  now: Date;
  // What the entry's `lookup` found (undefined without one, and in pure tests).
  lookup: TLookup | undefined;
};

// `storage`: for entries that read the case's files (D.1.2 re-checks the archive's signature).
export type TSheetLookupContext = { db: PrismaClient | Prisma.TransactionClient; storage: FileStorage; now: Date };

export type TSheetAttachmentContext = { db: PrismaClient | Prisma.TransactionClient; storage: FileStorage; now: Date };

// A file embedded unchanged in the issued PDF (a PDF embedded-file attachment): after extraction
// it is byte-identical, so e.g. the archive's own signature on it stays checkable (D.1.2).
export type TSheetAttachment = { fileName: string; bytes: Uint8Array; description?: string; mimeType?: string };

export type TProcedureSheet<TLookup = unknown> = {
  // Uploaded files merged after the sheet, in upload order (the pages the sheet certifies).
  mergedFileKinds: readonly FileKind[];
  // Reads what the sheet needs beyond the case (registry entries…), before building it.
  lookup?: (caseRow: Case, ctx: TSheetLookupContext) => Promise<TLookup>;
  // The sheet's content from the case; throws DomainError INCOMPLETE_FORM when the stored form
  // lacks what it prints (a draft of an older shape must fail with a message, not print "undefined").
  content: (caseRow: TSheetCaseRow, ctx: TSheetContentContext<TLookup>) => TSheetContent;
  attachments?: (caseRow: Case, ctx: TSheetAttachmentContext) => Promise<TSheetAttachment[]>;
};

// Keeps each entry's lookup type checked against its own content function.
export function defineProcedureSheet<TLookup>(sheet: TProcedureSheet<TLookup>): TProcedureSheet {
  return sheet as TProcedureSheet;
}
