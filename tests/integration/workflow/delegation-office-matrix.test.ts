import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Case } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { PROCEDURES, getDefinition } from "@/lib/workflow/definitions";
import { TransitionError } from "@/lib/workflow/transition-error";
import { transition } from "@/lib/workflow/transition";
import type { TProcedureDefinition, TTransitionDefinition } from "@/lib/workflow/types";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { describeTransition, validInputFor } from "../../unit/workflow/fixtures";

// Issue #9 §1: authority from a delegation holds only while the delegate still belongs to the
// delegation's office. Every transition of every definition × who attempts it, through transition()
// on PostgreSQL: allowed ones change the case as the definition says; refused ones change nothing
// (the case row, its audit trail, every audit event). Generated from the definitions, so a new
// transition is covered without anyone writing a test for it.
//
// The moved delegate is moved by writing User.dideducId directly, not through updateStaffAccount
// (which now also revokes the delegation): the workflow must refuse on its own.

const NOW = new Date("2026-03-10T15:00:00Z");
const ACTIVE = { validFrom: new Date("2026-03-01T06:00:00Z"), validTo: new Date("2026-04-01T05:59:59Z") };
const EXPIRED = { validFrom: new Date("2026-02-01T06:00:00Z"), validTo: new Date("2026-03-01T05:59:59Z") };

let tdb: TTestDatabase;
let officeA: string;
let officeB: string;
const holders = new Map<string, TWorkflowActor>();
let delegates: {
  ownOffice: TWorkflowActor;
  otherOffice: TWorkflowActor;
  moved: TWorkflowActor;
  revoked: TWorkflowActor;
  expired: TWorkflowActor;
};
let delegationHere: string;
let caseCounter = 0;

async function user(key: string, roles: Role[], dideducId: string | null): Promise<TWorkflowActor> {
  const u = await tdb.prisma.user.create({ data: { email: `${key}@example.test`, name: key, passwordHash: "x", roles, dideducId } });
  return { id: u.id, roles: u.roles, dideducId: u.dideducId };
}

function holder(key: string): TWorkflowActor {
  const h = holders.get(key);
  if (!h) throw new Error(`Falta la cuenta ${key} en el mundo de la prueba`);
  return h;
}

