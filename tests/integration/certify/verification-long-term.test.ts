import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findVerification } from "@/lib/cases/find-verification";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { seedDatabase, type TSeedResult } from "@/prisma/seed/seed-database";
import { createTestDatabase, type TTestDatabase } from "@/tests/helpers/test-database";
import { startWorldPkiServices, type TWorldPkiServices } from "@/tests/helpers/world-pki-services";

// The public verification page's data (issue #10): each signature's trusted time and TSA from
// Signature.timestampedAt/timestampAuthority, and the issued file's PAdES level from
// DocumentVersion.padesLevel — read from the database, never by parsing the PDF per request.
// Files issued before timestamps have those columns null, and nothing is claimed for them.

let tdb: TTestDatabase;
let root: string;
let seeded: TSeedResult;
let pkiServices: TWorldPkiServices;

beforeAll(async () => {
  for (let attempt = 0; ; attempt++) {
    try {
      tdb = await createTestDatabase();
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 30) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-verif-lt-"));
  const storage = new LocalDiskStorage(path.join(root, "files"));
  // The demo cases sign, and every signature is timestamped: the demo PKI's services must run.
  pkiServices = await startWorldPkiServices(path.join(root, "pki"));
  seeded = await seedDatabase(tdb.prisma, { pkiDir: path.join(root, "pki"), servicesBaseUrl: pkiServices.services.baseUrl, demoCases: true, storage, log: () => {} });
});
afterAll(async () => {
  await pkiServices?.close();
  await tdb?.drop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe("findVerification, long-term signatures", () => {
  it("gives each signer's timestamp and authority and the issued file's level; null for older files", async () => {
    const issued = seeded.demoCases?.issued;
    expect(issued).toBeTruthy();
    const c = await tdb.prisma.case.findFirstOrThrow({ where: { verificationCode: issued!.verificationCode } });
    const options = { db: tdb.prisma };

    // As stored before issue #10 (or by a pipeline that did not timestamp): nothing to show.
    await tdb.prisma.signature.updateMany({ where: { caseId: c.id }, data: { timestampedAt: null, timestampAuthority: null } });
    await tdb.prisma.documentVersion.updateMany({ where: { caseId: c.id }, data: { padesLevel: null, documentTimestampedAt: null } });
    const before = await findVerification(issued!.verificationCode, options);
    expect(before?.status).toBe("ISSUED");
    expect(before?.padesLevel).toBeNull();
    expect(before?.documentTimestampedAt).toBeNull();
    expect(before?.signers.length).toBeGreaterThan(0);
    for (const s of before!.signers) expect(s).toMatchObject({ timestampedAt: null, timestampAuthority: null });

    const at = new Date("2026-12-05T20:03:00Z");
    await tdb.prisma.signature.updateMany({ where: { caseId: c.id }, data: { timestampedAt: at, timestampAuthority: "Autoridad de Sellado de Tiempo MINEDUC" } });
    await tdb.prisma.documentVersion.updateMany({ where: { caseId: c.id, stage: "ISSUED" }, data: { padesLevel: "B-LTA", documentTimestampedAt: at } });
    const after = await findVerification(issued!.verificationCode, options);
    expect(after).toMatchObject({ padesLevel: "B-LTA", documentTimestampedAt: at });
    for (const s of after!.signers) expect(s).toMatchObject({ timestampedAt: at, timestampAuthority: "Autoridad de Sellado de Tiempo MINEDUC" });
  });
});
