import { createHash, randomBytes } from "node:crypto";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import QRCode from "qrcode";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { MAX_FILES_PER_CASE, MAX_PDF_PAGES, MAX_UPLOAD_BYTES } from "@/lib/uploads/limits";
import { storeUpload, type TStoreUploadInput } from "@/lib/uploads/store-upload";
import { UploadError, type TUploadErrorCode } from "@/lib/uploads/upload-error";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { encryptWithQpdf, makePdf } from "../../unit/uploads/pdf-fixtures";

let tdb: TTestDatabase;
let citizen: { id: string };
let otherCitizen: { id: string };
let root: string;
let storageDir: string;
let tmpDir: string;
let storage: LocalDiskStorage;
let caseSeq = 0;

beforeAll(async () => {
  tdb = await createTestDatabase();
  citizen = await tdb.prisma.user.create({ data: { email: "ciudadana@example.test", name: "Ana López", passwordHash: "x", roles: ["CITIZEN"] } });
  otherCitizen = await tdb.prisma.user.create({ data: { email: "otro@example.test", name: "Otro", passwordHash: "x", roles: ["CITIZEN"] } });
});
afterAll(async () => {
  await tdb?.drop();
});
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-upload-test-"));
  storageDir = path.join(root, "files");
  tmpDir = path.join(root, "tmp");
  storage = new LocalDiskStorage(storageDir);
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function newCase(applicantId = citizen.id, state: CaseState = "DRAFT") {
  caseSeq += 1;
  return tdb.prisma.case.create({
    data: { number: `EE-2026-${String(caseSeq).padStart(6, "0")}`, procedure: "EDUCATIONAL_RECORD", state, applicantId },
  });
}

function upload(input: Partial<TStoreUploadInput> & { body: TStoreUploadInput["body"] }, uploader = citizen, extra = {}) {
  return storeUpload(
    uploader,
    { kind: "SCAN", originalName: "certificado.pdf", ...input },
    { db: tdb.prisma, storage, tmpDir, ...extra },
  );
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
}

// Takes a thunk: the upload starts only after the row count is taken.
async function expectRefusedLeavingNothing(start: () => Promise<unknown>, code: TUploadErrorCode) {
  const rowsBefore = await tdb.prisma.uploadedFile.count();
  const outcome = await start().then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(UploadError);
  expect((outcome as UploadError).code).toBe(code);
  expect(await tdb.prisma.uploadedFile.count()).toBe(rowsBefore);
  expect(await filesUnder(storageDir)).toEqual([]);
  expect(await filesUnder(tmpDir)).toEqual([]);
  return outcome as UploadError;
}

// A body that records how much of it the server pulled, like a slow client's request; with
// `written`, also the most it ever pulled beyond what had reached the disk.
function countingBody(total: number, chunkSize = 64 * 1024, written?: () => number) {
  const state = { pulled: 0, finished: false, maxAheadOfDisk: 0 };
  async function* gen() {
    try {
      while (state.pulled < total) {
        if (written) state.maxAheadOfDisk = Math.max(state.maxAheadOfDisk, state.pulled - written());
        const n = Math.min(chunkSize, total - state.pulled);
        state.pulled += n;
        yield Buffer.alloc(n, 0x25);
      }
    } finally {
      state.finished = state.pulled >= total;
    }
  }
  return { body: gen(), state };
}

