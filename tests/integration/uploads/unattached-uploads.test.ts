import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { MAX_UNATTACHED_FILES, MAX_UNATTACHED_MB, UNATTACHED_UPLOAD_TTL_HOURS } from "@/lib/uploads/limits";
import { lockStorageKey } from "@/lib/uploads/lock-storage-key";
import { storeUpload, type TStoreUploadInput, type TStoreUploadOptions } from "@/lib/uploads/store-upload";
import { sweepUnattachedUploads } from "@/lib/uploads/sweep-unattached-uploads";
import { UploadError } from "@/lib/uploads/upload-error";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { makePdf } from "../../unit/uploads/pdf-fixtures";

const HOUR = 3600_000;
let tdb: TTestDatabase;
let root: string;
let storage: LocalDiskStorage;
let caseSeq = 0;
let userSeq = 0;

beforeAll(async () => {
  tdb = await createTestDatabase();
  root = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-unattached-"));
  storage = new LocalDiskStorage(path.join(root, "files"));
});
afterAll(async () => {
  await tdb?.drop();
  await fs.rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  // Each test sweeps the whole table: start it empty.
  await tdb.prisma.documentVersion.deleteMany();
  await tdb.prisma.uploadedFile.deleteMany();
});

async function newCitizen() {
  userSeq += 1;
  return tdb.prisma.user.create({ data: { email: `persona${userSeq}@example.test`, name: `Persona ${userSeq}`, passwordHash: "x", roles: ["CITIZEN"] } });
}

async function newCase(applicantId: string) {
  caseSeq += 1;
  return tdb.prisma.case.create({ data: { number: `EE-2026-${String(caseSeq).padStart(6, "0")}`, procedure: "EDUCATIONAL_RECORD", applicantId } });
}

function upload(uploader: { id: string }, input: Partial<TStoreUploadInput> & { body: TStoreUploadInput["body"] }, options: TStoreUploadOptions = {}) {
  return storeUpload(uploader, { kind: "SCAN", originalName: "escaneo.pdf", ...input }, { db: tdb.prisma, storage, tmpDir: path.join(root, "tmp"), ...options });
}

async function refusal(p: Promise<unknown>): Promise<UploadError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UploadError);
  return e as UploadError;
}

// A body that counts what the server pulled from it.
function countingBody(bytes: Buffer) {
  const state = { pulled: 0 };
  async function* gen() {
    state.pulled += bytes.length;
    yield bytes;
  }
  return { body: gen(), state };
}

async function ageRows(ids: string[], hours: number) {
  await tdb.prisma.uploadedFile.updateMany({ where: { id: { in: ids } }, data: { createdAt: new Date(Date.now() - hours * HOUR) } });
}

