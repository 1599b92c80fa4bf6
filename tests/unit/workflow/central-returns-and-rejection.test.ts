import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/auth/roles";
import { describeCaseAction } from "@/lib/cases/describe-case-action";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { availableActions, checkTransition, type TWorkflowActor } from "@/lib/workflow/check-transition";
import { getDefinition } from "@/lib/workflow/definitions";
import { ALL_STATES, APPLICANT_ID, DIDEDUC_A, NOW, caseFor } from "./fixtures";

// Issue #12, points 3 and 9: the central office's ways back and out, as the procedure gives them.

const REASON = { reason: "La firma del expediente no corresponde a la persona autorizada del Archivo documental." };

function actor(role: Role, overrides: Partial<TWorkflowActor> = {}): TWorkflowActor {
  const dideducId = role === "DIDEDUC_REVIEWER" || role === "DIDEDUC_SIGNER" ? DIDEDUC_A : null;
  return { id: role === "CITIZEN" || role === "TRANSLATOR" ? APPLICANT_ID : `staff-${role}`, roles: [role], dideducId, ...overrides };
}

function check(procedure: Procedure, state: CaseState, action: string, who: TWorkflowActor, input: unknown = REASON) {
  const def = getDefinition(procedure);
  return checkTransition({ caseLike: caseFor(def, state), action, actor: who, input, expectedVersion: 3, now: NOW });
}

const CENTRAL_ROLES_ALLOWED: Role[] = ["CENTRAL_ASSISTANT", "CENTRAL_COORDINATOR"];
const OTHERS: Role[] = ROLES.filter((r) => !CENTRAL_ROLES_ALLOWED.includes(r));

describe("reject_definitively at the central office (D.1.2, D.2.2)", () => {
  for (const procedure of ["GRADUATION_RECORD", "DIPLOMA_FROM_2005"] as const) {
    describe(procedure, () => {
      it('"que la información no se encuentra alterada": the assistant, or the coordinator "en ausencia de la persona encargada", rejects a case under central review for good', () => {
        for (const role of CENTRAL_ROLES_ALLOWED) {
          const result = check(procedure, "CENTRAL_REVIEW", "reject_definitively", actor(role));
          expect(result.ok, role).toBe(true);
          if (result.ok) {
            expect(result.transition.to).toBe("REJECTED");
            expect(result.authority.actingAs).toBe("CENTRAL_ASSISTANT");
            expect(result.input).toEqual({ reason: REASON.reason });
          }
        }
      });

      it("is refused to DIDEDUC staff, the applicant, the manager and the administrator", () => {
        for (const role of OTHERS) {
          const result = check(procedure, "CENTRAL_REVIEW", "reject_definitively", actor(role));
          expect(result.ok, role).toBe(false);
          if (!result.ok) expect(result.error.code, role).toBe("FORBIDDEN_ROLE");
        }
      });

      it("is refused from every other state, and without a reason", () => {
        for (const state of ALL_STATES.filter((s) => s !== "CENTRAL_REVIEW")) {
          const result = check(procedure, state, "reject_definitively", actor("CENTRAL_ASSISTANT"));
          expect(result.ok, state).toBe(false);
          if (!result.ok) expect(result.error.code, state).toBe("INVALID_STATE");
        }
        const noReason = check(procedure, "CENTRAL_REVIEW", "reject_definitively", actor("CENTRAL_ASSISTANT"), { reason: "  " });
        expect(noReason.ok).toBe(false);
        if (!noReason.ok) expect(noReason.error.fieldErrors.reason?.[0]).toMatch(/motivo/);
      });

      it("is offered as a button beside the rejection for correction, with a reason field and a help text", () => {
        const def = getDefinition(procedure);
        const actions = availableActions(def, caseFor(def, "CENTRAL_REVIEW"), actor("CENTRAL_COORDINATOR"), [], NOW).map(describeCaseAction);
        expect(actions.map((a) => a.action)).toEqual(["reject_for_correction", "reject_definitively", "sign_and_issue"]);
        const reject = actions.find((a) => a.action === "reject_definitively")!;
        expect(reject).toMatchObject({ label: "Rechazar definitivamente", inputKind: "reason", operation: "plain", to: "REJECTED" });
        expect(reject.help).toMatch(/alterado o falsificado/);
      });
    });
  }

  it("is not given to the central office in D.1.1, D.2.1 or D.3: their central review only returns (or, D.3, rejects)", () => {
    for (const procedure of ["EDUCATIONAL_RECORD", "DIPLOMA_BEFORE_2005", "SWORN_TRANSLATION"] as const) {
      const result = check(procedure, "CENTRAL_REVIEW", "reject_definitively", actor("CENTRAL_ASSISTANT"));
      expect(result.ok, procedure).toBe(false);
    }
  });
});

