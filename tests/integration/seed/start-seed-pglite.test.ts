import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createPrisma } from "@/lib/db/create-prisma";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { findIssuedDemoCases } from "@/prisma/seed/issued-demo-cases";
import { isDatabaseEmpty, seedDatabase, type TSeedResult } from "@/prisma/seed/seed-database";
import { startWorldPkiServices, type TWorldPkiServices } from "@/tests/helpers/world-pki-services";

// What `npm start` does on a fresh machine (scripts/start-prepare.mts), on the embedded default (PGlite,
// no DATABASE_URL): the database is migrated and seeded with the demo cases walked through the
// real workflow, the issued ones are found again to be printed with their verification URL and the
// PDF on disk, and a second seed adds nothing. One seeded database serves every test here: the
// seed makes the demo PKI and signs the demo cases, the longest part of these tests by far.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-start-pglite-"));
const pkiDir = path.join(root, "pki");
const storage = new LocalDiskStorage(path.join(root, "files"));
let db: ReturnType<typeof createPrisma>;
let pkiServices: TWorldPkiServices;
let seeded: TSeedResult;

// A budget against a hang (as each test had before they shared the seed): on a busy 2-core
// machine the seed alone took over the default 60 s.
beforeAll(async () => {
  db = createPrisma(`pglite:${path.join(root, "db")}`);
  // As npm start: the demo PKI's services first, then the seed, whose certificates name them.
  pkiServices = await startWorldPkiServices(pkiDir);
  await applyMigrations(db.handle.factory);
  expect(await isDatabaseEmpty(db.prisma)).toBe(true);
  seeded = await seedDatabase(db.prisma, { pkiDir, servicesBaseUrl: pkiServices.services.baseUrl, demoCases: true, storage });
}, 300_000);

afterAll(async () => {
  await db?.close();
  await pkiServices?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

it("seeds an empty PGlite database with demo cases and finds the issued one with its URL and PDF", { timeout: 120_000 }, async () => {
  const { prisma } = db;
  expect(seeded.demoCases?.issued).toBeTruthy();

  const issued = await findIssuedDemoCases(prisma, { storage, baseUrl: "http://localhost:3999" });
  expect(issued.map((c) => c.number)).toContain(seeded.demoCases!.issued!.number);
  const first = issued.find((c) => c.number === seeded.demoCases!.issued!.number)!;
  expect(first.verificationCode).toBe(seeded.demoCases!.issued!.verificationCode);
  expect(first.verificationUrl).toBe(`http://localhost:3999/verificar/${first.verificationCode}`);
  expect(first.pdfPath).toBe(seeded.demoCases!.issued!.pdfPath);
  expect(path.isAbsolute(first.pdfPath)).toBe(true);
  const bytes = fs.readFileSync(first.pdfPath);
  const validation = validatePdfSignatures(bytes, { trustedRoots: [seeded.pki.rootPem] });
  expect(validation.valid).toBe(true);
  expect(validation.signatures.length).toBeGreaterThanOrEqual(1);
  expect(validation.modifiedAfterLastSignature).toBe(false);
  // Only issued (and then revoked or replaced) cases of the demo accounts, each with a file on
  // disk and the status printed beside it as the database has it.
  const rows = await prisma.case.findMany({ where: { verificationCode: { in: issued.map((c) => c.verificationCode) } }, select: { verificationCode: true, state: true } });
  expect(rows).toHaveLength(issued.length);
  for (const c of issued) {
    expect(fs.existsSync(c.pdfPath)).toBe(true);
    expect(rows.find((r) => r.verificationCode === c.verificationCode)?.state).toBe(c.state);
    expect(c.status).toBe(c.state === "ISSUED" ? "emitida" : c.replacedByCode ? `reemplazada por ${c.replacedByCode}` : "anulada");
  }
  // Issue #11's demo: one revoked, one replaced by a corrected re-issue that is listed as issued.
  const { revoked, replaced } = seeded.afterIssuance!;
  expect(issued.find((c) => c.verificationCode === revoked!.verificationCode)?.status).toBe("anulada");
  expect(issued.find((c) => c.verificationCode === replaced!.verificationCode)?.status).toBe(`reemplazada por ${replaced!.replacedBy.verificationCode}`);
  expect(issued.find((c) => c.verificationCode === replaced!.replacedBy.verificationCode)?.status).toBe("emitida");
  // Issue #14 §3: the demo's audit trail, written on PGlite through the workflow, is one whole chain.
  const chain = await verifyAuditChain(prisma);
  expect(chain.firstBreak).toBeNull();
  expect(chain.checked).toBe(await prisma.auditEvent.count());
  expect(chain.checked).toBeGreaterThan(0);
});

// Last in the file: it seeds the same database again.
it("seeds an embedded PGlite database, idempotently", { timeout: 120_000 }, async () => {
  const { prisma } = db;
  expect(seeded.after.dideducs).toBe(26);
  expect(seeded.after.authorizedSigners).toBe(seeded.pki.certificates.length);
  // The counts as the first seed left them, demo cases included: the second seed adds none.
  const second = await seedDatabase(prisma, { pkiDir, servicesBaseUrl: pkiServices.services.baseUrl });
  expect(second.before).toEqual(seeded.after);
  expect(second.after).toEqual(seeded.after);
  expect(second.pki.written).toEqual([]);
  expect(await isDatabaseEmpty(prisma)).toBe(false);
});