describe(`uploads without a case: at most ${MAX_UNATTACHED_FILES} files and ${MAX_UNATTACHED_MB} MB per account`, () => {
  it(`the ${MAX_UNATTACHED_FILES + 1}th is refused in Spanish, without reading it; cases and other accounts are not affected`, async () => {
    const citizen = await newCitizen();
    for (let i = 0; i < MAX_UNATTACHED_FILES; i++) await upload(citizen, { body: Readable.from([await makePdf(1)]) });

    const { body, state } = countingBody(await makePdf(1));
    const e = await refusal(upload(citizen, { body }));
    expect(e.code).toBe("UNATTACHED_LIMIT");
    expect(e.status).toBe(409);
    expect(e.message).toBe(
      `Ya tiene ${MAX_UNATTACHED_FILES} archivos subidos sin adjuntar a una solicitud, y el máximo es ${MAX_UNATTACHED_FILES}. ` +
        `Adjunte a una solicitud los que necesite; los archivos que no se adjuntan se borran solos a las ${UNATTACHED_UPLOAD_TTL_HOURS} horas de subirlos.`,
    );
    expect(state.pulled).toBe(0);
    expect(await tdb.prisma.uploadedFile.count({ where: { uploaderId: citizen.id } })).toBe(MAX_UNATTACHED_FILES);

    // A file for one of her cases still goes in, and another person is not limited by her files.
    const c = await newCase(citizen.id);
    expect(await upload(citizen, { body: Readable.from([await makePdf(1)]), caseId: c.id })).toMatchObject({ caseId: c.id });
    expect(await upload(await newCitizen(), { body: Readable.from([await makePdf(1)]) })).toMatchObject({ caseId: null });
  });

  it("files older than a day no longer count, swept or not", async () => {
    const citizen = await newCitizen();
    const rows = [];
    for (let i = 0; i < MAX_UNATTACHED_FILES; i++) rows.push(await upload(citizen, { body: Readable.from([await makePdf(1)]) }));
    await ageRows(rows.map((r) => r.id), UNATTACHED_UPLOAD_TTL_HOURS + 1);
    expect(await upload(citizen, { body: Readable.from([await makePdf(1)]) })).toMatchObject({ caseId: null });
  });

  it("the byte limit, telling what is used: checked on the announced size before reading, and on the real size", async () => {
    const citizen = await newCitizen();
    const pdf = await makePdf(1);
    const limit = Math.floor(pdf.length * 2.5);
    await upload(citizen, { body: Readable.from([await makePdf(1)]) }, { maxUnattachedBytes: limit });
    await upload(citizen, { body: Readable.from([await makePdf(1)]) }, { maxUnattachedBytes: limit });

    // Announced: refused unread.
    const announced = countingBody(pdf);
    const e1 = await refusal(upload(citizen, { body: announced.body, declaredSize: pdf.length }, { maxUnattachedBytes: limit }));
    expect(e1.code).toBe("UNATTACHED_LIMIT");
    expect(announced.state.pulled).toBe(0);
    expect(e1.message).toMatch(/^Sus archivos subidos sin adjuntar a una solicitud suman [\d,]+ MB y con este pasarían del máximo de [\d,]+ MB\. /);

    // Not announced: refused once its size is known, nothing stored.
    const before = (await fs.readdir(path.join(root, "files"), { recursive: true })).length;
    const e2 = await refusal(upload(citizen, { body: Readable.from([pdf]) }, { maxUnattachedBytes: limit }));
    expect(e2.code).toBe("UNATTACHED_LIMIT");
    expect((await fs.readdir(path.join(root, "files"), { recursive: true })).length).toBe(before);
    expect(await tdb.prisma.uploadedFile.count({ where: { uploaderId: citizen.id } })).toBe(2);
  });

  it("holds under concurrent uploads: with two free places, exactly two of six win", async () => {
    const citizen = await newCitizen();
    for (let i = 0; i < MAX_UNATTACHED_FILES - 2; i++) await upload(citizen, { body: Readable.from([await makePdf(1)]) });
    const pdfs = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => makePdf(n)));
    const results = await Promise.allSettled(pdfs.map((pdf) => upload(citizen, { body: Readable.from([pdf]) })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    for (const r of results.filter((x) => x.status === "rejected")) {
      expect(((r as PromiseRejectedResult).reason as UploadError).code).toBe("UNATTACHED_LIMIT");
    }
    expect(await tdb.prisma.uploadedFile.count({ where: { uploaderId: citizen.id } })).toBe(MAX_UNATTACHED_FILES);
  });
});

