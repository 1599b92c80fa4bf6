import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FileStorage } from "@/lib/storage/file-storage";
import { log } from "@/lib/log";
import { lockStorageKey } from "@/lib/uploads/lock-storage-key";

// How long a prepared signing is kept after it expired (used ones are used before they expire):
// a completion that started just before expiry is never left without its row and file, and a
// replay within this time still hears "ya se usó".
export const PREPARED_SIGNING_GRACE_MS = 60 * 60 * 1000;

export type TSweepPreparedSigningsOptions = { db?: PrismaClient; storage?: FileStorage; now?: Date; batchSize?: number };
export type TSweepPreparedSigningsResult = { deletedRows: number; deletedBlobs: number; failedIds: string[] };

const MAX_ROUNDS = 20;

// Deletes the prepared signings (decision 0017) that expired more than the grace period ago, used
// or not, and each prepared PDF no row references any more. Everything it decides comes from the
// database, so any number of server instances may run it at once (it runs beside the upload sweep):
// - per row, one transaction takes its storage key's advisory lock (the one uploads and the upload
//   sweep take), deletes the row (a concurrent sweep deletes nothing and touches no file) and
//   deletes the file only if no PreparedSigning, DocumentVersion or UploadedFile still references
//   that key — a file a document version uses is never deleted;
// - if deleting the file fails the transaction rolls back, the row stays and a later run retries.
// A new prepare cannot produce the bytes of an expired one: its file's signature dictionary carries
// its own signing time (/M), an hour or more later.
export async function sweepPreparedSignings(options: TSweepPreparedSigningsOptions = {}): Promise<TSweepPreparedSigningsResult> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const storage = options.storage ?? (await import("@/lib/storage/get-storage")).getStorage();
  const cutoff = new Date((options.now ?? new Date()).getTime() - PREPARED_SIGNING_GRACE_MS);
  const batchSize = options.batchSize ?? 100;
  const result: TSweepPreparedSigningsResult = { deletedRows: 0, deletedBlobs: 0, failedIds: [] };

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const rows = await db.preparedSigning.findMany({
      where: { expiresAt: { lt: cutoff }, id: { notIn: result.failedIds } },
      select: { id: true, preparedStorageKey: true },
      orderBy: { expiresAt: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const key = row.preparedStorageKey;
      try {
        const swept = await db.$transaction(
          async (tx) => {
            await lockStorageKey(tx, key);
            const deleted = await tx.preparedSigning.deleteMany({ where: { id: row.id } });
            if (deleted.count === 0) return { rows: 0, blob: false };
            const prepared = await tx.preparedSigning.count({ where: { preparedStorageKey: key } });
            const documents = await tx.documentVersion.count({ where: { storageKey: key } });
            const files = await tx.uploadedFile.count({ where: { storageKey: key } });
            if (prepared + documents + files > 0) return { rows: 1, blob: false };
            await storage.delete(key);
            return { rows: 1, blob: true };
          },
          // A remote storage backend may be slow to answer a delete.
          { timeout: 60_000, maxWait: 10_000 },
        );
        result.deletedRows += swept.rows;
        if (swept.blob) result.deletedBlobs += 1;
      } catch (e) {
        log.error("prepared signing not swept", { preparedSigningId: row.id, error: e });
        result.failedIds.push(row.id);
      }
    }
    if (rows.length < batchSize) break;
  }
  return result;
}
