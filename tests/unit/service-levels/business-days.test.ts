import { describe, expect, it } from "vitest";
import { addBusinessDays, businessDaysBetween, guatemalaDate, holidaySet, isBusinessDay, serviceLevelStatus, subtractBusinessDays } from "@/lib/service-levels/business-days";
import { GUATEMALA_HOLIDAYS } from "@/lib/service-levels/default-service-levels";
import { listServiceLevelStages } from "@/lib/service-levels/service-level-stages";

const none = holidaySet([]);
const official = holidaySet(GUATEMALA_HOLIDAYS);
// Noon in Guatemala (UTC−6) of a calendar day.
const at = (day: string, time = "12:00") => new Date(`${day}T${time}:00-06:00`);

describe("business days (Monday–Friday minus holidays, America/Guatemala)", () => {
  it("weekends are not business days; weekdays are", () => {
    expect(isBusinessDay("2026-12-05", none)).toBe(false); // Saturday
    expect(isBusinessDay("2026-12-06", none)).toBe(false); // Sunday
    expect(isBusinessDay("2026-12-07", none)).toBe(true); // Monday
  });

  it("a holiday on a weekday is not a business day, and only while it is in the table", () => {
    expect(isBusinessDay("2026-09-15", official)).toBe(false);
    expect(isBusinessDay("2026-09-15", none)).toBe(true);
  });

  it("counts business days after the start up to and including the end, skipping weekends", () => {
    // Friday → Monday: one business day.
    expect(businessDaysBetween("2026-12-04", "2026-12-07", none)).toBe(1);
    expect(businessDaysBetween("2026-12-04", "2026-12-05", none)).toBe(0);
    expect(businessDaysBetween("2026-12-07", "2026-12-07", none)).toBe(0);
    expect(businessDaysBetween("2026-12-07", "2026-12-01", none)).toBe(0);
  });

  it("Holy Week 2026 (Thursday 2 and Friday 3 April) is skipped", () => {
    // Wednesday 1 April + 1 business day = Monday 6 April.
    expect(addBusinessDays("2026-04-01", 1, official)).toBe("2026-04-06");
    expect(businessDaysBetween("2026-04-01", "2026-04-06", official)).toBe(1);
    // Holy Week 2027: Thursday 25 and Friday 26 March.
    expect(addBusinessDays("2027-03-24", 1, official)).toBe("2027-03-29");
  });

  it("the half days of 24 and 31 December count as whole days off (decision 0022)", () => {
    const halfDays = GUATEMALA_HOLIDAYS.filter((h) => h.halfDay).map((h) => h.date);
    expect(halfDays).toEqual(["2026-12-24", "2026-12-31", "2027-12-24", "2027-12-31"]);
    // Wednesday 23 Dec 2026 + 1 = Monday 28 (24 half day, 25 holiday, weekend).
    expect(addBusinessDays("2026-12-23", 1, official)).toBe("2026-12-28");
    // Wednesday 30 Dec 2026 + 1 = Monday 4 Jan 2027 (31 half day, 1 Jan holiday).
    expect(addBusinessDays("2026-12-30", 1, official)).toBe("2027-01-04");
  });

  it("seeds every official holiday named in the brief for 2026 and 2027", () => {
    for (const year of [2026, 2027]) {
      for (const md of ["01-01", "05-01", "06-30", "09-15", "10-20", "11-01", "12-24", "12-25", "12-31"]) expect(official.has(`${year}-${md}`)).toBe(true);
    }
    expect(["2026-04-02", "2026-04-03", "2026-04-04", "2027-03-25", "2027-03-26", "2027-03-27"].every((d) => official.has(d))).toBe(true);
  });

  it("the calendar day is Guatemala's (UTC−6), not the server's or UTC's", () => {
    // 23:30 on Friday in Guatemala is already Saturday 05:30 UTC.
    expect(guatemalaDate(new Date("2026-12-05T05:30:00Z"))).toBe("2026-12-04");
    expect(guatemalaDate(new Date("2026-12-05T06:00:00Z"))).toBe("2026-12-05");
  });
});

