import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import type { FileStorage } from "@/lib/storage/file-storage";
import { UNATTACHED_UPLOAD_TTL_HOURS } from "./limits";
import { lockStorageKey } from "./lock-storage-key";

export type TSweepUnattachedUploadsOptions = { db?: PrismaClient; storage?: FileStorage; now?: Date; batchSize?: number };
export type TSweepResult = { deletedRows: number; deletedBlobs: number; failedKeys: string[] };

// Rounds of `batchSize` keys per run: what is left waits for the next run.
const MAX_ROUNDS = 20;

// Removes the uploads that were never attached to a case and are older than a day, and each
// stored blob that no row (UploadedFile, DocumentVersion or PreparedSigning) references any more. Everything it
// decides comes from the database, so any number of server instances may run it at once:
// - per storage key, one transaction takes the key's advisory lock (the one an upload holds from
//   finding the bytes stored to inserting its row), deletes the expired unattached rows of that key
//   and, only if it deleted some and no row at all still references the key, deletes the blob;
// - a second instance on the same key waits for the lock, deletes nothing and so touches no blob;
// - if deleting the blob fails the transaction rolls back, the rows stay, and a later run retries;
//   if the process dies after deleting the blob but before committing, the next run deletes the
//   rows, and deleting the absent blob again is not an error.
// DocumentVersion rows are written without this lock; their bytes are freshly signed documents,
// which cannot equal an expired citizen upload, so the race cannot arise for them.
export async function sweepUnattachedUploads(options: TSweepUnattachedUploadsOptions = {}): Promise<TSweepResult> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const storage = options.storage ?? (await import("@/lib/storage/get-storage")).getStorage();
  const cutoff = new Date((options.now ?? new Date()).getTime() - UNATTACHED_UPLOAD_TTL_HOURS * 3600_000);
  const batchSize = options.batchSize ?? 100;
  const result: TSweepResult = { deletedRows: 0, deletedBlobs: 0, failedKeys: [] };

  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Served by the index on UploadedFile(caseId, createdAt).
    const rows = await db.uploadedFile.findMany({
      where: { caseId: null, createdAt: { lt: cutoff }, storageKey: { notIn: result.failedKeys } },
      select: { storageKey: true },
      orderBy: { createdAt: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) break;
    for (const key of new Set(rows.map((r) => r.storageKey))) {
      try {
        const swept = await db.$transaction(
          async (tx) => {
            await lockStorageKey(tx, key);
            const deleted = await tx.uploadedFile.deleteMany({ where: { storageKey: key, caseId: null, createdAt: { lt: cutoff } } });
            if (deleted.count === 0) return { rows: 0, blob: false };
            const files = await tx.uploadedFile.count({ where: { storageKey: key } });
            const documents = await tx.documentVersion.count({ where: { storageKey: key } });
            const prepared = await tx.preparedSigning.count({ where: { preparedStorageKey: key } });
            if (files + documents + prepared > 0) return { rows: deleted.count, blob: false };
            await storage.delete(key);
            return { rows: deleted.count, blob: true };
          },
          // A remote storage backend may be slow to answer a delete.
          { timeout: 60_000, maxWait: 10_000 },
        );
        result.deletedRows += swept.rows;
        if (swept.blob) result.deletedBlobs += 1;
      } catch (e) {
        log.error("upload not swept", { storageKey: key, error: e });
        result.failedKeys.push(key);
      }
    }
    if (rows.length < batchSize) break;
  }
  return result;
}
