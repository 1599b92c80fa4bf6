import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import type { Case } from "@/lib/generated/prisma/client";
import { createDelegation } from "@/lib/workflow/create-delegation";
import { DelegationError } from "@/lib/workflow/delegation-error";
import { findActiveDelegation, findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import { revokeDelegation } from "@/lib/workflow/revoke-delegation";
import { TransitionError } from "@/lib/workflow/transition-error";
import { transition } from "@/lib/workflow/transition";
import type { TTestDatabase } from "../../helpers/test-database";
import { createTestDatabase } from "../../helpers/test-database";
import { seedWorld, type TWorld } from "./seed-world";

let tdb: TTestDatabase;
let w: TWorld;

const NOW = new Date("2026-03-10T15:00:00Z");
const FROM = new Date("2026-03-09T00:00:00Z");
const TO = new Date("2026-03-20T23:59:59Z");

beforeAll(async () => {
  tdb = await createTestDatabase();
  w = await seedWorld(tdb.prisma);
});
afterAll(async () => {
  await tdb?.drop();
});

async function submittedCase(dideducId: string, procedure: "EDUCATIONAL_RECORD" | "DIPLOMA_BEFORE_2005" = "EDUCATIONAL_RECORD"): Promise<Case> {
  const db = tdb.prisma;
  const c = await createDraftCase(w.citizen, { procedure, dideducId }, { db, now: NOW });
  return transition(c.id, "submit", w.citizen, {}, c.version, { db, now: NOW });
}

async function refusal(p: Promise<unknown>) {
  return p.then(
    () => {
      throw new Error("se esperaba un rechazo");
    },
    (e: unknown) => e,
  );
}

describe("creating a delegation", () => {
  it("only a DIDEDUC signer may delegate, only to active staff of the same DIDEDUC, for a valid range", async () => {
    const db = tdb.prisma;
    const input = { delegateId: w.staffA.id, validFrom: FROM, validTo: TO };
    const cases: [() => Promise<unknown>, string, string?][] = [
      [() => createDelegation(w.reviewerA, input, { db, now: NOW }), "FORBIDDEN"],
      [() => createDelegation(w.assistant, input, { db, now: NOW }), "FORBIDDEN"],
      [() => createDelegation(w.signerA, { ...input, delegateId: w.staffB.id }, { db, now: NOW }), "INVALID_INPUT", "delegateId"],
      [() => createDelegation(w.signerA, { ...input, delegateId: w.citizen.id }, { db, now: NOW }), "INVALID_INPUT", "delegateId"],
      [() => createDelegation(w.signerA, { ...input, delegateId: w.signerA.id }, { db, now: NOW }), "INVALID_INPUT", "delegateId"],
      [() => createDelegation(w.signerA, { ...input, validFrom: TO, validTo: FROM }, { db, now: NOW }), "INVALID_INPUT", "validTo"],
      [() => createDelegation(w.signerA, { ...input, validTo: "no es fecha" as never }, { db, now: NOW }), "INVALID_INPUT", "validTo"],
      [() => createDelegation(w.signerA, { ...input, validTo: new Date("2028-01-01T00:00:00Z") }, { db, now: NOW }), "INVALID_INPUT", "validTo"],
      [() => createDelegation(w.signerA, { ...input, validFrom: new Date("2026-01-01"), validTo: new Date("2026-02-01") }, { db, now: NOW }), "INVALID_INPUT", "validTo"],
    ];
    for (const [p, code, field] of cases) {
      const e = await refusal(p());
      expect(e).toBeInstanceOf(DelegationError);
      expect((e as DelegationError).code).toBe(code);
      if (field) expect((e as DelegationError).fieldErrors[field]).toBeDefined();
    }
    expect(await db.delegation.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "create_delegation" } })).toBe(0);
  });

  it("records the delegation and an audit event, and refuses an overlapping one", async () => {
    const db = tdb.prisma;
    const d = await createDelegation(w.signerA, { delegateId: w.staffA.id, validFrom: FROM, validTo: TO, note: "Vacaciones del jefe técnico" }, { db, now: NOW, ip: "192.0.2.1" });
    expect(d).toMatchObject({ dideducId: w.dideducA.id, grantorId: w.signerA.id, delegateId: w.staffA.id, role: "DIDEDUC_REVIEWER", validFrom: FROM, validTo: TO, revokedAt: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "create_delegation" } });
    expect(audit).toMatchObject({ actorId: w.signerA.id, role: "DIDEDUC_SIGNER", delegationId: d.id, caseId: null, ip: "192.0.2.1", note: "Vacaciones del jefe técnico" });

    const overlap = await refusal(createDelegation(w.signerA, { delegateId: w.staffA.id, validFrom: TO, validTo: new Date("2026-03-25T00:00:00Z") }, { db, now: NOW }));
    expect((overlap as DelegationError).code).toBe("INVALID_INPUT");

    expect((await findActiveDelegations(db, w.staffA.id, NOW)).map((x) => x.id)).toEqual([d.id]);
    expect((await findActiveDelegation(db, { delegateId: w.staffA.id, dideducId: w.dideducA.id, now: NOW }))?.id).toBe(d.id);
    expect(await findActiveDelegation(db, { delegateId: w.staffA.id, dideducId: w.dideducB.id, now: NOW })).toBeNull();
    expect(await findActiveDelegations(db, w.staffA.id, new Date("2026-04-01T00:00:00Z"))).toEqual([]);
  });
});

