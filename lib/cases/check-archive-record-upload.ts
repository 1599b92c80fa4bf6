import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FileKind } from "@/lib/generated/prisma/enums";
import { checkArchiveSignedPdf } from "@/lib/registry/check-archive-signed-pdf";
import { ARCHIVE_RECORD_FILE_KIND } from "./forms/graduation-record-form";

export type TArchiveRecordUploadRefusal = { code: string; message: string };

export const WRONG_KIND_MESSAGE =
  "En este trámite solo se adjunta el expediente de graduación en PDF que le envió el Archivo Documental, firmado electrónicamente por él.";

// D.1.2 at upload time (lib/uploads/store-upload calls it through lib/cases/procedure-forms): the
// file must be the archive's signed PDF, with the archive's signature intact, covering the whole
// file, by a certificate the registry lists for the archive and valid when it signed. A refusal
// says which problem it is, in plain Spanish, and the file is not stored. Reads only.
export async function checkArchiveRecordUpload(input: {
  db: PrismaClient;
  bytes: Buffer;
  kind: FileKind;
  now: Date;
  trustedRoots?: Buffer[];
}): Promise<TArchiveRecordUploadRefusal | null> {
  if (input.kind !== ARCHIVE_RECORD_FILE_KIND) return { code: "WRONG_KIND", message: WRONG_KIND_MESSAGE };
  const result = await checkArchiveSignedPdf(input.bytes, { db: input.db, now: input.now, trustedRoots: input.trustedRoots });
  return result.ok ? null : { code: result.code, message: result.message };
}
