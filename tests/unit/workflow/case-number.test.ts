import { describe, expect, it } from "vitest";
import { caseNumberYear, formatCaseNumber } from "@/lib/cases/next-case-number";

describe("case numbers", () => {
  it("are PREFIX-YYYY-NNNNNN", () => {
    expect(formatCaseNumber("EE", 2026, 123)).toBe("EE-2026-000123");
    expect(formatCaseNumber("RT", 2027, 1)).toBe("RT-2027-000001");
    expect(formatCaseNumber("TA", 2026, 1_234_567)).toBe("TA-2026-1234567");
  });

  it("take the year in Guatemala's time zone (UTC−6)", () => {
    expect(caseNumberYear(new Date("2027-01-01T05:59:59Z"))).toBe(2026);
    expect(caseNumberYear(new Date("2027-01-01T06:00:00Z"))).toBe(2027);
  });
});