describe('the central office\'s return in D.1.1 and D.2.1: "se podrá devolver a la etapa anterior para su corrección"', () => {
  for (const procedure of ["EDUCATIONAL_RECORD", "DIPLOMA_BEFORE_2005"] as const) {
    describe(procedure, () => {
      it("lets the assistant or the coordinator choose: back to the DIDEDUC's signer, or back to the technical review", () => {
        for (const role of CENTRAL_ROLES_ALLOWED) {
          const toSigner = check(procedure, "CENTRAL_REVIEW", "return_to_signer", actor(role));
          const toReview = check(procedure, "CENTRAL_REVIEW", "return", actor(role));
          expect(toSigner.ok && toSigner.transition.to, role).toBe("DIDEDUC_SIGNATURE");
          expect(toReview.ok && toReview.transition.to, role).toBe("DIDEDUC_REVIEW");
        }
      });

      it("refuses both to DIDEDUC staff, the applicant, the manager and the administrator", () => {
        for (const role of OTHERS) {
          for (const action of ["return_to_signer", "return"]) {
            const result = check(procedure, "CENTRAL_REVIEW", action, actor(role));
            expect(result.ok, `${action} ${role}`).toBe(false);
          }
        }
      });

      it("refuses return_to_signer from every other state (the signer's own return is another transition), and without a reason", () => {
        for (const state of ALL_STATES.filter((s) => s !== "CENTRAL_REVIEW")) {
          const result = check(procedure, state, "return_to_signer", actor("CENTRAL_ASSISTANT"));
          expect(result.ok, state).toBe(false);
          if (!result.ok) expect(result.error.code, state).toBe("INVALID_STATE");
        }
        const bySigner = check(procedure, "DIDEDUC_SIGNATURE", "return_to_signer", actor("DIDEDUC_SIGNER"));
        expect(bySigner.ok).toBe(false);
        const noReason = check(procedure, "CENTRAL_REVIEW", "return_to_signer", actor("CENTRAL_ASSISTANT"), {});
        expect(noReason.ok).toBe(false);
        if (!noReason.ok) expect(noReason.error.fieldErrors.reason).toBeDefined();
      });

      it("shows the central office two return buttons, each with its own label, reason field and help text", () => {
        const def = getDefinition(procedure);
        const actions = availableActions(def, caseFor(def, "CENTRAL_REVIEW"), actor("CENTRAL_ASSISTANT"), [], NOW).map(describeCaseAction);
        expect(actions.map((a) => a.action)).toEqual(["return_to_signer", "return", "sign_and_issue"]);
        const [toSigner, toReview] = actions;
        expect(toSigner).toMatchObject({ label: "Devolver a la firma de la Dirección Departamental", inputKind: "reason", operation: "plain", to: "DIDEDUC_SIGNATURE" });
        expect(toReview).toMatchObject({ label: "Devolver a la revisión técnica de la Dirección Departamental", inputKind: "reason", operation: "plain", to: "DIDEDUC_REVIEW" });
        expect(toSigner.help).toMatch(/misma certificación/);
        expect(toSigner.help).toMatch(/firmarla de nuevo/);
        expect(toReview.help).toMatch(/certificación nueva/);
        // The signer, once it is back: sign again, return to the technical review, or reject for good.
        const signerActions = availableActions(def, caseFor(def, "DIDEDUC_SIGNATURE"), actor("DIDEDUC_SIGNER"), [], NOW).map((a) => a.action);
        expect(signerActions).toEqual(["sign", "return", "reject_definitively"]);
      });
    });
  }
});
