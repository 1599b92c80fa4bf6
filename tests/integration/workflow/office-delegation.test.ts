import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSessionUser } from "@/lib/auth/find-session-user";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import type { Case } from "@/lib/generated/prisma/client";
import { createOfficeDelegation, type TOfficeDelegationFormData } from "@/lib/workflow/create-office-delegation";
import { DelegationError } from "@/lib/workflow/delegation-error";
import { listOfficeDelegations } from "@/lib/workflow/list-office-delegations";
import { revokeOfficeDelegation } from "@/lib/workflow/revoke-office-delegation";
import { TransitionError } from "@/lib/workflow/transition-error";
import { transition } from "@/lib/workflow/transition";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import type { TTestDatabase } from "../../helpers/test-database";
import { createTestDatabase } from "../../helpers/test-database";
import { seedWorld, type TWorld } from "./seed-world";

// Issue #12 point 7: the Director delegates from /direccion (lib/workflow/create-office-delegation.ts,
// revoke-office-delegation.ts, list-office-delegations.ts), through the one domain operation.

let tdb: TTestDatabase;
let w: TWorld;
let signerB: TWorkflowActor;
let adminSignerB: TWorkflowActor;
let inactiveA: TWorkflowActor;

// 09:00 on 10 March 2026 in Guatemala (UTC−6).
const NOW = new Date("2026-03-10T15:00:00Z");
const FORM = { role: "DIDEDUC_REVIEWER", validFrom: "2026-03-10", validTo: "2026-03-17", note: "Vacaciones del Departamento Técnico Pedagógico" };

beforeAll(async () => {
  tdb = await createTestDatabase();
  w = await seedWorld(tdb.prisma);
  const db = tdb.prisma;
  const user = async (key: string, roles: TWorkflowActor["roles"], dideducId: string, active = true) => {
    const u = await db.user.create({ data: { email: `${key}@example.test`, name: key, passwordHash: "x", roles: [...roles], dideducId, active } });
    return { id: u.id, roles: u.roles, dideducId: u.dideducId };
  };
  signerB = await user("signer-b", ["DIDEDUC_SIGNER"], w.dideducB.id);
  adminSignerB = await user("admin-signer-b", ["DIDEDUC_SIGNER", "ADMIN"], w.dideducB.id);
  inactiveA = await user("inactive-a", [], w.dideducA.id, false);
});
afterAll(async () => {
  await tdb?.drop();
});

async function submittedCase(dideducId: string): Promise<Case> {
  const db = tdb.prisma;
  const c = await createDraftCase(w.citizen, { procedure: "EDUCATIONAL_RECORD", dideducId }, { db, now: NOW });
  return transition(c.id, "submit", w.citizen, {}, c.version, { db, now: NOW });
}

async function refusal(p: Promise<unknown>): Promise<DelegationError> {
  const e = await p.then(
    () => {
      throw new Error("se esperaba un rechazo");
    },
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DelegationError);
  return e as DelegationError;
}

function create(actor: TWorkflowActor, input: TOfficeDelegationFormData, now = NOW) {
  return createOfficeDelegation(actor, input, { db: tdb.prisma, now, ip: "192.0.2.7" });
}

