import { describe, expect, it } from "vitest";
import { ROLES, expandRoles } from "@/lib/auth/roles";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { availableActions, checkTransition, type TCheckResult } from "@/lib/workflow/check-transition";
import { PROCEDURES, getDefinition } from "@/lib/workflow/definitions";
import { REASON_MAX_LENGTH } from "@/lib/workflow/inputs";
import type { TTransitionErrorCode } from "@/lib/workflow/transition-error";
import type { TProcedureDefinition, TTransitionDefinition } from "@/lib/workflow/types";
import { ALL_STATES, DIDEDUC_A, DIDEDUC_B, NOW, actorFor, caseFor, describeTransition, validInputFor } from "./fixtures";

// Generated from the definitions: every procedure × every transition × every state it leaves.
// A transition added to a definition is covered here without anyone writing a test for it.

function refusedWith(result: TCheckResult, code: TTransitionErrorCode) {
  expect(result.ok, result.ok ? "allowed" : `${result.error.code}: ${result.error.message}`).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(0);
  }
  return result.ok ? {} : result.error.fieldErrors;
}

function run(def: TProcedureDefinition, t: TTransitionDefinition, from: CaseState, changes: {
  state?: CaseState;
  caseDideduc?: string | null;
  actor?: Partial<ReturnType<typeof actorFor>>;
  role?: (typeof ROLES)[number];
  input?: unknown;
  expectedVersion?: number;
  staffActed?: boolean;
}) {
  const c = caseFor(def, changes.state ?? from, {
    ...(changes.caseDideduc !== undefined ? { dideducId: changes.caseDideduc } : {}),
    ...("staffActed" in changes ? { staffActed: changes.staffActed } : {}),
  });
  const actor = actorFor(t, c, changes.role ?? t.roles[0], changes.actor);
  return checkTransition({
    caseLike: c,
    action: t.action,
    actor,
    input: "input" in changes ? changes.input : validInputFor(t),
    expectedVersion: changes.expectedVersion ?? c.version,
    now: NOW,
  });
}

