import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { TransitionError } from "@/lib/workflow/transition-error";
import { transition } from "@/lib/workflow/transition";
import type { TTestDatabase } from "../../helpers/test-database";
import { createTestDatabase } from "../../helpers/test-database";
import { seedWorld, type TWorld } from "./seed-world";

let tdb: TTestDatabase;
let w: TWorld;

beforeAll(async () => {
  tdb = await createTestDatabase();
  w = await seedWorld(tdb.prisma);
});
afterAll(async () => {
  await tdb?.drop();
});

async function refusedCode(p: Promise<unknown>) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(TransitionError);
  return e as TransitionError;
}

describe("createDraftCase", () => {
  it("creates a numbered draft with a 'create' audit event", async () => {
    const db = tdb.prisma;
    const now = new Date("2026-08-01T10:00:00Z");
    const c = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id, formData: { kind: "extraescolar" } }, { db, now, ip: "192.0.2.9" });
    expect(c).toMatchObject({ state: "DRAFT", version: 0, applicantId: w.citizen.id, dideducId: w.dideducA.id, formData: { kind: "extraescolar" } });
    expect(c.number).toBe("EE-2026-000001");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id } });
    expect(audit).toMatchObject({ action: "create", actorId: w.citizen.id, role: "CITIZEN", toState: "DRAFT", ip: "192.0.2.9", createdAt: now });
  });

  it("lets only the procedure's applicant roles file it", async () => {
    const db = tdb.prisma;
    // Staff file nothing: neither a certification nor a translator's registration (D.4).
    expect((await refusedCode(createDraftCase(w.reviewerA, { procedure: "TRANSLATOR_REGISTRATION" }, { db }))).code).toBe("FORBIDDEN_ROLE");
    expect((await refusedCode(createDraftCase(w.reviewerA, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id }, { db }))).code).toBe("FORBIDDEN_ROLE");
    const reg = await createDraftCase(w.translator, { procedure: "TRANSLATOR_REGISTRATION" }, { db });
    expect(reg.number).toMatch(/^RT-\d{4}-000001$/);
    const submitted = await transition(reg.id, "submit", w.translator, {}, reg.version, { db });
    expect(submitted.state).toBe("MANAGER_REVIEW");
    const accepted = await transition(reg.id, "accept", w.manager, {}, submitted.version, { db });
    expect(accepted).toMatchObject({ state: "REGISTERED" });
    expect(accepted.closedAt).not.toBeNull();
    expect(accepted.issuedAt).toBeNull();
    const translation = await createDraftCase(w.translator, { procedure: "SWORN_TRANSLATION" }, { db });
    expect(translation.number).toMatch(/^CT-/);
    // A citizen files D.4 with the same account (issue #14, decision 0025).
    expect((await createDraftCase(w.citizen, { procedure: "TRANSLATOR_REGISTRATION" }, { db })).number).toMatch(/^RT-\d{4}-000002$/);
  });

  it("checks the DIDEDUC and the case it starts from", async () => {
    const db = tdb.prisma;
    expect((await refusedCode(createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: "missing" }, { db }))).fieldErrors.dideducId).toBeDefined();
    expect((await refusedCode(createDraftCase(w.citizen, { procedure: "GRADUATION_RECORD", dideducId: w.dideducA.id }, { db }))).code).toBe("INVALID_INPUT");
    expect((await refusedCode(createDraftCase(w.citizen, { procedure: "NOPE" as never }, { db }))).fieldErrors.procedure).toBeDefined();

    const mine = await createDraftCase(w.citizen, { procedure: "GRADUATION_RECORD" }, { db });
    expect((await refusedCode(createDraftCase(w.otherCitizen, { procedure: "GRADUATION_RECORD", parentCaseId: mine.id }, { db }))).code).toBe("OUT_OF_SCOPE");
    expect((await refusedCode(createDraftCase(w.citizen, { procedure: "GRADUATION_RECORD", parentCaseId: "missing" }, { db }))).code).toBe("NOT_FOUND");
    expect(await db.case.count({ where: { applicantId: w.otherCitizen.id } })).toBe(0);
  });
});
