import type { TRequestedDocuments } from "@/lib/cases/find-requested-documents";
import type { TListedFile } from "./file-uploads";

// What every request editor opens with: the draft (or case under correction) as the server has it.
export type TEditorInitial = {
  caseId: string | null;
  number: string | null;
  version: number | null;
  state: "DRAFT" | "NEEDS_CORRECTION";
  formData: unknown;
  dideducId: string | null;
  // When the server copy was last written (ISO), to tell whether a copy kept in this browser is newer.
  updatedAt: string | null;
  files: TListedFile[];
  // A request started after a rejection requesting documents (D.2.1 Nota 2): what to attach.
  requestedDocuments?: TRequestedDocuments | null;
};

// A new request: nothing saved yet.
export const NEW_REQUEST: TEditorInitial = { caseId: null, number: null, version: null, state: "DRAFT", formData: {}, dideducId: null, updatedAt: null, files: [] };
