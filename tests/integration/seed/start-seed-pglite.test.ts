import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createPrisma } from "@/lib/db/create-prisma";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { findIssuedDemoCases } from "@/prisma/seed/issued-demo-cases";
import { isDatabaseEmpty, seedDatabase } from "@/prisma/seed/seed-database";
import { startWorldPkiServices } from "@/tests/helpers/world-pki-services";

// What `npm start` does on a fresh machine (scripts/start.mts): the embedded PGlite database is
// migrated and seeded with the demo cases walked through the real workflow, and the issued ones
// are found again to be printed with their verification URL and the PDF on disk.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-start-pglite-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it("seeds an empty PGlite database with demo cases and finds the issued one with its URL and PDF", { timeout: 300_000 }, async () => {
  const { prisma, handle, close } = createPrisma(`pglite:${path.join(root, "db")}`);
  const storage = new LocalDiskStorage(path.join(root, "files"));
  // As npm start: the demo PKI's services first, then the seed, whose certificates name them.
  const pkiServices = await startWorldPkiServices(path.join(root, "pki"));
  try {
    await applyMigrations(handle.factory);
    expect(await isDatabaseEmpty(prisma)).toBe(true);
    const seeded = await seedDatabase(prisma, { pkiDir: path.join(root, "pki"), servicesBaseUrl: pkiServices.services.baseUrl, demoCases: true, storage });
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
  } finally {
    await close();
    await pkiServices.close();
  }
});