async function delegate(key: string, office: string, delegationOffice: string, grantor: TWorkflowActor, range: typeof ACTIVE, revokedAt: Date | null = null) {
  const actor = await user(key, [], office);
  const d = await tdb.prisma.delegation.create({
    data: { dideducId: delegationOffice, grantorId: grantor.id, delegateId: actor.id, role: "DIDEDUC_REVIEWER", ...range, revokedAt },
  });
  return { actor, delegationId: d.id };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const db = tdb.prisma;
  officeA = (await db.dideduc.create({ data: { code: "gn", name: "Guatemala Norte", type: "A", address: "Zona 1", phone: "2222-0000", email: "gn@example.test" } })).id;
  officeB = (await db.dideduc.create({ data: { code: "xela", name: "Quetzaltenango", type: "C", address: "Xela", phone: "7761-0000", email: "xela@example.test" } })).id;

  holders.set("applicant:CITIZEN", await user("ciudadana", ["CITIZEN"], null));
  holders.set("applicant:TRANSLATOR", await user("traductora", ["TRANSLATOR"], null));
  holders.set("other-applicant:CITIZEN", await user("otra-ciudadana", ["CITIZEN"], null));
  holders.set("other-applicant:TRANSLATOR", await user("otra-traductora", ["TRANSLATOR"], null));
  for (const [office, id] of [["A", officeA], ["B", officeB]] as const) {
    holders.set(`${office}:DIDEDUC_REVIEWER`, await user(`revisora-${office}`, ["DIDEDUC_REVIEWER"], id));
    holders.set(`${office}:DIDEDUC_SIGNER`, await user(`firmante-${office}`, ["DIDEDUC_SIGNER"], id));
  }
  // Everything a DIDEDUC may do, in the case's own office: still nothing of the central office's.
  holders.set("A:ALL", await user("jefatura-A", ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"], officeA));
  for (const role of ["CENTRAL_ASSISTANT", "CENTRAL_COORDINATOR", "CENTRAL_MANAGER"] as const) {
    holders.set(`central:${role}`, await user(role.toLowerCase(), [role], null));
  }

  const signerA = holder("A:DIDEDUC_SIGNER");
  const signerB = holder("B:DIDEDUC_SIGNER");
  const here = await delegate("delegado-A", officeA, officeA, signerA, ACTIVE);
  delegationHere = here.delegationId;
  const other = await delegate("delegado-B", officeB, officeB, signerB, ACTIVE);
  // Granted while the account belonged to A, then the account was moved to B.
  const moved = await delegate("delegado-trasladado", officeA, officeA, signerA, ACTIVE);
  await db.user.update({ where: { id: moved.actor.id }, data: { dideducId: officeB } });
  const revoked = await delegate("delegado-revocado", officeA, officeA, signerA, ACTIVE, new Date("2026-03-05T15:00:00Z"));
  const expired = await delegate("delegado-vencido", officeA, officeA, signerA, EXPIRED);
  delegates = {
    ownOffice: here.actor,
    otherOffice: other.actor,
    moved: { ...moved.actor, dideducId: officeB },
    revoked: revoked.actor,
    expired: expired.actor,
  };
});
afterAll(async () => {
  await tdb?.drop();
});

// A case of office A (or of B) sitting in `state`, as the workflow left it.
async function caseIn(def: TProcedureDefinition, state: Case["state"], office: "A" | "B"): Promise<Case> {
  caseCounter += 1;
  const applicant = holder(`applicant:${def.applicantRoles[0]}`);
  return tdb.prisma.case.create({
    data: {
      number: `${def.prefix}-2026-${String(caseCounter).padStart(6, "0")}`,
      procedure: def.procedure,
      state,
      version: 3,
      applicantId: applicant.id,
      dideducId: office === "A" ? officeA : officeB,
      submittedAt: state === "DRAFT" ? null : new Date("2026-03-02T15:00:00Z"),
      createdAt: new Date("2026-03-02T14:00:00Z"),
    },
  });
}

type TAttempt = { who: string; actor: () => TWorkflowActor; office: "A" | "B"; allowed: boolean; delegation?: () => string };

// Who attempts `t` on a case of office A (or B), and whether the workflow lets them.
function attemptsFor(t: TTransitionDefinition): TAttempt[] {
  const role = t.roles[0];
  const rightful: () => TWorkflowActor =
    t.scope === "APPLICANT" ? () => holder(`applicant:${role}`) : t.scope === "DIDEDUC" ? () => holder(`A:${role}`) : () => holder(`central:${role}`);
  // The same standing, one office over: another applicant's own case, the other DIDEDUC; for the
  // central office's steps, the DIDEDUC the case belongs to.
  const elsewhere: () => TWorkflowActor =
    t.scope === "APPLICANT" ? () => holder(`other-applicant:${role}`) : t.scope === "DIDEDUC" ? () => holder(`B:${role}`) : () => holder("A:ALL");
  const delegable = t.scope === "DIDEDUC" && t.roles.includes("DIDEDUC_REVIEWER");
  return [
    { who: "own office: the role's holder", actor: rightful, office: "A", allowed: true },
    { who: "own office: an active delegation", actor: () => delegates.ownOffice, office: "A", allowed: delegable, delegation: () => delegationHere },
    { who: "other office: the role's holder", actor: elsewhere, office: "A", allowed: false },
    { who: "other office: an active delegation of that office", actor: () => delegates.otherOffice, office: "A", allowed: false },
    { who: "moved delegate: the old office's case", actor: () => delegates.moved, office: "A", allowed: false },
    { who: "moved delegate: the new office's case", actor: () => delegates.moved, office: "B", allowed: false },
    // The caller still believes the account belongs to A (an old token): the database decides.
    { who: "moved delegate, stale actor: the old office's case", actor: () => ({ ...delegates.moved, dideducId: officeA }), office: "A", allowed: false },
    { who: "revoked delegation", actor: () => delegates.revoked, office: "A", allowed: false },
    { who: "expired delegation", actor: () => delegates.expired, office: "A", allowed: false },
  ];
}

async function snapshot(caseId: string) {
  const db = tdb.prisma;
  return {
    row: await db.case.findUniqueOrThrow({ where: { id: caseId } }),
    caseEvents: await db.auditEvent.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    allEvents: await db.auditEvent.count(),
  };
}

for (const procedure of PROCEDURES) {
  const def = getDefinition(procedure);
  describe(`${def.code} ${procedure}`, () => {
    for (const t of def.transitions) {
      for (const from of t.from) {
        it(`${describeTransition(t)} (${t.scope})`, async () => {
          const db = tdb.prisma;
          const refusedOn = { A: await caseIn(def, from, "A"), B: await caseIn(def, from, "B") };
          for (const a of attemptsFor(t)) {
            const actor = a.actor();
            if (a.allowed) {
              const c = await caseIn(def, from, a.office);
              const eventsBefore = await db.auditEvent.count();
              const next = await transition(c.id, t.action, actor, validInputFor(t, c), c.version, { db, now: NOW });
              expect(next, a.who).toMatchObject({ state: t.to, version: c.version + 1 });
              const events = await db.auditEvent.findMany({ where: { caseId: c.id } });
              expect(events, a.who).toHaveLength(1);
              expect(events[0], a.who).toMatchObject({ actorId: actor.id, action: t.action, fromState: from, toState: t.to, delegationId: a.delegation?.() ?? null });
              expect(await db.auditEvent.count(), a.who).toBe(eventsBefore + 1);
            } else {
              const c = refusedOn[a.office];
              const before = await snapshot(c.id);
              const error = await transition(c.id, t.action, actor, validInputFor(t, c), c.version, { db, now: NOW }).then(
                () => null,
                (e: unknown) => e,
              );
              expect(error, `${a.who}: se esperaba un rechazo`).toBeInstanceOf(TransitionError);
              // Right state, version and input: only who is asking can be wrong.
              expect(["FORBIDDEN_ROLE", "OUT_OF_SCOPE"], a.who).toContain((error as TransitionError).code);
              expect(await snapshot(c.id), a.who).toEqual(before);
            }
          }
        });
      }
    }
  });
}
