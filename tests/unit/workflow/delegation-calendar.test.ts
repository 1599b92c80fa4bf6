import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  DELEGABLE_ROLES,
  delegationRangeFromCalendarDates,
  delegationStatus,
  guatemalaCalendarDate,
  isCalendarDate,
} from "@/lib/workflow/delegation-calendar";
import { isDelegationActive } from "@/lib/workflow/check-transition";

describe("the Director's delegation calendar (Guatemala, UTC−6 all year)", () => {
  it("reads today as Guatemala's calendar day, not the server's UTC one", () => {
    expect(guatemalaCalendarDate(new Date("2026-03-11T05:59:59Z"))).toBe("2026-03-10");
    expect(guatemalaCalendarDate(new Date("2026-03-11T06:00:00Z"))).toBe("2026-03-11");
  });

  it("accepts only real calendar days", () => {
    expect(isCalendarDate("2026-03-10")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-30", "2026-13-01", "10/03/2026", "2026-3-1", "", "2026-03-10T00:00"]) expect(isCalendarDate(bad), bad).toBe(false);
    expect(addCalendarDays("2026-12-30", 3)).toBe("2027-01-02");
  });

  it("both ends included: the range covers the first day from 00:00 and the last day until 23:59:59.999 there", () => {
    const r = delegationRangeFromCalendarDates("2026-03-10", "2026-03-10");
    expect(r.validFrom.toISOString()).toBe("2026-03-10T06:00:00.000Z");
    expect(r.validTo.toISOString()).toBe("2026-03-11T05:59:59.999Z");
    const d = { ...r, revokedAt: null };
    expect(isDelegationActive(d, new Date("2026-03-10T06:00:00.000Z"))).toBe(true);
    expect(isDelegationActive(d, new Date("2026-03-11T05:59:59.999Z"))).toBe(true);
    expect(isDelegationActive(d, new Date("2026-03-10T05:59:59.999Z"))).toBe(false);
    expect(isDelegationActive(d, new Date("2026-03-11T06:00:00.000Z"))).toBe(false);
  });

  it("status: upcoming, current (at both ends), ended; a revocation wins over the dates", () => {
    const d = { ...delegationRangeFromCalendarDates("2026-03-10", "2026-03-17"), revokedAt: null };
    expect(delegationStatus(d, new Date("2026-03-10T05:59:59Z"))).toBe("UPCOMING");
    expect(delegationStatus(d, d.validFrom)).toBe("CURRENT");
    expect(delegationStatus(d, d.validTo)).toBe("CURRENT");
    expect(delegationStatus(d, new Date(d.validTo.getTime() + 1))).toBe("ENDED");
    expect(delegationStatus({ ...d, revokedAt: new Date("2026-03-01T00:00:00Z") }, new Date("2026-03-05T00:00:00Z"))).toBe("REVOKED");
  });

  it('"el Director podrá delegar a quien considere oportuno" the activity of the Departamento técnico pedagógico: the review, never the signature (docs/decisions/0015)', () => {
    expect(DELEGABLE_ROLES).toEqual(["DIDEDUC_REVIEWER"]);
  });
});
