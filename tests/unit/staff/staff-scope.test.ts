import { describe, expect, it } from "vitest";
import { canSeeCase } from "@/lib/cases/can-see-case";

const base = { delegatedRoles: [] as never[] };
const reviewerGN = { ...base, id: "r1", roles: ["DIDEDUC_REVIEWER" as const], dideducId: "gn" };
const signerXela = { ...base, id: "s2", roles: ["DIDEDUC_SIGNER" as const], dideducId: "xela" };
const coordinator = { ...base, id: "c1", roles: ["CENTRAL_COORDINATOR" as const], dideducId: null };
const delegate = { id: "d1", roles: [], delegatedRoles: ["DIDEDUC_REVIEWER" as const], dideducId: "gn" };
const citizen = { ...base, id: "u1", roles: ["CITIZEN" as const], dideducId: null };

const gnCase = { applicantId: "u1", dideducId: "gn", state: "DIDEDUC_REVIEW" };

describe("canSeeCase (who may look at a case in the staff views and file routes)", () => {
  it("lets DIDEDUC staff see only their own DIDEDUC's cases", () => {
    expect(canSeeCase(reviewerGN, gnCase, [])).toBe(true);
    expect(canSeeCase(signerXela, gnCase, [])).toBe(false);
    expect(canSeeCase(reviewerGN, { ...gnCase, dideducId: null }, [])).toBe(false);
  });

  it("lets the central office see every DIDEDUC's cases", () => {
    expect(canSeeCase(coordinator, gnCase, [])).toBe(true);
    expect(canSeeCase(coordinator, { ...gnCase, dideducId: "xela" }, [])).toBe(true);
  });

  it("lets a delegate see the delegating DIDEDUC's cases only while the delegation is active", () => {
    expect(canSeeCase(delegate, gnCase, [{ dideducId: "gn" }])).toBe(true);
    // The session still says "delegated reviewer", but the delegation is over: the role alone is enough
    // only for staff who hold it; a delegate without an active delegation sees nothing.
    expect(canSeeCase({ ...delegate, delegatedRoles: [] }, gnCase, [])).toBe(false);
  });

  it("takes a delegate's access from the delegations of their current office, never from the session's delegated roles", () => {
    // The session says "delegated reviewer" but no delegation is active any more.
    expect(canSeeCase(delegate, gnCase, [])).toBe(false);
    // Moved to Quetzaltenango with Guatemala Norte's delegation still on record (issue #9 §1): neither
    // the old office's cases nor the new office's.
    const moved = { ...delegate, dideducId: "xela" };
    expect(canSeeCase(moved, gnCase, [{ dideducId: "gn" }])).toBe(false);
    expect(canSeeCase(moved, { ...gnCase, dideducId: "xela" }, [{ dideducId: "gn" }])).toBe(false);
    expect(canSeeCase(moved, { ...gnCase, dideducId: "xela" }, [])).toBe(false);
  });

  it("keeps drafts to the applicant, and other people's cases from citizens", () => {
    expect(canSeeCase(citizen, gnCase, [])).toBe(true);
    expect(canSeeCase(citizen, { ...gnCase, applicantId: "someone-else" }, [])).toBe(false);
    expect(canSeeCase(reviewerGN, { ...gnCase, state: "DRAFT" }, [])).toBe(false);
    expect(canSeeCase(coordinator, { ...gnCase, state: "DRAFT" }, [])).toBe(false);
  });

  it("shows a corrected re-issue's draft to central staff (who started it), never to a DIDEDUC's", () => {
    const reissueDraft = { ...gnCase, state: "DRAFT", reissueOfId: "old-case" };
    expect(canSeeCase(coordinator, reissueDraft, [])).toBe(true);
    expect(canSeeCase(reviewerGN, reissueDraft, [])).toBe(false);
    expect(canSeeCase(citizen, reissueDraft, [])).toBe(true);
    expect(canSeeCase(citizen, { ...reissueDraft, applicantId: "someone-else" }, [])).toBe(false);
  });
});
