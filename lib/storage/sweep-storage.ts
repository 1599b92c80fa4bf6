import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { IMPORT_DIPLOMAS_ACTION } from "@/lib/registry/import-diplomas-csv";
import { lockStorageKey } from "@/lib/uploads/lock-storage-key";
import type { FileStorage, TListedFile } from "./file-storage";
import { LocalDiskStorage } from "./local-disk-storage";

// Defaults of `npm run storage:sweep` (issue #15 §4, decision 0030).
export const SWEEP_MIN_AGE_HOURS = 24;
export const SWEEP_TMP_MIN_AGE_HOURS = 1;

export type TSweepStorageOptions = {
  db: PrismaClient;
  storage: FileStorage;
  // Stored files younger than this are kept even when nothing references them yet.
  minAgeHours?: number;
  // Partial writes (`<root>/.tmp`, and the upload receiver's temp folder) older than this are removed.
  tmpMinAgeHours?: number;
  // Extra folders of temporary files to clear (default: none; the script adds UPLOAD_TMP_DIR's).
  tmpDirs?: string[];
  dryRun?: boolean;
  now?: Date;
  // Called for each file removed (or, dry run, that would be): the script prints them.
  onRemove?: (what: { kind: "stored" | "tmp"; name: string; size: number }) => void;
};

export type TSweepStorageResult = {
  backend: FileStorage["name"];
  dryRun: boolean;
  scanned: number;
  keptReferenced: number;
  keptYoung: number;
  removed: { files: number; bytes: number };
  tmpRemoved: { files: number; bytes: number };
  failed: string[];
};

const BATCH = 500;

