import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { availableActions, checkTransition, type TDelegationLike, type TWorkflowActor } from "@/lib/workflow/check-transition";
import { PROCEDURES, getDefinition } from "@/lib/workflow/definitions";
import type { TTransitionDefinition } from "@/lib/workflow/types";
import { APPLICANT_ID, DIDEDUC_A, DIDEDUC_B, NOW, caseFor, delegation, describeTransition, validInputFor } from "./fixtures";

// Issue #9 §1, the pure check: a delegation grants authority only while the delegate's current
// office (the actor's dideducId) is the delegation's office. Every transition × who attempts it;
// the same matrix runs through transition() on PostgreSQL in
// tests/integration/workflow/delegation-office-matrix.test.ts.

type TAttempt = { who: string; actor: TWorkflowActor; delegations: TDelegationLike[]; caseOffice: string; allowed: boolean };

function staff(id: string, office: string, roles: Role[] = []): TWorkflowActor {
  return { id, roles, dideducId: office };
}

function attemptsFor(t: TTransitionDefinition): TAttempt[] {
  const role = t.roles[0];
  const rightful: TWorkflowActor =
    t.scope === "APPLICANT" ? { id: APPLICANT_ID, roles: [role], dideducId: null } : t.scope === "DIDEDUC" ? staff("staff-a", DIDEDUC_A, [role]) : { id: "central-1", roles: [role], dideducId: null };
  const elsewhere: TWorkflowActor =
    t.scope === "APPLICANT"
      ? { id: "other-applicant", roles: [role], dideducId: null }
      : t.scope === "DIDEDUC"
        ? staff("staff-b", DIDEDUC_B, [role])
        : staff("chief-a", DIDEDUC_A, ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"]);
  const delegable = t.scope === "DIDEDUC" && t.roles.includes("DIDEDUC_REVIEWER");
  const forDelegate = (overrides: Partial<TDelegationLike> = {}) => [delegation({ delegateId: "delegate-1", ...overrides })];
  return [
    { who: "own office: the role's holder", actor: rightful, delegations: [], caseOffice: DIDEDUC_A, allowed: true },
    { who: "own office: an active delegation", actor: staff("delegate-1", DIDEDUC_A), delegations: forDelegate(), caseOffice: DIDEDUC_A, allowed: delegable },
    { who: "other office: the role's holder", actor: elsewhere, delegations: [], caseOffice: DIDEDUC_A, allowed: false },
    { who: "other office: an active delegation of that office", actor: staff("delegate-1", DIDEDUC_B), delegations: forDelegate({ dideducId: DIDEDUC_B }), caseOffice: DIDEDUC_A, allowed: false },
    { who: "moved delegate: the old office's case", actor: staff("delegate-1", DIDEDUC_B), delegations: forDelegate(), caseOffice: DIDEDUC_A, allowed: false },
    { who: "moved delegate: the new office's case", actor: staff("delegate-1", DIDEDUC_B), delegations: forDelegate(), caseOffice: DIDEDUC_B, allowed: false },
    { who: "delegate without an office", actor: { id: "delegate-1", roles: [], dideducId: null }, delegations: forDelegate(), caseOffice: DIDEDUC_A, allowed: false },
    { who: "revoked delegation", actor: staff("delegate-1", DIDEDUC_A), delegations: forDelegate({ revokedAt: new Date("2026-03-05T00:00:00Z") }), caseOffice: DIDEDUC_A, allowed: false },
    { who: "expired delegation", actor: staff("delegate-1", DIDEDUC_A), delegations: forDelegate({ validFrom: new Date("2026-02-01T00:00:00Z"), validTo: new Date("2026-02-28T23:59:59Z") }), caseOffice: DIDEDUC_A, allowed: false },
  ];
}

for (const procedure of PROCEDURES) {
  const def = getDefinition(procedure);
  describe(`${def.code} ${procedure}`, () => {
    for (const t of def.transitions) {
      for (const from of t.from) {
        it(`${describeTransition(t)} (${t.scope})`, () => {
          for (const a of attemptsFor(t)) {
            const c = caseFor(def, from, { dideducId: a.caseOffice });
            const result = checkTransition({ caseLike: c, action: t.action, actor: a.actor, delegations: a.delegations, input: validInputFor(t), expectedVersion: c.version, now: NOW });
            expect(result.ok, `${a.who}: ${result.ok ? "permitido" : result.error.code}`).toBe(a.allowed);
            if (result.ok) {
              const viaDelegation = a.delegations.length > 0;
              expect(result.authority.delegation?.id ?? null, a.who).toBe(viaDelegation ? a.delegations[0].id : null);
            } else {
              expect(["FORBIDDEN_ROLE", "OUT_OF_SCOPE"], a.who).toContain(result.error.code);
            }
            // The buttons a screen shows agree with what transition() would do, except that an
            // internal transition (replace: taken by a corrected re-issue's issuance) is never a button.
            expect(availableActions(def, c, a.actor, a.delegations, NOW).includes(t), a.who).toBe(a.allowed && !t.internal);
          }
        });
      }
    }
  });
}
