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

async function caseInCentralReview() {
  const db = tdb.prisma;
  const c = await createDraftCase(w.citizen, { procedure: "GRADUATION_RECORD" }, { db });
  return transition(c.id, "submit", w.citizen, {}, c.version, { db });
}

async function snapshot(caseId: string) {
  const db = tdb.prisma;
  const row = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  const audits = await db.auditEvent.count({ where: { caseId } });
  const sheets = await db.certificationSheet.count({ where: { caseId } });
  return { state: row.state, version: row.version, lastNote: row.lastNote, verificationCode: row.verificationCode, issuedAt: row.issuedAt, closedAt: row.closedAt, audits, sheets };
}

async function expectTransitionError(p: Promise<unknown>, code: TransitionError["code"]) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransitionError);
  expect((error as TransitionError).code).toBe(code);
  return error as TransitionError;
}

describe("transition() commits the state change, what `apply` writes and the audit event together", () => {
  it("rolls everything back when apply throws after the update", async () => {
    const db = tdb.prisma;
    const c = await caseInCentralReview();
    const before = await snapshot(c.id);

    let sawUpdatedState: string | null = null;
    const failing = transition(c.id, "sign_and_issue", w.assistant, {}, c.version, {
      db,
      apply: async (tx) => {
        await tx.certificationSheet.create({ data: { caseId: c.id, generatedById: w.assistant.id, data: { page: 1 } } });
        // The guarded update has run: inside the transaction the case already reads as issued.
        sawUpdatedState = (await tx.case.findUniqueOrThrow({ where: { id: c.id } })).state;
        throw new Error("fallo al guardar el PDF firmado");
      },
    });
    await expect(failing).rejects.toThrow("fallo al guardar el PDF firmado");
    expect(sawUpdatedState).toBe("ISSUED");

    expect(await snapshot(c.id)).toEqual(before);
    expect(before).toMatchObject({ state: "CENTRAL_REVIEW", version: 1, audits: 2, sheets: 0 });
  });

  it("commits what apply writes and returns together with the new state", async () => {
    const db = tdb.prisma;
    const c = await caseInCentralReview();
    const issuedAt = new Date("2026-05-04T16:00:00Z");
    const updated = await transition(c.id, "sign_and_issue", w.assistant, {}, c.version, {
      db,
      now: issuedAt,
      ip: "203.0.113.7",
      auditData: { documentVersion: "dv-1" },
      apply: async (tx, row, ctx) => {
        expect(row.state).toBe("CENTRAL_REVIEW");
        expect(ctx).toMatchObject({ fromState: "CENTRAL_REVIEW", toState: "ISSUED" });
        await tx.certificationSheet.create({ data: { caseId: c.id, generatedById: w.assistant.id, data: { page: 1 } } });
        // state/version are the engine's: an operation cannot smuggle them in.
        return { verificationCode: `VC-${c.id}`, state: "DRAFT", version: 99 } as never;
      },
    });
    expect(updated).toMatchObject({ state: "ISSUED", version: 2, verificationCode: `VC-${c.id}`, issuedAt, closedAt: issuedAt, lastNote: null });
    expect(await snapshot(c.id)).toMatchObject({ state: "ISSUED", version: 2, sheets: 1, audits: 3 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "sign_and_issue" } });
    expect(audit).toMatchObject({
      actorId: w.assistant.id,
      role: "CENTRAL_ASSISTANT",
      fromState: "CENTRAL_REVIEW",
      toState: "ISSUED",
      ip: "203.0.113.7",
      delegationId: null,
      createdAt: issuedAt,
    });
    expect(audit.data).toMatchObject({ version: 2, documentVersion: "dv-1" });
  });

  it("changes nothing when refused, whatever the reason", async () => {
    const db = tdb.prisma;
    const c = await caseInCentralReview();
    const before = await snapshot(c.id);
    let applied = false;
    const apply = async () => {
      applied = true;
    };

    await expectTransitionError(transition("no-such-case", "sign_and_issue", w.assistant, {}, 1, { db, apply }), "NOT_FOUND");
    await expectTransitionError(transition(c.id, "sign_and_issue", w.reviewerA, {}, c.version, { db, apply }), "FORBIDDEN_ROLE");
    await expectTransitionError(transition(c.id, "resubmit", w.otherCitizen, {}, c.version, { db, apply }), "OUT_OF_SCOPE");
    await expectTransitionError(transition(c.id, "submit", w.citizen, {}, c.version, { db, apply }), "INVALID_STATE");
    await expectTransitionError(transition(c.id, "sign_and_issue", w.assistant, {}, c.version - 1, { db, apply }), "STALE_VERSION");
    const invalid = await expectTransitionError(
      transition(c.id, "reject_for_correction", w.assistant, { reason: "   " }, c.version, { db, apply }),
      "INVALID_INPUT",
    );
    expect(invalid.fieldErrors.reason?.[0]).toMatch(/motivo/);
    expect(invalid.message).toMatch(/Revise/);

    expect(applied).toBe(false);
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("refuses an applicant case in another DIDEDUC to its reviewers", async () => {
    const db = tdb.prisma;
    const c = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId: w.dideducA.id }, { db });
    const submitted = await transition(c.id, "submit", w.citizen, {}, 0, { db });
    await expectTransitionError(transition(c.id, "generate_certification", w.reviewerB, {}, submitted.version, { db }), "OUT_OF_SCOPE");
    expect((await snapshot(c.id)).state).toBe("DIDEDUC_REVIEW");
  });

  it("refuses to submit a DIDEDUC procedure before the DIDEDUC is chosen", async () => {
    const db = tdb.prisma;
    const c = await createDraftCase(w.citizen, { procedure: "DIPLOMA_BEFORE_2005" }, { db });
    const error = await expectTransitionError(transition(c.id, "submit", w.citizen, {}, 0, { db }), "INVALID_INPUT");
    expect(error.fieldErrors.dideducId).toBeDefined();
    expect(await snapshot(c.id)).toMatchObject({ state: "DRAFT", version: 0, audits: 1 });
  });
});
