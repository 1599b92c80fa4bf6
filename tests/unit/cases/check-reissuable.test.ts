import { describe, expect, it } from "vitest";
import { checkReissuable } from "@/lib/cases/check-reissuable";
import type { CaseState } from "@/lib/generated/prisma/enums";

const issued = { procedure: "EDUCATIONAL_RECORD" as const, state: "ISSUED" as CaseState };
const reissue = (state: CaseState, issuedAt: Date | null = null) => ({ number: "EE-2026-000042", state, issuedAt, verificationCode: issuedAt ? "ABCD-EFGH-JKMN" : null });

describe("checkReissuable (who a corrected re-issue may start from)", () => {
  it("allows an ISSUED or REVOKED certification without re-issues, or whose re-issues all ended unissued", () => {
    expect(checkReissuable(issued, [])).toBeNull();
    expect(checkReissuable({ ...issued, state: "REVOKED" }, [])).toBeNull();
    expect(checkReissuable(issued, [reissue("REJECTED")])).toBeNull();
    // Issue #14: a re-issue draft its holder deleted is over too.
    expect(checkReissuable(issued, [reissue("DISCARDED")])).toBeNull();
  });

  it.each(["DRAFT", "DIDEDUC_REVIEW", "NEEDS_CORRECTION", "DIDEDUC_SIGNATURE", "CENTRAL_REVIEW", "REJECTED"] as const)("refuses a case in %s", (state) => {
    expect(checkReissuable({ ...issued, state }, [])?.code).toBe("NOT_REISSUABLE");
  });

  it("refuses a D.4 registration whatever its state", () => {
    expect(checkReissuable({ procedure: "TRANSLATOR_REGISTRATION", state: "REGISTERED" }, [])?.code).toBe("NOT_REISSUABLE");
  });

  it.each(["DRAFT", "DIDEDUC_REVIEW", "NEEDS_CORRECTION", "DIDEDUC_SIGNATURE", "CENTRAL_REVIEW"] as const)("refuses while a re-issue is open (%s), naming it", (state) => {
    const refusal = checkReissuable(issued, [reissue("REJECTED"), reissue(state)]);
    expect(refusal?.code).toBe("REISSUE_OPEN");
    expect(refusal?.message).toContain("EE-2026-000042");
  });

  it("points to the replacement once a re-issue was issued (even if that one was revoked since)", () => {
    for (const state of ["ISSUED", "REVOKED"] as const) {
      const refusal = checkReissuable({ ...issued, state: "REVOKED" }, [reissue(state, new Date())]);
      expect(refusal?.code).toBe("ALREADY_REPLACED");
      expect(refusal?.message).toContain("ABCD-EFGH-JKMN");
    }
  });
});
