import { describe, expect, it } from "vitest";
import { listActionableStates } from "@/lib/workflow/list-actionable-states";

// "Requiere mi acción" (issue #14) is read from the workflow definitions: per procedure, the states
// where this person can take a step now (role, scope, delegation), never the applicant's steps nor
// a finished case's.
const now = new Date("2026-03-10T15:00:00Z");
const actor = (roles: string[], dideducId: string | null = null) => ({ id: "u1", roles, dideducId }) as never;

describe("listActionableStates", () => {
  it('"revisa el expediente": a DIDEDUC reviewer acts on D.1.1 and D.2.1 in DIDEDUC review, nothing else', () => {
    expect(listActionableStates(actor(["DIDEDUC_REVIEWER"], "gn"), [], now)).toEqual({
      EDUCATIONAL_RECORD: ["DIDEDUC_REVIEW"],
      DIPLOMA_BEFORE_2005: ["DIDEDUC_REVIEW"],
    });
  });

  it("a DIDEDUC signer acts on certifications awaiting the DIDEDUC's signature", () => {
    const states = listActionableStates(actor(["DIDEDUC_SIGNER"], "gn"), [], now);
    expect(Object.values(states).flat()).toEqual(expect.arrayContaining(["DIDEDUC_SIGNATURE"]));
    expect(Object.values(states).flat()).not.toContain("DIDEDUC_REVIEW");
  });

  it("the central assistant acts on every central review but D.4's; an issued case (revocation) is never pending work", () => {
    const states = listActionableStates(actor(["CENTRAL_ASSISTANT"]), [], now);
    expect(states.TRANSLATOR_REGISTRATION).toBeUndefined();
    for (const p of ["EDUCATIONAL_RECORD", "GRADUATION_RECORD", "DIPLOMA_BEFORE_2005", "DIPLOMA_FROM_2005", "SWORN_TRANSLATION"] as const) {
      expect(states[p]).toEqual(["CENTRAL_REVIEW"]);
    }
  });

  it("the Encargado acts on D.4 registrations; the coordinator, who may revoke, has no issued case as work", () => {
    expect(listActionableStates(actor(["CENTRAL_MANAGER"]), [], now)).toEqual({ TRANSLATOR_REGISTRATION: ["MANAGER_REVIEW"] });
    expect(Object.values(listActionableStates(actor(["CENTRAL_COORDINATOR"]), [], now)).flat()).not.toContain("ISSUED");
  });

  it("citizens and translators have no queue work; a delegation counts only while active and of the delegate's own DIDEDUC", () => {
    expect(listActionableStates(actor(["CITIZEN", "TRANSLATOR"]), [], now)).toEqual({});
    const delegation = { id: "d1", dideducId: "gn", delegateId: "u1", role: "DIDEDUC_REVIEWER" as const, validFrom: new Date("2026-03-01"), validTo: new Date("2026-03-31"), revokedAt: null };
    expect(listActionableStates(actor([], "gn"), [delegation], now).EDUCATIONAL_RECORD).toEqual(["DIDEDUC_REVIEW"]);
    expect(listActionableStates(actor([], "xela"), [delegation], now)).toEqual({});
    expect(listActionableStates(actor([], "gn"), [{ ...delegation, revokedAt: new Date("2026-03-05") }], now)).toEqual({});
    expect(listActionableStates(actor([], "gn"), [delegation], new Date("2026-04-02"))).toEqual({});
  });
});