for (const procedure of PROCEDURES) {
  const def = getDefinition(procedure);
  describe(`${def.code} ${procedure}`, () => {
    for (const t of def.transitions) {
      for (const from of t.from) {
        describe(describeTransition(t), () => {
          it("is allowed with the right role, scope, state, version and input", () => {
            for (const role of t.roles) {
              const result = run(def, t, from, { role });
              expect(result.ok, result.ok ? "" : result.error.message).toBe(true);
              if (result.ok) {
                expect(result.transition).toBe(t);
                expect(result.authority).toEqual({ role, actingAs: role, delegation: null });
                if (typeof result.input.reason === "string") expect(result.input.reason).toBe(result.input.reason.trim());
              }
            }
          });

          it("is refused to every role that does not cover it", () => {
            const wrong = ROLES.filter((r) => !expandRoles([r]).some((x) => t.roles.includes(x)));
            expect(wrong).toContain("ADMIN");
            for (const role of wrong) refusedWith(run(def, t, from, { role }), "FORBIDDEN_ROLE");
          });

          it("is refused to an actor with no roles at all", () => {
            refusedWith(run(def, t, from, { actor: { roles: [] } }), "FORBIDDEN_ROLE");
          });

          if (t.scope === "DIDEDUC") {
            it("is refused to staff of another DIDEDUC, or of none", () => {
              refusedWith(run(def, t, from, { actor: { dideducId: DIDEDUC_B } }), "OUT_OF_SCOPE");
              refusedWith(run(def, t, from, { actor: { dideducId: null } }), "OUT_OF_SCOPE");
            });
            it("is refused when the case names no DIDEDUC", () => {
              refusedWith(run(def, t, from, { caseDideduc: null, actor: { dideducId: DIDEDUC_A } }), "OUT_OF_SCOPE");
            });
          }

          if (t.scope === "APPLICANT") {
            it("is refused to another citizen", () => {
              refusedWith(run(def, t, from, { actor: { id: "citizen-2" } }), "OUT_OF_SCOPE");
            });
          }

          if (t.scope === "CENTRAL") {
            it("is allowed to the central office on a case of any DIDEDUC", () => {
              for (const caseDideduc of def.requiresDideduc ? [DIDEDUC_A, DIDEDUC_B] : [null]) {
                expect(run(def, t, from, { caseDideduc, actor: { dideducId: null } }).ok).toBe(true);
              }
            });
          }

          it("is refused from every state it does not leave", () => {
            for (const state of ALL_STATES.filter((s) => !t.from.includes(s))) {
              const result = run(def, t, from, { state });
              expect(result.ok, state).toBe(false);
              // "return" leaves two states with different roles: there the sibling's role check answers first.
              const sibling = def.transitions.some((x) => x !== t && x.action === t.action && x.from.includes(state));
              if (!sibling) refusedWith(result, "INVALID_STATE");
            }
          });

          it("is refused with a stale version", () => {
            refusedWith(run(def, t, from, { expectedVersion: 2 }), "STALE_VERSION");
            refusedWith(run(def, t, from, { expectedVersion: 4 }), "STALE_VERSION");
          });

          it("drops input fields it does not ask for", () => {
            const result = run(def, t, from, { input: { ...validInputFor(t), state: "ISSUED", version: 99 } });
            expect(result.ok).toBe(true);
            if (result.ok) expect(Object.keys(result.input).sort()).toEqual(Object.keys(t.input.shape).sort());
          });

          if ("reason" in t.input.shape) {
            it("requires a non-empty reason of sensible length", () => {
              const { reason: _omit, ...withoutReason } = validInputFor(t);
              expect(refusedWith(run(def, t, from, { input: withoutReason }), "INVALID_INPUT").reason).toBeDefined();
              expect(refusedWith(run(def, t, from, { input: undefined }), "INVALID_INPUT").reason).toBeDefined();
              for (const reason of ["", "   \n\t ", "x".repeat(REASON_MAX_LENGTH + 1), 42]) {
                const errors = refusedWith(run(def, t, from, { input: { ...validInputFor(t), reason } }), "INVALID_INPUT");
                expect(errors.reason?.[0]).toMatch(/motivo/);
              }
              expect(run(def, t, from, { input: { ...validInputFor(t), reason: "x".repeat(REASON_MAX_LENGTH) } }).ok).toBe(true);
            });
          }

          if ("supervision" in t.input.shape) {
            it("requires the supervision contact: name, phone and address", () => {
              const { supervision: _omit, ...withoutContact } = validInputFor(t);
              expect(refusedWith(run(def, t, from, { input: withoutContact }), "INVALID_INPUT").supervision).toBeDefined();
              for (const field of ["name", "phone", "address"]) {
                const input = validInputFor(t) as { supervision: Record<string, string> };
                input.supervision[field] = "  ";
                expect(refusedWith(run(def, t, from, { input }), "INVALID_INPUT")[`supervision.${field}`]).toBeDefined();
                delete input.supervision[field];
                expect(refusedWith(run(def, t, from, { input }), "INVALID_INPUT")[`supervision.${field}`]).toBeDefined();
              }
            });
          }

          if ("documents" in t.input.shape) {
            it("requires which documents, once each, and where to obtain them", () => {
              for (const documents of [undefined, [], ["DIPLOMA"], ["CIERRE_DE_PENSUM", "CIERRE_DE_PENSUM"]]) {
                const errors = refusedWith(run(def, t, from, { input: { ...validInputFor(t), documents } }), "INVALID_INPUT");
                expect(Object.keys(errors).some((k) => k.startsWith("documents")), JSON.stringify(documents)).toBe(true);
              }
              const { obtainAt: _omit, ...withoutPlace } = validInputFor(t);
              expect(refusedWith(run(def, t, from, { input: withoutPlace }), "INVALID_INPUT").obtainAt).toBeDefined();
              expect(run(def, t, from, { input: { ...validInputFor(t), documents: ["CERTIFICACION_GENERAL_DE_CURSOS"] } }).ok).toBe(true);
            });
          }

          if (t.action === "withdraw") {
            it('"withdraw a submitted request while no one has acted on it": refused once anyone but the applicant acted, or when unknown', () => {
              expect(run(def, t, from, { staffActed: false }).ok).toBe(true);
              for (const staffActed of [true, undefined]) {
                const errors = refusedWith(run(def, t, from, { staffActed }), "INVALID_STATE");
                expect(errors._form?.[0]).toMatch(/ya no se puede retirar/);
              }
            });
          }

          if (t.guard && def.requiresDideduc && t.action !== "withdraw") {
            it("requires the case to name its DIDEDUC", () => {
              expect(refusedWith(run(def, t, from, { caseDideduc: null }), "INVALID_INPUT").dideducId).toBeDefined();
            });
          }
        });
      }
    }
  });
}

