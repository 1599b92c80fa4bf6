import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TFieldErrors } from "@/lib/errors";
import { blankBackFileIdsOf, blankBackMissing } from "./forms/educational-record-form";

// D.1.1, procedure: "Subir los documentos originales, escaneados en PDF anverso y reverso". A file of
// one page is either the front alone or a document whose back is blank; the citizen says which by
// ticking "El reverso de este documento está en blanco" for it (formData.blankBackFileIds). Run inside
// the submission's transaction (lib/cases/procedure-forms), with the page counts the upload stored
// (the same `UploadedFile.pages` D.2.1's front-and-back check reads). One message per file, at
// `blankBack.<fileId>`, next to that file.
export async function checkEducationalRecordFiles(tx: Prisma.TransactionClient, caseRow: { id: string; formData: unknown }): Promise<TFieldErrors> {
  const declared = new Set(blankBackFileIdsOf(caseRow.formData));
  const onePage = await tx.uploadedFile.findMany({
    where: { caseId: caseRow.id, pages: 1 },
    select: { id: true, originalName: true },
    orderBy: { createdAt: "asc" },
  });
  const errors: TFieldErrors = {};
  for (const f of onePage) if (!declared.has(f.id)) errors[`blankBack.${f.id}`] = [blankBackMissing(f.originalName)];
  return errors;
}