describe("acting by delegation", () => {
  it("lets the delegate review inside the range and records the delegation in the audit event", async () => {
    const db = tdb.prisma;
    const d = await db.delegation.findFirstOrThrow({ where: { delegateId: w.staffA.id } });
    const c = await submittedCase(w.dideducA.id, "DIPLOMA_BEFORE_2005");
    const next = await transition(c.id, "generate_certification", w.staffA, {}, c.version, { db, now: NOW });
    expect(next.state).toBe("DIDEDUC_SIGNATURE");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "generate_certification" } });
    expect(audit).toMatchObject({ actorId: w.staffA.id, role: "DIDEDUC_REVIEWER", delegationId: d.id });
    expect(audit.data).toMatchObject({ byDelegation: true, delegation: { id: d.id, grantorId: w.signerA.id, role: "DIDEDUC_REVIEWER", dideducId: w.dideducA.id } });

    // The delegate is a reviewer, not a signer.
    const e = await refusal(transition(c.id, "sign", w.staffA, {}, next.version, { db, now: NOW }));
    expect((e as TransitionError).code).toBe("FORBIDDEN_ROLE");
  });

  it("refuses outside the range and on another DIDEDUC's cases", async () => {
    const db = tdb.prisma;
    const c = await submittedCase(w.dideducA.id);
    for (const now of [new Date(FROM.getTime() - 1000), new Date(TO.getTime() + 1000)]) {
      const e = await refusal(transition(c.id, "reject_for_correction", w.staffA, { reason: "Falta un documento." }, c.version, { db, now }));
      expect((e as TransitionError).code).toBe("FORBIDDEN_ROLE");
    }
    const other = await submittedCase(w.dideducB.id);
    const e = await refusal(transition(other.id, "generate_certification", w.staffA, {}, other.version, { db, now: NOW }));
    expect((e as TransitionError).code).toBe("OUT_OF_SCOPE");
    expect(await db.auditEvent.count({ where: { caseId: { in: [c.id, other.id] }, actorId: w.staffA.id } })).toBe(0);
  });

  it("refuses once revoked; only the DIDEDUC's signer or an administrator may revoke", async () => {
    const db = tdb.prisma;
    const d = await db.delegation.findFirstOrThrow({ where: { delegateId: w.staffA.id } });
    const notAllowed = await refusal(revokeDelegation(w.reviewerB, d.id, { db, now: NOW }));
    expect((notAllowed as DelegationError).code).toBe("FORBIDDEN");

    const revoked = await revokeDelegation(w.signerA, d.id, { db, now: NOW });
    expect(revoked.revokedAt).toEqual(NOW);
    expect(await db.auditEvent.count({ where: { action: "revoke_delegation", delegationId: d.id } })).toBe(1);

    const c = await submittedCase(w.dideducA.id);
    const later = new Date(NOW.getTime() + 60_000);
    const e = await refusal(transition(c.id, "generate_certification", w.staffA, {}, c.version, { db, now: later }));
    expect((e as TransitionError).code).toBe("FORBIDDEN_ROLE");
  });
});
