import { describe, expect, it } from "vitest";
import { availableActions, checkTransition, isDelegationActive, type TDelegationLike } from "@/lib/workflow/check-transition";
import { PROCEDURES, getDefinition } from "@/lib/workflow/definitions";
import type { TTransitionErrorCode } from "@/lib/workflow/transition-error";
import { DIDEDUC_A, DIDEDUC_B, NOW, caseFor, delegation, describeTransition, validInputFor } from "./fixtures";

// A delegate: staff of DIDEDUC A without the reviewer role, acting under a delegation.
const DELEGATE = { id: "delegate-1", roles: [], dideducId: DIDEDUC_A };

const reviewerTransitions = PROCEDURES.flatMap((p) =>
  getDefinition(p)
    .transitions.filter((t) => t.roles.includes("DIDEDUC_REVIEWER"))
    .map((t) => ({ def: getDefinition(p), t })),
);

function attempt(def: ReturnType<typeof getDefinition>, t: (typeof reviewerTransitions)[number]["t"], delegations: TDelegationLike[], now = NOW, caseDideduc = DIDEDUC_A) {
  const c = caseFor(def, t.from[0], { dideducId: caseDideduc });
  return checkTransition({ caseLike: c, action: t.action, actor: DELEGATE, delegations, input: validInputFor(t), expectedVersion: c.version, now });
}

function expectRefused(result: ReturnType<typeof attempt>, code: TTransitionErrorCode) {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.code).toBe(code);
}

describe("delegation of the reviewer role", () => {
  it("covers some transitions in D.1.1 and D.2.1", () => {
    expect(new Set(reviewerTransitions.map((x) => x.def.procedure))).toEqual(new Set(["EDUCATIONAL_RECORD", "DIPLOMA_BEFORE_2005"]));
  });

  for (const { def, t } of reviewerTransitions) {
    describe(`${def.code} ${describeTransition(t)}`, () => {
      it("is allowed inside the range, recording the delegation", () => {
        const d = delegation();
        const result = attempt(def, t, [d]);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.authority).toEqual({ role: "DIDEDUC_REVIEWER", actingAs: "DIDEDUC_REVIEWER", delegation: d });
      });

      it("is allowed at both ends of the range", () => {
        const d = delegation();
        expect(attempt(def, t, [d], d.validFrom).ok).toBe(true);
        expect(attempt(def, t, [d], d.validTo).ok).toBe(true);
      });

      it("is refused before the range, after it, and once revoked", () => {
        const d = delegation();
        expectRefused(attempt(def, t, [d], new Date(d.validFrom.getTime() - 1)), "FORBIDDEN_ROLE");
        expectRefused(attempt(def, t, [d], new Date(d.validTo.getTime() + 1)), "FORBIDDEN_ROLE");
        expectRefused(attempt(def, t, [delegation({ revokedAt: new Date("2026-03-05T00:00:00Z") })]), "FORBIDDEN_ROLE");
      });

      it("is refused on a case of another DIDEDUC", () => {
        expectRefused(attempt(def, t, [delegation()], NOW, DIDEDUC_B), "OUT_OF_SCOPE");
        expectRefused(attempt(def, t, [delegation({ dideducId: DIDEDUC_B })]), "OUT_OF_SCOPE");
      });

      it("is refused when the delegation names someone else", () => {
        expectRefused(attempt(def, t, [delegation({ delegateId: "someone-else" })]), "FORBIDDEN_ROLE");
      });

      it("picks the delegation of the case's DIDEDUC among several", () => {
        const other = delegation({ id: "delegation-b", dideducId: DIDEDUC_B });
        const here = delegation({ id: "delegation-a" });
        const result = attempt(def, t, [other, here]);
        expect(result.ok && result.authority.delegation?.id).toBe("delegation-a");
      });
    });
  }

  it("grants only the reviewer's steps, never the signer's or the central office's", () => {
    const def = getDefinition("EDUCATIONAL_RECORD");
    for (const t of def.transitions.filter((x) => !x.roles.includes("DIDEDUC_REVIEWER"))) {
      const c = caseFor(def, t.from[0]);
      const result = checkTransition({ caseLike: c, action: t.action, actor: DELEGATE, delegations: [delegation()], input: validInputFor(t), expectedVersion: c.version, now: NOW });
      expect(result.ok, describeTransition(t)).toBe(false);
    }
  });

  it("a delegation for the signer role would not let its holder review", () => {
    const def = getDefinition("EDUCATIONAL_RECORD");
    const t = def.transitions.find((x) => x.action === "generate_certification")!;
    expectRefused(attempt(def, t, [delegation({ role: "DIDEDUC_SIGNER" })]), "FORBIDDEN_ROLE");
  });

  it("is not used when the actor is a reviewer of the DIDEDUC in their own right", () => {
    const def = getDefinition("EDUCATIONAL_RECORD");
    const c = caseFor(def, "DIDEDUC_REVIEW");
    const result = checkTransition({
      caseLike: c,
      action: "generate_certification",
      actor: { ...DELEGATE, roles: ["DIDEDUC_REVIEWER"] },
      delegations: [delegation()],
      expectedVersion: c.version,
      now: NOW,
    });
    expect(result.ok && result.authority.delegation).toBeNull();
  });

  it("shows the delegate the reviewer's buttons only while it lasts", () => {
    const def = getDefinition("EDUCATIONAL_RECORD");
    const c = caseFor(def, "DIDEDUC_REVIEW");
    expect(availableActions(def, c, DELEGATE, [delegation()], NOW).map((t) => t.action).sort()).toEqual([
      "generate_certification",
      "reject_for_correction",
      "reject_with_guidance",
    ]);
    expect(availableActions(def, c, DELEGATE, [delegation()], new Date("2026-04-01T00:00:00Z"))).toEqual([]);
    expect(availableActions(def, c, DELEGATE, [], NOW)).toEqual([]);
  });

  it("isDelegationActive includes both ends and excludes revoked ones", () => {
    const d = delegation();
    expect(isDelegationActive(d, d.validFrom)).toBe(true);
    expect(isDelegationActive(d, d.validTo)).toBe(true);
    expect(isDelegationActive(d, new Date(d.validTo.getTime() + 1))).toBe(false);
    expect(isDelegationActive({ ...d, revokedAt: d.validFrom }, NOW)).toBe(false);
  });
});
