import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup } from "@/lib/backup/create-backup";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createPrisma } from "@/lib/db/create-prisma";
import { DatabaseDirLockedError } from "@/lib/db/lock-database-dir";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";

// Issue #15 §5: "With the embedded database, `backup` works too (the database folder copied while no
// process holds the lock, or an export through PGlite's dump), and says which it did."

let root: string;
let pgliteDir: string;
let storage: LocalDiskStorage;
let fileKey: string;
const app = { name: "certifica", version: "test" };

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-embedded-backup-"));
  pgliteDir = path.join(root, "pglite");
  storage = new LocalDiskStorage(path.join(root, "files"));
  const { prisma, handle, close } = createPrisma(`pglite:${pgliteDir}`);
  try {
    await applyMigrations(handle.factory);
    const user = await prisma.user.create({ data: { email: "embebida@example.gt", name: "Embebida", passwordHash: "x", roles: ["CITIZEN"] } });
    const stored = await storage.put(Buffer.from("%PDF-1.7 embebida"));
    fileKey = stored.key;
    await prisma.uploadedFile.create({
      data: { uploaderId: user.id, kind: "SCAN", originalName: "a.pdf", sha256: stored.sha256, size: stored.size, pages: 1, storageKey: stored.key },
    });
  } finally {
    await close();
  }
}, 120_000);
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("backup and restore (embedded database)", () => {
  it("refuses while another process holds the embedded database (a running server)", async () => {
    // The parent process is alive and is not this one: what a running `npm start` looks like.
    fs.writeFileSync(`${pgliteDir}.lock`, `${process.ppid}\n`);
    try {
      const refused = await createBackup({ target: { kind: "pglite", dir: pgliteDir }, storage, dir: path.join(root, "refused"), app }).catch((e) => e);
      expect(refused).toBeInstanceOf(DatabaseDirLockedError);
    } finally {
      fs.rmSync(`${pgliteDir}.lock`, { force: true });
    }
  });

  it("copies the folder under its lock, says so in the manifest, and restores into a new folder and storage", async () => {
    const dir = path.join(root, "backup");
    const manifest = await createBackup({ target: { kind: "pglite", dir: pgliteDir }, storage, dir, app });
    expect(manifest.database).toMatchObject({ kind: "pglite", method: "folder-copy" });
    expect(manifest.migrations.length).toBeGreaterThan(0);
    expect(manifest.storage.files.map((f) => f.key)).toEqual([fileKey]);
    // The lock was released: the folder opens again.
    expect(fs.existsSync(`${pgliteDir}.lock`)).toBe(false);

    const restoredDir = path.join(root, "restored-pglite");
    const restoredStorage = new LocalDiskStorage(path.join(root, "restored-files"));
    await restoreBackup({ dir, target: { kind: "pglite", dir: restoredDir }, storage: restoredStorage });
    const { prisma, close } = createPrisma(`pglite:${restoredDir}`);
    try {
      const file = await prisma.uploadedFile.findFirstOrThrow({ include: { uploader: true } });
      expect(file.uploader.email).toBe("embebida@example.gt");
      expect((await restoredStorage.get(file.storageKey)).toString()).toBe("%PDF-1.7 embebida");
    } finally {
      await close();
    }
  });
});
