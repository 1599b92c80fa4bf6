import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findVerification } from "@/lib/cases/find-verification";
import type { TSeedResult } from "@/prisma/seed/seed-database";
import { createSeededWorld, type TSeededWorld } from "@/tests/helpers/seeded-world";

// The public verification page's data (issue #10): each signature's trusted time and TSA from
// Signature.timestampedAt/timestampAuthority, and the issued file's PAdES level from
// DocumentVersion.padesLevel — read from the database, never by parsing the PDF per request.
// Files issued before timestamps have those columns null, and nothing is claimed for them.

let world: TSeededWorld;
let seeded: TSeedResult;

beforeAll(async () => {
  // The demo cases sign, and every signature is timestamped: the demo PKI's services must run.
  world = await createSeededWorld({ name: "verif-lt", copyOfSharedDemoPki: false, demoCases: { log: () => {} } });
  seeded = world.seeded;
});
afterAll(async () => {
  await world?.cleanup();
});

describe("findVerification, long-term signatures", () => {
  it("gives each signer's timestamp and authority and the issued file's level; null for older files", async () => {
    const issued = seeded.demoCases?.issued;
    expect(issued).toBeTruthy();
    const c = await world.db.case.findFirstOrThrow({ where: { verificationCode: issued!.verificationCode } });
    const options = { db: world.db };

    // As the pipeline stored them: every signature timestamped, the issued file B-LTA.
    const issuedNow = await findVerification(issued!.verificationCode, options);
    expect(issuedNow).toMatchObject({ status: "ISSUED", padesLevel: "B-LTA", documentTimestampedAt: expect.any(Date) });
    expect(issuedNow!.signers.length).toBeGreaterThan(0);
    for (const s of issuedNow!.signers) expect(s).toMatchObject({ timestampedAt: expect.any(Date), timestampAuthority: expect.stringMatching(/\S/) });

    // As stored before issue #10 (or by a pipeline that did not timestamp): nothing to show.
    await world.db.signature.updateMany({ where: { caseId: c.id }, data: { timestampedAt: null, timestampAuthority: null } });
    await world.db.documentVersion.updateMany({ where: { caseId: c.id }, data: { padesLevel: null, documentTimestampedAt: null } });
    const before = await findVerification(issued!.verificationCode, options);
    expect(before?.status).toBe("ISSUED");
    expect(before?.padesLevel).toBeNull();
    expect(before?.documentTimestampedAt).toBeNull();
    expect(before?.signers.length).toBeGreaterThan(0);
    for (const s of before!.signers) expect(s).toMatchObject({ timestampedAt: null, timestampAuthority: null });

    const at = new Date("2026-12-05T20:03:00Z");
    await world.db.signature.updateMany({ where: { caseId: c.id }, data: { timestampedAt: at, timestampAuthority: "Autoridad de Sellado de Tiempo MINEDUC" } });
    await world.db.documentVersion.updateMany({ where: { caseId: c.id, stage: "ISSUED" }, data: { padesLevel: "B-LTA", documentTimestampedAt: at } });
    const after = await findVerification(issued!.verificationCode, options);
    expect(after).toMatchObject({ padesLevel: "B-LTA", documentTimestampedAt: at });
    for (const s of after!.signers) expect(s).toMatchObject({ timestampedAt: at, timestampAuthority: "Autoridad de Sellado de Tiempo MINEDUC" });
  });
});