describe("coordinator as assistant", () => {
  for (const procedure of PROCEDURES) {
    const def = getDefinition(procedure);
    for (const t of def.transitions) {
      const from = t.from[0];
      if (t.roles.includes("CENTRAL_ASSISTANT")) {
        it(`${def.code} ${describeTransition(t)}: the coordinator may do it, recorded as coordinator`, () => {
          const result = run(def, t, from, { role: "CENTRAL_COORDINATOR" });
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.authority).toEqual({ role: "CENTRAL_COORDINATOR", actingAs: "CENTRAL_ASSISTANT", delegation: null });
        });
      } else if (t.roles.includes("CENTRAL_COORDINATOR")) {
        // The coordinator's own authority (revocation), which the assistant does not inherit.
        it(`${def.code} ${describeTransition(t)}: the coordinator may do it as coordinator, the assistant may not`, () => {
          const result = run(def, t, from, { role: "CENTRAL_COORDINATOR" });
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.authority).toEqual({ role: "CENTRAL_COORDINATOR", actingAs: "CENTRAL_COORDINATOR", delegation: null });
          refusedWith(run(def, t, from, { role: "CENTRAL_ASSISTANT" }), "FORBIDDEN_ROLE");
        });
      } else if (t.scope === "CENTRAL") {
        it(`${def.code} ${describeTransition(t)}: neither the coordinator nor the assistant may do it`, () => {
          refusedWith(run(def, t, from, { role: "CENTRAL_COORDINATOR" }), "FORBIDDEN_ROLE");
          refusedWith(run(def, t, from, { role: "CENTRAL_ASSISTANT" }), "FORBIDDEN_ROLE");
        });
      }
    }
  }

  it("a person holding both roles is recorded with the role the transition names", () => {
    const def = getDefinition("GRADUATION_RECORD");
    const result = checkTransition({
      caseLike: caseFor(def, "CENTRAL_REVIEW"),
      action: "sign_and_issue",
      actor: { id: "central-1", roles: ["CENTRAL_COORDINATOR", "CENTRAL_ASSISTANT"], dideducId: null },
      expectedVersion: 3,
      now: NOW,
    });
    expect(result.ok && result.authority.role).toBe("CENTRAL_ASSISTANT");
  });
});

