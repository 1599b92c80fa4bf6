import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createPrisma } from "@/lib/db/create-prisma";
import { isDatabaseEmpty, seedDatabase } from "@/prisma/seed/seed-database";

// The embedded default (what `npm start` uses with no DATABASE_URL): migrate, seed, seed again.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-seed-pglite-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// A budget against a hang, as its sibling start-seed-pglite has: the seed makes the demo PKI and
// signs the demo cases, which on a busy 2-core machine took over the default 60 s.
it("seeds an embedded PGlite database, idempotently", { timeout: 300_000 }, async () => {
  const { prisma, handle, close } = createPrisma(`pglite:${path.join(root, "db")}`);
  try {
    await applyMigrations(handle.factory);
    expect(await isDatabaseEmpty(prisma)).toBe(true);
    const pkiDir = path.join(root, "pki");
    const first = await seedDatabase(prisma, { pkiDir });
    expect(first.after.dideducs).toBe(26);
    expect(first.after.authorizedSigners).toBe(first.pki.certificates.length);
    const second = await seedDatabase(prisma, { pkiDir });
    expect(second.after).toEqual(first.after);
    expect(second.pki.written).toEqual([]);
    expect(await isDatabaseEmpty(prisma)).toBe(false);
  } finally {
    await close();
  }
});
