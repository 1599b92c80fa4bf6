import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PREPARED_SIGNING_TTL_MS } from "@/lib/cases/signing/prepare-case-signing";
import { PREPARED_SIGNING_GRACE_MS, sweepPreparedSignings } from "@/lib/cases/signing/sweep-prepared-signings";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Issue #13: the prepared signings (decision 0017) and their prepared PDFs do not pile up. The sweep
// deletes rows that expired more than the grace period ago — used or not — and each prepared file
// no row still references; a file a DocumentVersion (or another prepared signing) uses stays.

const MINUTE = 60_000;
let tdb: TTestDatabase;
let root: string;
let storage: LocalDiskStorage;
let seq = 0;
const now = new Date("2026-12-06T12:00:00Z");

beforeAll(async () => {
  tdb = await createTestDatabase();
  root = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-prepared-sweep-"));
  storage = new LocalDiskStorage(path.join(root, "files"));
});
afterAll(async () => {
  await tdb?.drop();
  await fs.rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  // Each test sweeps the whole table: start it empty.
  await tdb.prisma.preparedSigning.deleteMany();
});

const sweep = (at = now) => sweepPreparedSignings({ db: tdb.prisma, storage, now: at });

// A prepared signing made `ageMs` before `now` (it expires 5 minutes after that), with its own file
// unless `key` names one already stored.
async function prepared(ageMs: number, opts: { used?: boolean; key?: string } = {}) {
  seq += 1;
  const createdAt = new Date(now.getTime() - ageMs);
  const stored = opts.key ? { key: opts.key, sha256: opts.key } : await storage.put(Buffer.from(`%PDF-1.7 preparado ${seq} ${Math.random()}`));
  return tdb.prisma.preparedSigning.create({
    data: {
      caseId: `case-${seq}`,
      actorId: `actor-${seq}`,
      action: "sign",
      expectedVersion: 3,
      authorizedSignerId: `signer-${seq}`,
      certFingerprint: "00",
      certificatesDer: [],
      signedAttributes: new Uint8Array([1, 2, 3]),
      preparedStorageKey: stored.key,
      preparedSha256: stored.sha256,
      signingTime: createdAt,
      expiresAt: new Date(createdAt.getTime() + PREPARED_SIGNING_TTL_MS),
      usedAt: opts.used ? new Date(createdAt.getTime() + MINUTE) : null,
      createdAt,
    },
  });
}

const rowExists = async (id: string) => (await tdb.prisma.preparedSigning.count({ where: { id } })) === 1;
const fileExists = (key: string) => storage.exists(key);
const longAgo = PREPARED_SIGNING_TTL_MS + PREPARED_SIGNING_GRACE_MS + MINUTE;

describe("the sweep of prepared signings", () => {
  it("deletes an unused one expired over an hour ago, and its prepared PDF", async () => {
    const p = await prepared(longAgo);
    expect(await fileExists(p.preparedStorageKey)).toBe(true);
    expect(await sweep()).toEqual({ deletedRows: 1, deletedBlobs: 1, failedIds: [] });
    expect(await rowExists(p.id)).toBe(false);
    expect(await fileExists(p.preparedStorageKey)).toBe(false);
  });

  it("deletes a used one after the grace period, and its prepared PDF", async () => {
    const p = await prepared(longAgo, { used: true });
    expect(await sweep()).toMatchObject({ deletedRows: 1, deletedBlobs: 1 });
    expect(await rowExists(p.id)).toBe(false);
    expect(await fileExists(p.preparedStorageKey)).toBe(false);
  });

  it("keeps one still valid, and one expired within the grace period (used or not), with their files", async () => {
    const fresh = await prepared(MINUTE);
    const justExpired = await prepared(PREPARED_SIGNING_TTL_MS + MINUTE);
    const justUsed = await prepared(PREPARED_SIGNING_TTL_MS + MINUTE, { used: true });
    expect(await sweep()).toEqual({ deletedRows: 0, deletedBlobs: 0, failedIds: [] });
    for (const p of [fresh, justExpired, justUsed]) {
      expect(await rowExists(p.id)).toBe(true);
      expect(await fileExists(p.preparedStorageKey)).toBe(true);
    }
    // An hour later they are gone.
    expect(await sweep(new Date(now.getTime() + PREPARED_SIGNING_GRACE_MS + PREPARED_SIGNING_TTL_MS))).toMatchObject({ deletedRows: 3, deletedBlobs: 3 });
  });

  it("never deletes a storage key a DocumentVersion still references", async () => {
    const p = await prepared(longAgo);
    const user = await tdb.prisma.user.create({ data: { email: `sweep${seq}@example.test`, name: "Persona", passwordHash: "x", roles: ["CITIZEN"] } });
    const c = await tdb.prisma.case.create({ data: { number: `EE-2026-9${String(seq).padStart(5, "0")}`, procedure: "EDUCATIONAL_RECORD", applicantId: user.id } });
    await tdb.prisma.documentVersion.create({
      data: { caseId: c.id, stage: "UNSIGNED", sha256: p.preparedSha256, size: 10, storageKey: p.preparedStorageKey, createdById: user.id },
    });
    expect(await sweep()).toEqual({ deletedRows: 1, deletedBlobs: 0, failedIds: [] });
    expect(await rowExists(p.id)).toBe(false);
    expect(await fileExists(p.preparedStorageKey)).toBe(true);
  });

  it("keeps a file another, newer prepared signing still references", async () => {
    const old = await prepared(longAgo);
    const fresh = await prepared(MINUTE, { key: old.preparedStorageKey });
    expect(await sweep()).toEqual({ deletedRows: 1, deletedBlobs: 0, failedIds: [] });
    expect(await rowExists(old.id)).toBe(false);
    expect(await rowExists(fresh.id)).toBe(true);
    expect(await fileExists(fresh.preparedStorageKey)).toBe(true);
  });

  it("two instances sweeping at once delete each row and file once, without errors", async () => {
    const rows = await Promise.all(Array.from({ length: 6 }, () => prepared(longAgo)));
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(a.failedIds).toEqual([]);
    expect(b.failedIds).toEqual([]);
    expect(a.deletedRows + b.deletedRows).toBe(6);
    expect(a.deletedBlobs + b.deletedBlobs).toBe(6);
    for (const p of rows) {
      expect(await rowExists(p.id)).toBe(false);
      expect(await fileExists(p.preparedStorageKey)).toBe(false);
    }
  });
});