describe("checkTransition edge cases", () => {
  const def = getDefinition("EDUCATIONAL_RECORD");

  it("refuses an action the procedure does not have", () => {
    const result = checkTransition({
      caseLike: caseFor(def, "DIDEDUC_REVIEW"),
      action: "accept",
      actor: { id: "staff-1", roles: ["DIDEDUC_REVIEWER"], dideducId: DIDEDUC_A },
      expectedVersion: 3,
    });
    refusedWith(result, "INVALID_STATE");
    expect(getDefinition("TRANSLATOR_REGISTRATION").transitions.some((t) => t.action === "accept")).toBe(true);
  });

  it("reject_requesting_documents exists only in D.2.1", () => {
    const actor = { id: "staff-1", roles: ["DIDEDUC_REVIEWER" as const], dideducId: DIDEDUC_A };
    const input = { reason: "Falta", documents: ["CIERRE_DE_PENSUM"], obtainAt: { name: "a", phone: "b", address: "c" } };
    refusedWith(checkTransition({ caseLike: caseFor(def, "DIDEDUC_REVIEW"), action: "reject_requesting_documents", actor, input, expectedVersion: 3 }), "INVALID_STATE");
    const d21 = getDefinition("DIPLOMA_BEFORE_2005");
    expect(checkTransition({ caseLike: caseFor(d21, "DIDEDUC_REVIEW"), action: "reject_requesting_documents", actor, input, expectedVersion: 3 }).ok).toBe(true);
  });

  it("picks the 'return' that leaves the case's state", () => {
    const signer = { id: "signer-1", roles: ["DIDEDUC_SIGNER" as const], dideducId: DIDEDUC_A };
    const assistant = { id: "central-1", roles: ["CENTRAL_ASSISTANT" as const], dideducId: null };
    const input = { reason: "Corregir el año de tercero básico." };
    const bySigner = checkTransition({ caseLike: caseFor(def, "DIDEDUC_SIGNATURE"), action: "return", actor: signer, input, expectedVersion: 3 });
    const byAssistant = checkTransition({ caseLike: caseFor(def, "CENTRAL_REVIEW"), action: "return", actor: assistant, input, expectedVersion: 3 });
    expect(bySigner.ok && bySigner.transition.roles).toEqual(["DIDEDUC_SIGNER"]);
    expect(byAssistant.ok && byAssistant.transition.roles).toEqual(["CENTRAL_ASSISTANT"]);
    // The signer on a case at the central office, and the assistant on one awaiting signature: not their turn.
    refusedWith(checkTransition({ caseLike: caseFor(def, "CENTRAL_REVIEW"), action: "return", actor: signer, input, expectedVersion: 3 }), "FORBIDDEN_ROLE");
    refusedWith(checkTransition({ caseLike: caseFor(def, "DIDEDUC_SIGNATURE"), action: "return", actor: assistant, input, expectedVersion: 3 }), "FORBIDDEN_ROLE");
    // The signer on a case back in review: right role, wrong moment.
    refusedWith(checkTransition({ caseLike: caseFor(def, "DIDEDUC_REVIEW"), action: "return", actor: signer, input, expectedVersion: 3 }), "INVALID_STATE");
  });

  it("checks role, then scope, then version, then state, then input", () => {
    const c = caseFor(def, "ISSUED");
    const base = { caseLike: c, action: "reject_for_correction", input: {}, expectedVersion: 1, now: NOW };
    const reviewerA = { id: "x", roles: ["DIDEDUC_REVIEWER" as const], dideducId: DIDEDUC_A };
    refusedWith(checkTransition({ ...base, actor: { id: "x", roles: ["CITIZEN"], dideducId: DIDEDUC_B } }), "FORBIDDEN_ROLE");
    refusedWith(checkTransition({ ...base, actor: { ...reviewerA, dideducId: DIDEDUC_B } }), "OUT_OF_SCOPE");
    // Someone moved the case on while this reviewer looked at an old page: say so, not "wrong state".
    refusedWith(checkTransition({ ...base, actor: reviewerA }), "STALE_VERSION");
    refusedWith(checkTransition({ ...base, expectedVersion: 3, actor: reviewerA }), "INVALID_STATE");
    refusedWith(checkTransition({ ...base, caseLike: caseFor(def, "DIDEDUC_REVIEW"), expectedVersion: 3, actor: reviewerA }), "INVALID_INPUT");
  });

  it('accepts either a citizen or a translator as applicant of D.3 and of D.4 ("Let a signed-in citizen apply for D.4 with the same account", issue #14), never staff', () => {
    const d3 = getDefinition("SWORN_TRANSLATION");
    const d4 = getDefinition("TRANSLATOR_REGISTRATION");
    for (const role of ["CITIZEN", "TRANSLATOR"] as const) {
      const actor = { id: "citizen-1", roles: [role], dideducId: null };
      expect(checkTransition({ caseLike: caseFor(d3, "DRAFT"), action: "submit", actor, expectedVersion: 3 }).ok).toBe(true);
      expect(checkTransition({ caseLike: caseFor(d4, "DRAFT"), action: "submit", actor, expectedVersion: 3 }).ok).toBe(true);
    }
    for (const role of ["CENTRAL_MANAGER", "CENTRAL_ASSISTANT", "DIDEDUC_REVIEWER"] as const) {
      const actor = { id: "staff-1", roles: [role], dideducId: role === "DIDEDUC_REVIEWER" ? DIDEDUC_A : null };
      expect(checkTransition({ caseLike: caseFor(d4, "DRAFT"), action: "submit", actor, expectedVersion: 3 }).ok).toBe(false);
    }
  });
});

