import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TFieldErrors } from "@/lib/errors";
import { ARCHIVE_RECORD_FILE_KIND } from "./forms/graduation-record-form";

export const ARCHIVE_RECORD_MISSING =
  "Adjunte el expediente de graduación en PDF tal como se lo envió el Archivo Documental, con su firma electrónica.";
export const ARCHIVE_RECORD_ONLY =
  "Adjunte solo el expediente firmado por el Archivo Documental: quite los demás archivos.";

// D.1.2's check of the files inside the submission's transaction: exactly the one signed PDF of
// the archive (its signature was checked when it was uploaded; the stored bytes cannot change).
export async function checkGraduationRecordFiles(tx: Prisma.TransactionClient, caseRow: { id: string }): Promise<TFieldErrors> {
  const files = await tx.uploadedFile.findMany({ where: { caseId: caseRow.id }, select: { kind: true } });
  const records = files.filter((f) => f.kind === ARCHIVE_RECORD_FILE_KIND).length;
  if (records === 0) return { files: [ARCHIVE_RECORD_MISSING] };
  if (records > 1 || files.length > records) return { files: [ARCHIVE_RECORD_ONLY] };
  return {};
}