describe('"El Director podrá delegar a quien considere oportuno" (Nota 2/3), from /direccion', () => {
  it("refuses, with the error next to the field, what the Director may not delegate: another office's staff, an inactive account, oneself, a reviewer, the signature, a range in the past or inverted", async () => {
    const db = tdb.prisma;
    const cases: [TOfficeDelegationFormData, string][] = [
      [{ ...FORM, delegateId: w.staffB.id }, "delegateId"],
      [{ ...FORM, delegateId: inactiveA.id }, "delegateId"],
      [{ ...FORM, delegateId: w.signerA.id }, "delegateId"],
      [{ ...FORM, delegateId: w.reviewerA.id }, "delegateId"],
      [{ ...FORM, delegateId: w.citizen.id }, "delegateId"],
      [{ ...FORM, delegateId: "" }, "delegateId"],
      // The signature is personal (registered with DISERSA): not delegable (docs/decisions/0015).
      [{ ...FORM, delegateId: w.staffA.id, role: "DIDEDUC_SIGNER" }, "role"],
      [{ ...FORM, delegateId: w.staffA.id, validFrom: "2026-03-09" }, "validFrom"],
      [{ ...FORM, delegateId: w.staffA.id, validFrom: "2026-03-01", validTo: "2026-03-05" }, "validFrom"],
      [{ ...FORM, delegateId: w.staffA.id, validFrom: "2026-03-12", validTo: "2026-03-11" }, "validTo"],
      [{ ...FORM, delegateId: w.staffA.id, validFrom: "2026-02-30" }, "validFrom"],
      [{ ...FORM, delegateId: w.staffA.id, validTo: "" }, "validTo"],
      [{ ...FORM, delegateId: w.staffA.id, validTo: "2027-06-01" }, "validTo"],
      [{ ...FORM, delegateId: w.staffA.id, note: "  " }, "note"],
    ];
    for (const [input, field] of cases) {
      const e = await refusal(create(w.signerA, input));
      expect(e.code, JSON.stringify(input)).toBe("INVALID_INPUT");
      expect(e.fieldErrors[field], JSON.stringify(input)).toBeDefined();
    }
    // Every field's error at once, so the Director corrects the form in one go.
    const all = await refusal(create(w.signerA, { delegateId: "", role: "DIDEDUC_REVIEWER", validFrom: "2026-03-12", validTo: "2026-03-11", note: "" }));
    expect(Object.keys(all.fieldErrors).sort()).toEqual(["delegateId", "note", "validTo"]);
    expect(await db.delegation.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "create_delegation" } })).toBe(0);
  });

  it("only a DIDEDUC's signer delegates: a reviewer, the central office or a delegate cannot, and learn nothing about the input", async () => {
    for (const actor of [w.reviewerA, w.assistant, w.staffA, w.citizen]) {
      const e = await refusal(create(actor, { ...FORM, delegateId: "" }));
      expect(e.code).toBe("FORBIDDEN");
      expect(e.fieldErrors).toEqual({});
      expect((await refusal(listOfficeDelegations(actor, { db: tdb.prisma, now: NOW }))).code).toBe("FORBIDDEN");
    }
    expect(await tdb.prisma.delegation.count()).toBe(0);
  });

  it("records the Director's delegation over whole Guatemala days, audited with the grantor, and lets the delegate act on a DIDEDUC_REVIEW case of that office through transition()", async () => {
    const db = tdb.prisma;
    const d = await create(w.signerA, { ...FORM, delegateId: w.staffA.id });
    // Both ends included: 10 March 00:00 to 17 March 23:59:59.999, Guatemala time.
    expect(d).toMatchObject({
      dideducId: w.dideducA.id,
      grantorId: w.signerA.id,
      delegateId: w.staffA.id,
      role: "DIDEDUC_REVIEWER",
      validFrom: new Date("2026-03-10T06:00:00.000Z"),
      validTo: new Date("2026-03-18T05:59:59.999Z"),
      note: FORM.note,
      revokedAt: null,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "create_delegation", delegationId: d.id } });
    expect(audit).toMatchObject({ actorId: w.signerA.id, role: "DIDEDUC_SIGNER", caseId: null, ip: "192.0.2.7", note: FORM.note });
    expect(audit.data).toMatchObject({ grantorId: w.signerA.id, delegateId: w.staffA.id, dideducId: w.dideducA.id, role: "DIDEDUC_REVIEWER" });

    // An overlapping duplicate for the same person is refused.
    const dup = await refusal(create(w.signerA, { ...FORM, delegateId: w.staffA.id, validFrom: "2026-03-15", validTo: "2026-03-20" }));
    expect(dup.fieldErrors.validFrom).toBeDefined();

    // The delegate reviews a case of that DIDEDUC, on the last instant of the last day too.
    const c = await submittedCase(w.dideducA.id);
    const lastInstant = new Date("2026-03-18T05:59:59.000Z");
    const next = await transition(c.id, "reject_for_correction", w.staffA, { reason: "Falta el reverso del certificado." }, c.version, { db, now: lastInstant });
    expect(next.state).toBe("NEEDS_CORRECTION");
    const acted = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "reject_for_correction" } });
    expect(acted).toMatchObject({ actorId: w.staffA.id, role: "DIDEDUC_REVIEWER", delegationId: d.id });

    // Not after the last day, and never on another office's case.
    const c2 = await submittedCase(w.dideducA.id);
    const after = await transition(c2.id, "reject_for_correction", w.staffA, { reason: "x" }, c2.version, { db, now: new Date("2026-03-18T06:00:00.001Z") }).catch((e: unknown) => e);
    expect((after as TransitionError).code).toBe("FORBIDDEN_ROLE");
    const other = await submittedCase(w.dideducB.id);
    const out = await transition(other.id, "reject_for_correction", w.staffA, { reason: "x" }, other.version, { db, now: NOW }).catch((e: unknown) => e);
    expect((out as TransitionError).code).toBe("OUT_OF_SCOPE");

    // The session opens the DIDEDUC review area through the delegation.
    expect((await findSessionUser({ id: w.staffA.id }, { db, now: NOW }))?.delegatedRoles).toEqual(["DIDEDUC_REVIEWER"]);
  });

  it("lists only the Director's own office: delegations with delegate, activity, dates and grantor, and the staff they may choose", async () => {
    const db = tdb.prisma;
    const mine = await listOfficeDelegations(w.signerA, { db, now: NOW });
    expect(mine.current).toHaveLength(1);
    expect(mine.current[0]).toMatchObject({ status: "CURRENT", role: "DIDEDUC_REVIEWER", delegate: { id: w.staffA.id }, grantor: { id: w.signerA.id } });
    // Not oneself, not a reviewer, not an inactive account, not another office's staff.
    expect(mine.staff.map((s) => s.id)).toEqual([w.staffA.id]);

    const upcoming = await listOfficeDelegations(w.signerA, { db, now: new Date("2026-03-01T12:00:00Z") });
    expect(upcoming.current[0].status).toBe("UPCOMING");

    const theirs = await listOfficeDelegations(signerB, { db, now: NOW });
    expect(theirs.current).toEqual([]);
    expect(theirs.past).toEqual([]);
    // Another signer of the office (a Subdirector) may be chosen; names in order.
    expect(theirs.staff.map((s) => s.id)).toEqual([adminSignerB.id, w.staffB.id]);
  });

  it("another DIDEDUC's Director cannot revoke it, even holding the administration role as well; a reviewer cannot either", async () => {
    const db = tdb.prisma;
    const d = await db.delegation.findFirstOrThrow({ where: { delegateId: w.staffA.id } });
    for (const actor of [signerB, adminSignerB]) {
      expect((await refusal(revokeOfficeDelegation(actor, { delegationId: d.id }, { db, now: NOW }))).code).toBe("NOT_FOUND");
    }
    expect((await refusal(revokeOfficeDelegation(w.reviewerA, { delegationId: d.id }, { db, now: NOW }))).code).toBe("FORBIDDEN");
    expect((await db.delegation.findUniqueOrThrow({ where: { id: d.id } })).revokedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "revoke_delegation" } })).toBe(0);
  });

  it("the Director revokes it with a reason: audited, the delegate's authority ends at once, and it is listed as revoked", async () => {
    const db = tdb.prisma;
    const d = await db.delegation.findFirstOrThrow({ where: { delegateId: w.staffA.id } });
    const tooLong = await refusal(revokeOfficeDelegation(w.signerA, { delegationId: d.id, reason: "x".repeat(501) }, { db, now: NOW }));
    expect(tooLong.fieldErrors.reason).toBeDefined();

    const revokedAt = new Date(NOW.getTime() + 60_000);
    const revoked = await revokeOfficeDelegation(w.signerA, { delegationId: d.id, reason: "  Regresó la técnica titular.  " }, { db, now: revokedAt, ip: "192.0.2.8" });
    expect(revoked.revokedAt).toEqual(revokedAt);
    const events = await db.auditEvent.findMany({ where: { action: "revoke_delegation", delegationId: d.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: w.signerA.id, role: "DIDEDUC_SIGNER", note: "Regresó la técnica titular.", ip: "192.0.2.8" });
    expect(events[0].data).toMatchObject({ grantorId: w.signerA.id, delegateId: w.staffA.id, dideducId: w.dideducA.id });

    // Again: nothing more is recorded.
    await revokeOfficeDelegation(w.signerA, { delegationId: d.id }, { db, now: revokedAt });
    expect(await db.auditEvent.count({ where: { action: "revoke_delegation", delegationId: d.id } })).toBe(1);

    const later = new Date(revokedAt.getTime() + 1000);
    const c = await submittedCase(w.dideducA.id);
    const e = await transition(c.id, "reject_for_correction", w.staffA, { reason: "x" }, c.version, { db, now: later }).catch((err: unknown) => err);
    expect((e as TransitionError).code).toBe("FORBIDDEN_ROLE");
    expect((await findSessionUser({ id: w.staffA.id }, { db, now: later }))?.delegatedRoles).toEqual([]);

    const list = await listOfficeDelegations(w.signerA, { db, now: later });
    expect(list.current).toEqual([]);
    expect(list.past[0]).toMatchObject({ id: d.id, status: "REVOKED", revocationReason: "Regresó la técnica titular.", revokedBy: "signer-a" });

    // Revoked, it no longer blocks a new delegation to the same person for those days.
    const again = await create(w.signerA, { ...FORM, delegateId: w.staffA.id, validFrom: "2026-03-11", validTo: "2026-03-12" }, later);
    expect(again.revokedAt).toBeNull();

    // Once it has run its course it stays "Terminada": not revocable after the fact.
    const afterEnd = new Date("2026-03-13T06:00:00.000Z");
    const ended = await refusal(revokeOfficeDelegation(w.signerA, { delegationId: again.id }, { db, now: afterEnd }));
    expect(ended.code).toBe("INVALID_INPUT");
    expect((await db.delegation.findUniqueOrThrow({ where: { id: again.id } })).revokedAt).toBeNull();
    expect((await listOfficeDelegations(w.signerA, { db, now: afterEnd })).past.find((x) => x.id === again.id)?.status).toBe("ENDED");
  });
});