// Removes stored files that nothing references and that are older than `minAgeHours`, and stale
// partial writes. Safe while the application serves, on any number of instances:
// - Everything that points at a stored file is a row: UploadedFile.storageKey, DocumentVersion.
//   storageKey, PreparedSigning.preparedStorageKey, and the diploma import's rejection report
//   (AuditEvent.data.reportKey). A file is removed only when none of them names it.
// - The window between put() and the row that will reference it is covered by the age threshold:
//   a file is young when written, and a put() of bytes already stored makes the file young again
//   (LocalDiskStorage touches it), so a file stored "a moment ago" is never old. The final check of
//   each candidate runs under the key's advisory lock (the one storeUpload holds from put() to its
//   row, and the other sweeps take), re-reading the references and the file's age, so an upload
//   reusing old bytes either commits its row first (kept) or stores them again after (no loss).
// - Temporary files are deleted only when older than `tmpMinAgeHours`: a write in progress keeps
//   touching its file, and no write lasts an hour.
// UploadThing: listed through the SDK's listFiles (uploadedAt is the age; a put of existing bytes
// cannot make an UploadThing file young again, which is why uploads take the key's lock); it has no
// temporary files of ours.
export async function sweepStorage(options: TSweepStorageOptions): Promise<TSweepStorageResult> {
  const { db, storage } = options;
  const now = options.now ?? new Date();
  const cutoff = now.getTime() - (options.minAgeHours ?? SWEEP_MIN_AGE_HOURS) * 3600_000;
  const tmpCutoff = now.getTime() - (options.tmpMinAgeHours ?? SWEEP_TMP_MIN_AGE_HOURS) * 3600_000;
  const dryRun = options.dryRun ?? false;
  const result: TSweepStorageResult = {
    backend: storage.name,
    dryRun,
    scanned: 0,
    keptReferenced: 0,
    keptYoung: 0,
    removed: { files: 0, bytes: 0 },
    tmpRemoved: { files: 0, bytes: 0 },
    failed: [],
  };
  if (!storage.list) throw new Error(`El almacenamiento ${storage.name} no permite listar sus archivos.`);

  // Import reports are referenced from the import's audit events; read once per run, before listing
  // (a report written after this read is young), off the (action, createdAt) index: at ten million
  // events a scan of every event's JSON would read the whole table each night.
  const reportRows = await db.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT data->>'reportKey' AS key FROM "AuditEvent"
    WHERE action = ${IMPORT_DIPLOMAS_ACTION} AND jsonb_typeof(data->'reportKey') = 'string'`;
  const reports = new Set(reportRows.map((r) => r.key));

  let batch: TListedFile[] = [];
  const flush = async () => {
    const keys = batch.map((f) => f.key);
    const referenced = await referencedKeys(db, keys);
    for (const file of batch) {
      if (referenced.has(file.key) || reports.has(file.key)) {
        result.keptReferenced += 1;
        continue;
      }
      try {
        const removed = await removeIfStillUnreferenced(db, storage, file, cutoff, dryRun);
        if (removed === null) {
          result.keptReferenced += 1;
        } else if (removed === "young") {
          result.keptYoung += 1;
        } else {
          result.removed.files += 1;
          result.removed.bytes += removed;
          options.onRemove?.({ kind: "stored", name: file.key, size: removed });
        }
      } catch (e) {
        log.error("stored file not swept", { storageKey: file.key, error: e });
        result.failed.push(file.key);
      }
    }
    batch = [];
  };

  for await (const file of storage.list()) {
    result.scanned += 1;
    if (file.storedAt.getTime() >= cutoff) {
      result.keptYoung += 1;
      continue;
    }
    batch.push(file);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();

  const tmpDirs = [...(storage instanceof LocalDiskStorage ? [storage.tmpDir] : []), ...(options.tmpDirs ?? [])];
  for (const dir of tmpDirs) {
    for (const t of await staleTemporaryFiles(dir, tmpCutoff)) {
      if (!dryRun) await fs.rm(t.file, { force: true });
      result.tmpRemoved.files += 1;
      result.tmpRemoved.bytes += t.size;
      options.onRemove?.({ kind: "tmp", name: t.file, size: t.size });
    }
  }
  return result;
}

async function referencedKeys(db: PrismaClient, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const [files, documents, prepared] = await Promise.all([
    db.uploadedFile.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true }, distinct: ["storageKey"] }),
    db.documentVersion.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true }, distinct: ["storageKey"] }),
    db.preparedSigning.findMany({ where: { preparedStorageKey: { in: keys } }, select: { preparedStorageKey: true }, distinct: ["preparedStorageKey"] }),
  ]);
  return new Set([...files.map((r) => r.storageKey), ...documents.map((r) => r.storageKey), ...prepared.map((r) => r.preparedStorageKey)]);
}

// Under the key's lock: references and age read again, then the file deleted (or, dry run, not).
// Returns the bytes removed, "young" when the file became young since it was listed, null when a
// row references it now.
async function removeIfStillUnreferenced(
  db: PrismaClient,
  storage: FileStorage,
  file: TListedFile,
  cutoff: number,
  dryRun: boolean,
): Promise<number | "young" | null> {
  return db.$transaction(
    async (tx) => {
      await lockStorageKey(tx, file.key);
      // One connection: one query at a time.
      const files = await tx.uploadedFile.count({ where: { storageKey: file.key } });
      const documents = await tx.documentVersion.count({ where: { storageKey: file.key } });
      const prepared = await tx.preparedSigning.count({ where: { preparedStorageKey: file.key } });
      if (files + documents + prepared > 0) return null;
      // An import report is not re-read here (its references were read at the start of the run):
      // one written since then is new bytes, or old bytes put() again, which made the file young.
      if (storage instanceof LocalDiskStorage) {
        const stat = await fs.stat(storage.pathFor(file.key)).catch(() => null);
        if (!stat) return 0;
        if (stat.mtimeMs >= cutoff) return "young";
      }
      if (!dryRun) await storage.delete(file.key);
      return file.size;
    },
    // A remote storage backend may be slow to answer a delete.
    { timeout: 60_000, maxWait: 10_000 },
  );
}

async function staleTemporaryFiles(dir: string, cutoff: number): Promise<{ file: string; size: number }[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const stale: { file: string; size: number }[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => null);
    if (stat?.isFile() && stat.mtimeMs < cutoff) stale.push({ file, size: stat.size });
  }
  return stale;
}