describe("availableActions", () => {
  const def = getDefinition("DIPLOMA_BEFORE_2005");
  const reviewer = { id: "staff-1", roles: ["DIDEDUC_REVIEWER" as const], dideducId: DIDEDUC_A };

  it("shows the reviewer every outcome of the review in its own DIDEDUC", () => {
    const actions = availableActions(def, caseFor(def, "DIDEDUC_REVIEW"), reviewer).map((t) => t.action);
    expect(actions.sort()).toEqual(["generate_certification", "reject_for_correction", "reject_requesting_documents", "reject_with_guidance"]);
  });

  it("shows nothing to staff of another DIDEDUC, to the applicant during review once the staff acted, or on a closed case", () => {
    expect(availableActions(def, caseFor(def, "DIDEDUC_REVIEW"), { ...reviewer, dideducId: DIDEDUC_B })).toEqual([]);
    const citizen = { id: "citizen-1", roles: ["CITIZEN" as const], dideducId: null };
    // "Withdraw a submitted request while no one has acted on it" (issue #14): the only thing offered.
    expect(availableActions(def, caseFor(def, "DIDEDUC_REVIEW"), citizen).map((t) => t.action)).toEqual(["withdraw"]);
    expect(availableActions(def, caseFor(def, "DIDEDUC_REVIEW", { staffActed: true }), citizen)).toEqual([]);
    expect(availableActions(def, caseFor(def, "DIDEDUC_REVIEW", { staffActed: undefined }), citizen)).toEqual([]);
    for (const s of ["ISSUED", "REJECTED"] as const) expect(availableActions(def, caseFor(def, s), reviewer)).toEqual([]);
  });

  it("agrees with checkTransition for every actor, state and transition", () => {
    const actors = [
      { id: "citizen-1", roles: ["CITIZEN" as const], dideducId: null },
      { id: "citizen-2", roles: ["CITIZEN" as const], dideducId: null },
      reviewer,
      { id: "signer-1", roles: ["DIDEDUC_SIGNER" as const], dideducId: DIDEDUC_A },
      { id: "central-1", roles: ["CENTRAL_COORDINATOR" as const], dideducId: null },
    ];
    for (const procedure of PROCEDURES) {
      const d = getDefinition(procedure);
      for (const state of ALL_STATES) {
        for (const actor of actors) {
          const c = caseFor(d, state);
          const shown = availableActions(d, c, actor, [], NOW);
          for (const t of d.transitions) {
            const allowed = checkTransition({ caseLike: c, action: t.action, actor, input: validInputFor(t), expectedVersion: c.version, now: NOW });
            const sameTransition = allowed.ok && allowed.transition === t;
            // Internal transitions (a corrected re-issue replacing the case it corrects) are taken by
            // another operation, never offered as a button, even to someone allowed to take them.
            expect(shown.includes(t), `${procedure} ${state} ${actor.id} ${t.action}`).toBe(sameTransition && !t.internal);
          }
        }
      }
    }
  });
});