describe("serviceLevelStatus", () => {
  it("no target, or no stage start: no status", () => {
    expect(serviceLevelStatus(at("2026-12-01"), null, none, at("2026-12-20"))).toBeNull();
    expect(serviceLevelStatus(null, 5, none, at("2026-12-20"))).toBeNull();
  });

  it("on time while more than one business day is left", () => {
    // Monday 30 Nov + 5 = Monday 7 Dec; on Wednesday 2 Dec there are 3 left.
    const s = serviceLevelStatus(at("2026-11-30"), 5, none, at("2026-12-02"));
    expect(s).toEqual({ state: "ON_TIME", dueDate: "2026-12-07", elapsed: 2, target: 5 });
  });

  it('"Por vencer" on the business day before the due date and on the due date itself', () => {
    expect(serviceLevelStatus(at("2026-11-30"), 5, none, at("2026-12-04"))?.state).toBe("DUE_SOON");
    // Over the weekend the due Monday is the next business day.
    expect(serviceLevelStatus(at("2026-11-30"), 5, none, at("2026-12-05"))?.state).toBe("DUE_SOON");
    expect(serviceLevelStatus(at("2026-11-30"), 5, none, at("2026-12-07", "23:59"))?.state).toBe("DUE_SOON");
  });

  it('"Vencida" from the first day after the due date, in Guatemala time', () => {
    const s = serviceLevelStatus(at("2026-11-30"), 5, none, at("2026-12-08", "00:01"));
    expect(s?.state).toBe("OVERDUE");
    expect(s?.elapsed).toBe(6);
    // 23:59 on the due date in Guatemala is already the next day in UTC: still not overdue.
    expect(serviceLevelStatus(at("2026-11-30"), 5, none, new Date("2026-12-08T05:59:00Z"))?.state).toBe("DUE_SOON");
  });

  it("a holiday pushes the due date (Independence Day, Tuesday 15 Sep 2026)", () => {
    // Monday 14 Sep + 2 = Wednesday 16 without holidays, Thursday 17 with them.
    expect(serviceLevelStatus(at("2026-09-14"), 2, none, at("2026-09-14"))?.dueDate).toBe("2026-09-16");
    expect(serviceLevelStatus(at("2026-09-14"), 2, official, at("2026-09-14"))?.dueDate).toBe("2026-09-17");
    expect(serviceLevelStatus(at("2026-09-14"), 2, official, at("2026-09-17"))?.state).toBe("DUE_SOON");
    expect(serviceLevelStatus(at("2026-09-14"), 2, none, at("2026-09-17"))?.state).toBe("OVERDUE");
  });
});

describe("service-level stages come from the workflow definitions", () => {
  const stages = listServiceLevelStages();
  const has = (procedure: string, state: string) => stages.some((s) => s.procedure === procedure && s.state === state);

  it("D.1.1's DIDEDUC review, DIDEDUC signature and central review wait on staff", () => {
    expect(has("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW")).toBe(true);
    expect(has("EDUCATIONAL_RECORD", "DIDEDUC_SIGNATURE")).toBe(true);
    expect(has("EDUCATIONAL_RECORD", "CENTRAL_REVIEW")).toBe(true);
    expect(has("TRANSLATOR_REGISTRATION", "MANAGER_REVIEW")).toBe(true);
  });

  it("a correction waits on the applicant, and final states wait on no one: no target", () => {
    expect(stages.some((s) => ["NEEDS_CORRECTION", "DRAFT", "ISSUED", "REJECTED", "REVOKED"].includes(s.state))).toBe(false);
  });
});

describe("subtractBusinessDays (the demo data's filing dates)", () => {
  it("walks back over weekends and holidays", () => {
    // Monday 7 Dec 2026 − 1 = Friday 4 Dec; Monday 4 Jan 2027 − 1 = Wednesday 30 Dec 2026 (31 Dec and 1 Jan off).
    expect(subtractBusinessDays("2026-12-07", 1, official)).toBe("2026-12-04");
    expect(subtractBusinessDays("2027-01-04", 1, official)).toBe("2026-12-30");
    expect(subtractBusinessDays("2026-12-07", 0, official)).toBe("2026-12-07");
  });
});
