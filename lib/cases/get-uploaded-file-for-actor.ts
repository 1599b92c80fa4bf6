import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FileStorage } from "@/lib/storage/file-storage";
import { findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import { canSeeCase, type TViewer } from "./can-see-case";
import { dbOf, type TDbOptions } from "./db-options";

// An uploaded scan with its bytes for whoever may see it: its uploader, or whoever may see its
// case. Null otherwise (the route answers 404 alike). Bytes that no longer match the recorded
// SHA-256 are never served.
export async function getUploadedFileForActor(
  input: { actor: TViewer; fileId: string; db?: PrismaClient; storage?: FileStorage; now?: Date },
  options: TDbOptions = {},
) {
  const db = await dbOf(options, input);
  const file = await db.uploadedFile.findUnique({
    where: { id: input.fileId },
    include: { case: { select: { applicantId: true, dideducId: true, state: true, reissueOfId: true } } },
  });
  if (!file) return null;
  let allowed = file.uploaderId === input.actor.id;
  if (!allowed && file.case) allowed = canSeeCase(input.actor, file.case, await findActiveDelegations(db, input.actor.id, input.now));
  if (!allowed) return null;
  const storage = input.storage ?? (await import("@/lib/storage/get-storage")).getStorage();
  const bytes = await storage.get(file.storageKey);
  if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) {
    throw new Error(`Archivo ${file.id}: el contenido no corresponde a su SHA-256`);
  }
  const { case: _case, ...fileRow } = file;
  void _case;
  return { file: fileRow, bytes };
}