function bytesUnder(dir: string): number {
  try {
    return fsSync.readdirSync(dir).reduce((sum, name) => sum + fsSync.statSync(path.join(dir, name)).size, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw e;
  }
}

describe("storeUpload stores a valid PDF", () => {
  it("writes the file under its hash and the row with name, kind, size, pages and key", async () => {
    const c = await newCase();
    const pdf = await makePdf(4);
    const sha256 = createHash("sha256").update(pdf).digest("hex");
    const row = await upload({ body: Readable.from([pdf.subarray(0, 1000), pdf.subarray(1000)]), caseId: c.id, originalName: "C:\\Escaneos\\anverso y reverso.pdf" });

    expect(row).toMatchObject({ caseId: c.id, uploaderId: citizen.id, kind: "SCAN", originalName: "anverso y reverso.pdf", sha256, size: pdf.length, pages: 4, storageKey: sha256 });
    expect(await tdb.prisma.uploadedFile.findUnique({ where: { id: row.id } })).toMatchObject({ sha256, pages: 4 });
    expect(await filesUnder(storageDir)).toEqual([path.join(storageDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256)]);
    expect((await storage.get(row.storageKey)).equals(pdf)).toBe(true);
    expect(await filesUnder(tmpDir)).toEqual([]);
  });

  it("accepts a web ReadableStream body (what request.body is) and a file with no case", async () => {
    const pdf = await makePdf(1);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(pdf.subarray(0, 10)));
        controller.enqueue(new Uint8Array(pdf.subarray(10)));
        controller.close();
      },
    });
    const row = await upload({ body, kind: "TRANSLATION", declaredSize: pdf.length });
    expect(row).toMatchObject({ caseId: null, kind: "TRANSLATION", pages: 1, size: pdf.length });
  });

  it("the same content from two people is stored once and recorded twice", async () => {
    const pdf = await makePdf(2);
    const a = await upload({ body: Readable.from([pdf]) });
    const b = await upload({ body: Readable.from([pdf]) }, otherCitizen);
    expect(a.id).not.toBe(b.id);
    expect(a.storageKey).toBe(b.storageKey);
    expect(await filesUnder(storageDir)).toHaveLength(1);
  });
});

describe("storeUpload refuses invalid files, leaving no row, no stored file and no temp file", () => {
  it("0 bytes", async () => {
    const c = await newCase();
    await expectRefusedLeavingNothing(() => upload({ body: Readable.from([]), caseId: c.id }), "EMPTY");
  });

  it("a PNG renamed .pdf", async () => {
    const png = await QRCode.toBuffer("https://example.test", { type: "png" });
    const e = await expectRefusedLeavingNothing(() => upload({ body: Readable.from([png]), originalName: "foto.pdf" }), "NOT_PDF");
    expect(e.message).toContain("PNG");
  });

  it("a text file renamed .pdf", async () => {
    await expectRefusedLeavingNothing(() => upload({ body: Readable.from([Buffer.from("hola, esto no es un PDF\n")]) }), "NOT_PDF");
  });

  it("an encrypted PDF (qpdf AES-256)", async () => {
    const encrypted = await encryptWithQpdf(await makePdf(2), ["--encrypt", "user", "owner", "256"]);
    await expectRefusedLeavingNothing(() => upload({ body: Readable.from([encrypted]) }), "ENCRYPTED");
  });

  it("a truncated PDF", async () => {
    const pdf = await makePdf(3);
    await expectRefusedLeavingNothing(() => upload({ body: Readable.from([pdf.subarray(0, pdf.length >> 1)]) }), "DAMAGED");
  });

  it("too many pages", async () => {
    await expectRefusedLeavingNothing(async () => upload({ body: Readable.from([await makePdf(MAX_PDF_PAGES + 1)]) }), "TOO_MANY_PAGES");
  });

  it("an unknown kind or a missing name, without reading the body", async () => {
    const a = countingBody(1000);
    await expectRefusedLeavingNothing(() => upload({ body: a.body, kind: "SELFIE" as never }), "INVALID_INPUT");
    const b = countingBody(1000);
    await expectRefusedLeavingNothing(() => upload({ body: b.body, originalName: " / " }), "INVALID_INPUT");
    expect(a.state.pulled + b.state.pulled).toBe(0);
  });

  it("a connection that breaks mid-upload", async () => {
    async function* broken() {
      yield Buffer.from("%PDF-1.7\n");
      yield randomBytes(100_000);
      throw new Error("ECONNRESET");
    }
    await expectRefusedLeavingNothing(() => upload({ body: broken() }), "INCOMPLETE");
  });
});

