import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { IMPORT_DIPLOMAS_ACTION } from "@/lib/registry/import-diplomas-csv";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { sweepStorage } from "@/lib/storage/sweep-storage";
import { createTestDatabase, type TTestDatabase } from "@/tests/helpers/test-database";

// Issue #15 §4: "Storage does not grow with garbage … add a sweep (`npm run storage:sweep`, safe to
// run while serving …) that removes unreferenced files older than a day and stale temporary files".

let tdb: TTestDatabase;
let root: string;
let storage: LocalDiskStorage;
let uploaderId: string;

const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms);
async function age(key: string, ms: number) {
  const t = ago(ms);
  await fs.promises.utimes(storage.pathFor(key), t, t);
}
const bytes = (label: string) => Buffer.from(`%PDF-1.7 ${label} ${Math.random()}`);

beforeAll(async () => {
  tdb = await createTestDatabase();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-sweep-"));
  storage = new LocalDiskStorage(path.join(root, "files"));
  const user = await tdb.prisma.user.create({ data: { email: "sweep@example.gt", name: "Sweep", passwordHash: "x", roles: ["CITIZEN"] } });
  uploaderId = user.id;
});
afterAll(async () => {
  await tdb?.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("storage sweep", () => {
  it("keeps referenced and young files, removes old unreferenced ones and stale partial writes; a dry run deletes nothing", async () => {
    const db = tdb.prisma;
    const referenced = await storage.put(bytes("referenced upload"));
    await db.uploadedFile.create({
      data: { uploaderId, kind: "SCAN", originalName: "a.pdf", sha256: referenced.sha256, size: referenced.size, pages: 1, storageKey: referenced.key },
    });
    const prepared = await storage.put(bytes("prepared signing"));
    await db.preparedSigning.create({
      data: {
        caseId: "c",
        actorId: uploaderId,
        action: "sign",
        expectedVersion: 1,
        authorizedSignerId: "s",
        certFingerprint: "f",
        certificatesDer: [],
        signedAttributes: Buffer.from("x"),
        preparedStorageKey: prepared.key,
        preparedSha256: prepared.sha256,
        signingTime: new Date(),
        expiresAt: new Date(),
      },
    });
    // The diploma import's rejection report is referenced only from its audit event's data.
    const report = await storage.put(Buffer.from("linea;cui;motivo\n"));
    await appendAuditEvent(db, { data: { action: IMPORT_DIPLOMAS_ACTION, data: { reportKey: report.key } } });
    const youngOrphan = await storage.put(bytes("young orphan"));
    const oldOrphan = await storage.put(bytes("old orphan"));
    // Stored long ago, unreferenced, then put() again a moment ago (its row is being written): young.
    const reused = await storage.put(bytes("reused"));
    for (const k of [referenced.key, prepared.key, report.key, oldOrphan.key, reused.key]) await age(k, 3 * 24 * HOUR);
    await age(youngOrphan.key, 2 * HOUR);
    await storage.put(await storage.get(reused.key));

    fs.mkdirSync(storage.tmpDir, { recursive: true });
    const oldTmp = path.join(storage.tmpDir, "1-crashed.part");
    const youngTmp = path.join(storage.tmpDir, "2-writing.part");
    fs.writeFileSync(oldTmp, "partial");
    fs.writeFileSync(youngTmp, "being written");
    fs.utimesSync(oldTmp, ago(2 * HOUR), ago(2 * HOUR));

    const listed: string[] = [];
    const dry = await sweepStorage({ db, storage, dryRun: true, onRemove: (f) => listed.push(f.name) });
    expect(dry.removed.files).toBe(1);
    expect(dry.tmpRemoved.files).toBe(1);
    expect(listed.sort()).toEqual([oldOrphan.key, oldTmp].sort());
    expect(await storage.exists(oldOrphan.key)).toBe(true);
    expect(fs.existsSync(oldTmp)).toBe(true);

    const r = await sweepStorage({ db, storage });
    expect(r).toMatchObject({
      backend: "local-disk",
      scanned: 6,
      keptReferenced: 3,
      keptYoung: 2,
      removed: { files: 1, bytes: oldOrphan.size },
      tmpRemoved: { files: 1, bytes: "partial".length },
      failed: [],
    });
    for (const k of [referenced.key, prepared.key, report.key, youngOrphan.key, reused.key]) expect(await storage.exists(k)).toBe(true);
    expect(await storage.exists(oldOrphan.key)).toBe(false);
    expect(fs.existsSync(oldTmp)).toBe(false);
    expect(fs.existsSync(youngTmp)).toBe(true);
  });

  it("`npm run storage:sweep -- --dry-run` runs against DATABASE_URL and STORAGE_DIR and prints counts and bytes", () => {
    const run = spawnSync("npm", ["run", "--silent", "storage:sweep", "--", "--dry-run"], {
      cwd: path.resolve(__dirname, "../../.."),
      env: { ...process.env, DATABASE_URL: tdb.url, STORAGE_DIR: storage.root, UPLOADTHING_TOKEN: "", UPLOAD_TMP_DIR: path.join(root, "uploads-tmp") },
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/archivos revisados; se borrarían 0 sin referencia de más de 24 h \(0\.0 MB\) y 0 temporales/);
    expect(run.stdout).toMatch(/"message":"storage sweep"/);
  });
});
