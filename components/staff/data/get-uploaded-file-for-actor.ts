import "server-only";
import { dbOf, type TDataOptions } from "./data-options";
import { createHash } from "node:crypto";
import type { TSessionUser } from "@/lib/auth/session-user";
import { getStorage } from "@/lib/storage/get-storage";
import { findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import { canSeeCase } from "./staff-scope";

// An uploaded scan with its bytes, for whoever may see it: its uploader, or whoever may see its
// case. Null otherwise (the route answers 404 alike). Bytes that no longer match the recorded
// SHA-256 are never served.
export async function getUploadedFileForActor({ actor, fileId }: { actor: TSessionUser; fileId: string }, options: TDataOptions = {}) {
  const db = await dbOf(options);
  const file = await db.uploadedFile.findUnique({
    where: { id: fileId },
    include: { case: { select: { applicantId: true, dideducId: true, state: true } } },
  });
  if (!file) return null;
  let allowed = file.uploaderId === actor.id;
  if (!allowed && file.case) allowed = canSeeCase(actor, file.case, await findActiveDelegations(db, actor.id));
  if (!allowed) return null;
  const bytes = await getStorage().get(file.storageKey);
  if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) throw new Error(`Archivo ${file.id}: el contenido no corresponde a su SHA-256`);
  return { file, bytes };
}