describe("the byte limit is enforced while streaming", () => {
  it("a 21 MB body is aborted just past 20 MB, and nothing is left", async () => {
    const chunk = 64 * 1024;
    const { body, state } = countingBody(21 * 1024 * 1024, chunk, () => bytesUnder(tmpDir));
    await expectRefusedLeavingNothing(() => upload({ body }), "TOO_LARGE");
    // Stopped as soon as the limit was passed: the client was not read to the end.
    expect(state.pulled).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(state.pulled).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + 4 * chunk);
    expect(state.finished).toBe(false);
    // Never more than the streams' buffers ahead of the disk (≈ 20 chunks, whatever the machine's
    // speed: backpressure, not timing, bounds it), so the body is never held in memory. The
    // process's own memory is measured by `npm run bench`, where GC timing cannot fail a test.
    expect(state.maxAheadOfDisk).toBeGreaterThan(0);
    expect(state.maxAheadOfDisk).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it("an announced size over the limit is refused before reading anything", async () => {
    const { body, state } = countingBody(21 * 1024 * 1024);
    await expectRefusedLeavingNothing(() => upload({ body, declaredSize: 21 * 1024 * 1024 }), "TOO_LARGE");
    expect(state.pulled).toBe(0);
  });
});

describe("case rules", () => {
  it(`the ${MAX_FILES_PER_CASE + 1}th file on a case is refused without reading it`, async () => {
    const c = await newCase();
    for (let i = 0; i < MAX_FILES_PER_CASE; i++) {
      await upload({ body: Readable.from([await makePdf(1 + (i % 3))]), caseId: c.id, originalName: `hoja-${i}.pdf` });
    }
    expect(await tdb.prisma.uploadedFile.count({ where: { caseId: c.id } })).toBe(MAX_FILES_PER_CASE);
    const storedBefore = await filesUnder(storageDir);
    const { body, state } = countingBody(10_000);
    const outcome = await upload({ body, caseId: c.id }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(UploadError);
    expect((outcome as UploadError).code).toBe("TOO_MANY_FILES");
    expect(state.pulled).toBe(0);
    expect(await tdb.prisma.uploadedFile.count({ where: { caseId: c.id } })).toBe(MAX_FILES_PER_CASE);
    expect(await filesUnder(storageDir)).toEqual(storedBefore);
    expect(await filesUnder(tmpDir)).toEqual([]);
  });

  it("concurrent uploads to a case with one free slot: exactly one wins, the others store nothing", async () => {
    const c = await newCase();
    for (let i = 0; i < MAX_FILES_PER_CASE - 1; i++) {
      await upload({ body: Readable.from([await makePdf(1)]), caseId: c.id });
    }
    const storedBefore = (await filesUnder(storageDir)).length;
    const pdfs = await Promise.all([makePdf(2), makePdf(3), makePdf(4), makePdf(5)]);
    const results = await Promise.allSettled(pdfs.map((pdf) => upload({ body: Readable.from([pdf]), caseId: c.id })));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    for (const r of lost) expect(((r as PromiseRejectedResult).reason as UploadError).code).toBe("TOO_MANY_FILES");
    expect(await tdb.prisma.uploadedFile.count({ where: { caseId: c.id } })).toBe(MAX_FILES_PER_CASE);
    expect((await filesUnder(storageDir)).length).toBe(storedBefore + 1);
    expect(await filesUnder(tmpDir)).toEqual([]);
  });

  it("someone else's case, or one that does not exist, reads as not found", async () => {
    const theirs = await newCase(otherCitizen.id);
    const pdf = await makePdf(1);
    await expectRefusedLeavingNothing(() => upload({ body: Readable.from([pdf]), caseId: theirs.id }), "CASE_NOT_FOUND");
    await expectRefusedLeavingNothing(() => upload({ body: Readable.from([pdf]), caseId: "no-existe" }), "CASE_NOT_FOUND");
  });

  it("a submitted case takes no more files; one returned for correction does", async () => {
    const submitted = await newCase(citizen.id, "DIDEDUC_REVIEW");
    await expectRefusedLeavingNothing(async () => upload({ body: Readable.from([await makePdf(1)]), caseId: submitted.id }), "CASE_LOCKED");
    const returned = await newCase(citizen.id, "NEEDS_CORRECTION");
    expect(await upload({ body: Readable.from([await makePdf(1)]), caseId: returned.id })).toMatchObject({ caseId: returned.id });
  });

  it("the same file twice on one case is refused the second time", async () => {
    const c = await newCase();
    const pdf = await makePdf(2);
    await upload({ body: Readable.from([pdf]), caseId: c.id });
    const outcome = await upload({ body: Readable.from([pdf]), caseId: c.id }).catch((e: unknown) => e);
    expect((outcome as UploadError).code).toBe("DUPLICATE");
    expect(await tdb.prisma.uploadedFile.count({ where: { caseId: c.id } })).toBe(1);
    expect(await filesUnder(tmpDir)).toEqual([]);
  });
});
