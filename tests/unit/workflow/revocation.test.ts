import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { availableActions, checkTransition, type TCheckResult, type TWorkflowActor } from "@/lib/workflow/check-transition";
import { PROCEDURES, getDefinition } from "@/lib/workflow/definitions";
import { REASON_MAX_LENGTH } from "@/lib/workflow/inputs";
import type { TTransitionErrorCode } from "@/lib/workflow/transition-error";
import { STAFF_REVOCATION_CATEGORIES } from "@/lib/verification/revocation-categories";
import { ALL_STATES, CASE_NUMBER, DIDEDUC_A, NOW, caseFor } from "./fixtures";

// Issue #11 §1, anulación: ISSUED → REVOKED by the Encargado or the coordinator, with a public
// category, an internal note and the case number typed again. The generated tests
// (check-transition.test.ts) cover it too; these name the rules one by one.

const ISSUING = PROCEDURES.filter((p) => p !== "TRANSLATOR_REGISTRATION");
const VALID = { category: "DATA_ERROR", note: "El segundo apellido del titular está mal escrito.", confirmNumber: CASE_NUMBER };

function central(role: Role): TWorkflowActor {
  return { id: `staff-${role}`, roles: [role], dideducId: ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"].includes(role) ? DIDEDUC_A : null };
}

function revoke(procedure: (typeof ISSUING)[number], opts: { actor?: TWorkflowActor; input?: unknown; state?: (typeof ALL_STATES)[number]; expectedVersion?: number } = {}) {
  const def = getDefinition(procedure);
  return checkTransition({
    caseLike: caseFor(def, opts.state ?? "ISSUED"),
    action: "revoke",
    actor: opts.actor ?? central("CENTRAL_MANAGER"),
    input: "input" in opts ? opts.input : VALID,
    expectedVersion: opts.expectedVersion ?? 3,
    now: NOW,
  });
}

function refused(result: TCheckResult, code: TTransitionErrorCode) {
  expect(result.ok, result.ok ? "allowed" : `${result.error.code}: ${result.error.message}`).toBe(false);
  if (result.ok) return {};
  expect(result.error.code).toBe(code);
  return result.error.fieldErrors;
}

describe.each(ISSUING)("revoke %s", (procedure) => {
  it("is allowed to the Encargado and to the coordinator, each recorded with their own role", () => {
    for (const role of ["CENTRAL_MANAGER", "CENTRAL_COORDINATOR"] as const) {
      const result = revoke(procedure, { actor: central(role) });
      expect(result.ok, role).toBe(true);
      if (result.ok) {
        expect(result.authority).toEqual({ role, actingAs: role, delegation: null });
        expect(result.transition.to).toBe("REVOKED");
        expect(result.input).toEqual(VALID);
      }
    }
  });

  it("is refused to the assistant, the DIDEDUC's staff, the applicant, translators and the administration", () => {
    const others = ROLES.filter((r) => r !== "CENTRAL_MANAGER" && r !== "CENTRAL_COORDINATOR");
    expect(others.sort()).toEqual(["ADMIN", "CENTRAL_ASSISTANT", "CITIZEN", "DIDEDUC_REVIEWER", "DIDEDUC_SIGNER", "TRANSLATOR"]);
    for (const role of others) refused(revoke(procedure, { actor: central(role) }), "FORBIDDEN_ROLE");
    // The holder of the certification, on their own case.
    refused(revoke(procedure, { actor: { id: "citizen-1", roles: ["CITIZEN"], dideducId: null } }), "FORBIDDEN_ROLE");
  });

  it("is refused on a case that is not issued, including one already revoked", () => {
    for (const state of ALL_STATES.filter((s) => s !== "ISSUED")) refused(revoke(procedure, { state }), "INVALID_STATE");
  });

  it("is refused from an outdated page", () => {
    refused(revoke(procedure, { expectedVersion: 2 }), "STALE_VERSION");
  });

  it("asks the case number typed again: a wrong or another case's number is a field error at confirmNumber", () => {
    for (const confirmNumber of ["EE-2026-000124", "EE-2026-00012", "EE-2026-0001234", "000123", "EG-2026-000123"]) {
      const errors = refused(revoke(procedure, { input: { ...VALID, confirmNumber } }), "INVALID_INPUT");
      expect(Object.keys(errors), confirmNumber).toEqual(["confirmNumber"]);
      expect(errors.confirmNumber[0]).toContain(CASE_NUMBER);
    }
    for (const confirmNumber of [undefined, "", "   "]) {
      const errors = refused(revoke(procedure, { input: { ...VALID, confirmNumber } }), "INVALID_INPUT");
      expect(errors.confirmNumber?.[0], String(confirmNumber)).toMatch(/número de la solicitud/);
    }
    // Typed as it reads, in any case and with stray spaces around it.
    expect(revoke(procedure, { input: { ...VALID, confirmNumber: ` ${CASE_NUMBER.toLowerCase()}\t` } }).ok).toBe(true);
  });

  it("asks one of the four staff categories (never REPLACED, which only a corrected re-issue sets)", () => {
    for (const category of STAFF_REVOCATION_CATEGORIES) expect(revoke(procedure, { input: { ...VALID, category } }).ok, category).toBe(true);
    for (const category of [undefined, "", "REPLACED", "OTRO", 3]) {
      const errors = refused(revoke(procedure, { input: { ...VALID, category } }), "INVALID_INPUT");
      expect(errors.category?.[0], String(category)).toBe("Seleccione el motivo de la anulación.");
    }
  });

  it("asks a non-empty internal note of sensible length", () => {
    for (const note of [undefined, "", "  \n ", "x".repeat(REASON_MAX_LENGTH + 1)]) {
      const errors = refused(revoke(procedure, { input: { ...VALID, note } }), "INVALID_INPUT");
      expect(errors.note?.[0], String(note)).toMatch(/nota interna/);
    }
    expect(revoke(procedure, { input: { ...VALID, note: "x".repeat(REASON_MAX_LENGTH) } }).ok).toBe(true);
  });

  it("reports every missing field at once when nothing was filled in", () => {
    const errors = refused(revoke(procedure, { input: {} }), "INVALID_INPUT");
    expect(Object.keys(errors).sort()).toEqual(["category", "confirmNumber", "note"]);
  });

  it("records the date, the category and the internal note with the state change", () => {
    const result = revoke(procedure);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.transition.record!(result.input as never, NOW)).toEqual({ revokedAt: NOW, revocationCategory: "DATA_ERROR", revokedReason: VALID.note });
    // The note is not a `reason`: transition() would otherwise put it in lastNote and the citizen's timeline.
    expect("reason" in result.input).toBe(false);
  });

  it("is offered as a button to the Encargado and the coordinator on an issued case only; the replacement never is", () => {
    const def = getDefinition(procedure);
    for (const role of ROLES) {
      for (const state of ALL_STATES) {
        const shown = availableActions(def, caseFor(def, state), central(role), [], NOW).map((t) => t.action);
        const mayRevoke = state === "ISSUED" && (role === "CENTRAL_MANAGER" || role === "CENTRAL_COORDINATOR");
        expect(shown.includes("revoke"), `${role} ${state}`).toBe(mayRevoke);
        expect(shown, `${role} ${state}`).not.toContain("replace");
      }
    }
  });
});

describe("replace (internal)", () => {
  it("takes the replacement case's id and records the category REPLACED without a note", () => {
    const def = getDefinition("EDUCATIONAL_RECORD");
    const result = checkTransition({
      caseLike: caseFor(def, "ISSUED"),
      action: "replace",
      actor: central("CENTRAL_ASSISTANT"),
      input: { replacementCaseId: "case-2" },
      expectedVersion: 3,
      now: NOW,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.transition.internal).toBe(true);
    expect(result.transition.record!(result.input as never, NOW)).toEqual({ revokedAt: NOW, revocationCategory: "REPLACED", revokedReason: null });
  });

  it("D.4 registrations issue no certification and have neither", () => {
    const def = getDefinition("TRANSLATOR_REGISTRATION");
    expect(def.transitions.filter((t) => t.action === "revoke" || t.action === "replace")).toEqual([]);
  });
});
