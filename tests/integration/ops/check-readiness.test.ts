import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/db/apply-migrations";
import { checkReadiness } from "@/lib/health/check-readiness";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { UploadThingStorage } from "@/lib/storage/uploadthing-storage";
import { createTestDatabase, type TTestDatabase } from "@/tests/helpers/test-database";

// GET /api/salud/lista's checks (issue #15 §4: "database and storage reached, migrations applied")
// against a real PostgreSQL migrated like production.
let tdb: TTestDatabase;
let root: string;
// The probe's own bound (3 s) is not what these tests check: on a busy machine a fresh client's
// first query may take longer, and a "ready" answer must not depend on the machine's speed.
const timeoutMs = 120_000;

beforeAll(async () => {
  tdb = await createTestDatabase();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-readiness-"));
});

afterAll(async () => {
  await tdb?.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("readiness for the load balancer", () => {
  it("is ready with a migrated database, a writable storage folder and every migration folder applied", async () => {
    const r = await checkReadiness({ timeoutMs, db: tdb.prisma, storage: new LocalDiskStorage(path.join(root, "files")), migrationsDir: MIGRATIONS_DIR });
    expect(r).toEqual({
      ready: true,
      checks: { database: { ok: true }, storage: { kind: "local-disk", ok: true }, migrations: { ok: true, pending: 0 } },
    });
  });

  it("is not ready when this build has a migration the database has not applied (a newer build on an older schema)", async () => {
    const dir = path.join(root, "migrations");
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "29991231000000_ops_not_applied"));
    fs.writeFileSync(path.join(dir, "29991231000000_ops_not_applied", "migration.sql"), "SELECT 1;\n");
    const r = await checkReadiness({ timeoutMs, db: tdb.prisma, storage: new LocalDiskStorage(path.join(root, "files")), migrationsDir: dir });
    expect(r.ready).toBe(false);
    expect(r.checks.migrations).toMatchObject({ ok: false, pending: 1 });
    expect(r.checks.database.ok).toBe(true);
  });

  it("is not ready when the storage folder cannot be written (here: its path runs through a file)", async () => {
    const file = path.join(root, "not-a-dir");
    fs.writeFileSync(file, "x");
    const r = await checkReadiness({ timeoutMs, db: tdb.prisma, storage: new LocalDiskStorage(path.join(file, "files")), migrationsDir: MIGRATIONS_DIR });
    expect(r.ready).toBe(false);
    expect(r.checks.storage).toMatchObject({ kind: "local-disk", ok: false });
    expect(JSON.stringify(r)).not.toContain(root);
  });

  it("is not ready when the database does not answer, and says nothing about where it is", async () => {
    const { createPrisma } = await import("@/lib/db/create-prisma");
    const url = new URL(tdb.url);
    url.port = "1";
    const down = createPrisma(url.toString());
    try {
      const r = await checkReadiness({ timeoutMs, db: down.prisma, storage: new LocalDiskStorage(path.join(root, "files")), migrationsDir: MIGRATIONS_DIR });
      expect(r.ready).toBe(false);
      expect(r.checks.database.ok).toBe(false);
      expect(r.checks.migrations.ok).toBe(false);
      expect(JSON.stringify(r)).not.toMatch(/127\.0\.0\.1|postgres/);
    } finally {
      await down.close();
    }
  });

  it("with UploadThing, checks that its token is configured without calling the service", async () => {
    const calls: string[] = [];
    const storage = new UploadThingStorage({ token: "x", fetch: (async (u: string) => void calls.push(String(u))) as never });
    const withToken = await checkReadiness({ timeoutMs, db: tdb.prisma, storage, migrationsDir: MIGRATIONS_DIR, env: { UPLOADTHING_TOKEN: "configured" } });
    expect(withToken.checks.storage).toEqual({ kind: "uploadthing", ok: true });
    const without = await checkReadiness({ timeoutMs, db: tdb.prisma, storage, migrationsDir: MIGRATIONS_DIR, env: {} });
    expect(without.checks.storage).toMatchObject({ kind: "uploadthing", ok: false });
    expect(calls).toEqual([]);
  });
});