describe(`the sweep removes uploads without a case after ${UNATTACHED_UPLOAD_TTL_HOURS} hours`, () => {
  it("deletes expired unattached rows and their blobs; keeps recent ones, attached ones, and blobs still referenced", async () => {
    const citizen = await newCitizen();
    const other = await newCitizen();
    const c = await newCase(citizen.id);
    const [expired, recent, attachedOld, sharedPdf] = await Promise.all([makePdf(1), makePdf(2), makePdf(3), makePdf(4)]);

    const expiredRow = await upload(citizen, { body: Readable.from([expired]) });
    const recentRow = await upload(citizen, { body: Readable.from([recent]) });
    const attachedRow = await upload(citizen, { body: Readable.from([attachedOld]), caseId: c.id });
    // The same bytes, expired without a case for one person and attached to a case for another.
    const sharedExpired = await upload(other, { body: Readable.from([sharedPdf]) });
    const sharedAttached = await upload(citizen, { body: Readable.from([sharedPdf]), caseId: c.id });
    // A blob that a certification references (DocumentVersion) besides an expired upload.
    const docPdf = await makePdf(5);
    const docUpload = await upload(other, { body: Readable.from([docPdf]) });
    await tdb.prisma.documentVersion.create({
      data: { caseId: c.id, stage: "DIDEDUC_SIGNED", sha256: docUpload.sha256, size: docUpload.size, storageKey: docUpload.storageKey, createdById: citizen.id },
    });
    await ageRows([expiredRow.id, attachedRow.id, sharedExpired.id, docUpload.id], UNATTACHED_UPLOAD_TTL_HOURS + 1);
    await ageRows([recentRow.id], UNATTACHED_UPLOAD_TTL_HOURS - 1);

    const result = await sweepUnattachedUploads({ db: tdb.prisma, storage });
    expect(result).toEqual({ deletedRows: 3, deletedBlobs: 1, failedKeys: [] });

    const left = await tdb.prisma.uploadedFile.findMany({ select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([recentRow.id, attachedRow.id, sharedAttached.id].sort());
    expect(await storage.exists(expiredRow.storageKey)).toBe(false);
    expect(await storage.exists(recentRow.storageKey)).toBe(true);
    expect(await storage.exists(attachedRow.storageKey)).toBe(true);
    expect((await storage.get(sharedAttached.storageKey)).equals(sharedPdf)).toBe(true);
    expect((await storage.get(docUpload.storageKey)).equals(docPdf)).toBe(true);
  });

  it("is idempotent and safe to run from several instances at once", async () => {
    const citizen = await newCitizen();
    const rows = [];
    for (let i = 0; i < 6; i++) rows.push(await upload(citizen, { body: Readable.from([await makePdf(1)]) }));
    await ageRows(rows.map((r) => r.id), UNATTACHED_UPLOAD_TTL_HOURS * 2);

    // Small batches so the runs interleave on the same keys.
    const runs = await Promise.all([1, 2, 3].map(() => sweepUnattachedUploads({ db: tdb.prisma, storage, batchSize: 2 })));
    expect(runs.reduce((n, r) => n + r.deletedRows, 0)).toBe(6);
    expect(runs.reduce((n, r) => n + r.deletedBlobs, 0)).toBe(6);
    expect(runs.flatMap((r) => r.failedKeys)).toEqual([]);
    expect(await tdb.prisma.uploadedFile.count()).toBe(0);
    for (const r of rows) expect(await storage.exists(r.storageKey)).toBe(false);

    expect(await sweepUnattachedUploads({ db: tdb.prisma, storage })).toEqual({ deletedRows: 0, deletedBlobs: 0, failedKeys: [] });
  });

  it("does not delete a blob that an upload in progress is about to reference (it waits for the upload's lock)", async () => {
    const citizen = await newCitizen();
    const c = await newCase(citizen.id);
    const pdf = await makePdf(2);
    const old = await upload(citizen, { body: Readable.from([pdf]) });
    await ageRows([old.id], UNATTACHED_UPLOAD_TTL_HOURS + 1);

    // What storeUpload does for the same bytes: the key's lock, then a row referencing the stored
    // bytes, committed only after the sweep has started.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const lockHeld = new Promise<void>((r) => (locked = r));
    const uploading = tdb.prisma.$transaction(
      async (tx) => {
        await lockStorageKey(tx, old.storageKey);
        locked();
        await released;
        await tx.uploadedFile.create({
          data: { caseId: c.id, uploaderId: citizen.id, kind: "SCAN", originalName: "otra-vez.pdf", sha256: old.sha256, size: old.size, pages: old.pages, storageKey: old.storageKey },
        });
      },
      { timeout: 60_000 },
    );
    await lockHeld;
    let sweepDone = false;
    const sweeping = sweepUnattachedUploads({ db: tdb.prisma, storage }).finally(() => (sweepDone = true));
    // Let go once the sweep is waiting on the lock (or, without the lock, once it has finished).
    for (;;) {
      const [{ waiting }] = await tdb.prisma.$queryRaw<{ waiting: bigint }[]>`SELECT count(*) AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`;
      if (waiting > 0n || sweepDone) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    release();
    await uploading;
    expect(await sweeping).toEqual({ deletedRows: 1, deletedBlobs: 0, failedKeys: [] });
    expect((await storage.get(old.storageKey)).equals(pdf)).toBe(true);
  });

  it("a blob that cannot be deleted leaves its rows for the next run, and the run goes on", async () => {
    const citizen = await newCitizen();
    const a = await upload(citizen, { body: Readable.from([await makePdf(1)]) });
    const b = await upload(citizen, { body: Readable.from([await makePdf(2)]) });
    await ageRows([a.id, b.id], UNATTACHED_UPLOAD_TTL_HOURS + 1);
    const failing = Object.assign(Object.create(storage) as LocalDiskStorage, {
      delete: async (key: string) => {
        if (key === a.storageKey) throw new Error("almacenamiento no disponible");
        return storage.delete(key);
      },
    });
    const first = await sweepUnattachedUploads({ db: tdb.prisma, storage: failing });
    expect(first).toEqual({ deletedRows: 1, deletedBlobs: 1, failedKeys: [a.storageKey] });
    expect(await tdb.prisma.uploadedFile.findUnique({ where: { id: a.id } })).not.toBeNull();
    expect(await storage.exists(a.storageKey)).toBe(true);

    expect(await sweepUnattachedUploads({ db: tdb.prisma, storage })).toEqual({ deletedRows: 1, deletedBlobs: 1, failedKeys: [] });
    expect(await storage.exists(a.storageKey)).toBe(false);
  });
});
