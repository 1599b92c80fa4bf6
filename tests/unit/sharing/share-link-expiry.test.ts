import { describe, expect, it } from "vitest";
import { computeShareLinkExpiry, shareLinkDateBounds, shareLinkState, ZShareLinkFields } from "@/lib/sharing/share-link-policy";
import { shareLinkUrl } from "@/lib/sharing/share-link-url";

const DAY = 24 * 60 * 60 * 1000;
// 10:00 on 15 March 2027 in Guatemala (UTC-6).
const NOW = new Date("2027-03-15T16:00:00Z");

describe("share-link expiry", () => {
  it("offers 1, 7, 30 and 90 days from now, exactly", () => {
    for (const days of [1, 7, 30, 90]) {
      const r = computeShareLinkExpiry({ expiresIn: String(days) as "1" }, NOW);
      expect(r).toEqual({ ok: true, expiresAt: new Date(NOW.getTime() + days * DAY) });
    }
  });

  it("accepts a date from tomorrow to 90 days from today (Guatemala's calendar), ending at the end of that day there", () => {
    expect(shareLinkDateBounds(NOW)).toEqual({ min: "2027-03-16", max: "2027-06-13" });
    expect(computeShareLinkExpiry({ expiresIn: "date", expiresOn: "2027-03-16" }, NOW)).toEqual({ ok: true, expiresAt: new Date("2027-03-17T05:59:59.999Z") });
    expect(computeShareLinkExpiry({ expiresIn: "date", expiresOn: "2027-06-13" }, NOW)).toEqual({ ok: true, expiresAt: new Date("2027-06-14T05:59:59.999Z") });
    // 23:30 in Guatemala is already the 15th there, while UTC says the 16th: tomorrow is still the 16th.
    const lateEvening = new Date("2027-03-16T05:30:00Z");
    expect(shareLinkDateBounds(lateEvening).min).toBe("2027-03-16");
  });

  it("refuses today, the past, day 91 and dates that do not exist, on the date field", () => {
    for (const expiresOn of ["2027-03-15", "2026-12-31", "2027-06-14", "2027-02-30", "15/03/2027", "", undefined]) {
      const r = computeShareLinkExpiry({ expiresIn: "date", expiresOn }, NOW);
      expect(r.ok, String(expiresOn)).toBe(false);
      if (!r.ok) expect(r.field).toBe("expiresOn");
    }
    const far = computeShareLinkExpiry({ expiresIn: "date", expiresOn: "2027-06-14" }, NOW);
    expect(far.ok ? null : far.message).toMatch(/como máximo 90 días: elija una fecha hasta el 13 de junio de 2027/);
  });

  it("refuses any other number of days: the form's schema and the domain both", () => {
    for (const expiresIn of ["0", "2", "91", "365", "-1", "1.5", ""]) {
      expect(ZShareLinkFields.safeParse({ label: "Universidad", expiresIn }).success, expiresIn).toBe(false);
      expect(computeShareLinkExpiry({ expiresIn: expiresIn as "1" }, NOW).ok, expiresIn).toBe(false);
    }
  });

  it("takes a label of 1 to 120 characters, trimmed, without hidden characters", () => {
    expect(ZShareLinkFields.parse({ label: "  Universidad de San Carlos  ", expiresIn: "7" }).label).toBe("Universidad de San Carlos");
    expect(ZShareLinkFields.safeParse({ label: "   ", expiresIn: "7" }).success).toBe(false);
    expect(ZShareLinkFields.safeParse({ label: "a".repeat(120), expiresIn: "7" }).success).toBe(true);
    expect(ZShareLinkFields.safeParse({ label: "a".repeat(121), expiresIn: "7" }).success).toBe(false);
    expect(ZShareLinkFields.safeParse({ label: "Universidad\u202Eabc", expiresIn: "7" }).success).toBe(false);
  });

  it("a link is active until its expiry, expired from then on; revoked wins", () => {
    const link = { expiresAt: new Date(NOW.getTime() + DAY), revokedAt: null };
    expect(shareLinkState(link, NOW)).toBe("active");
    expect(shareLinkState(link, new Date(NOW.getTime() + DAY - 1))).toBe("active");
    expect(shareLinkState(link, new Date(NOW.getTime() + DAY))).toBe("expired");
    expect(shareLinkState({ ...link, revokedAt: NOW }, NOW)).toBe("revoked");
    expect(shareLinkState({ ...link, revokedAt: NOW }, new Date(NOW.getTime() + 2 * DAY))).toBe("revoked");
  });

  it("builds the public address under APP_BASE_URL, path prefix included", () => {
    expect(shareLinkUrl("abc.DEF_-", "https://certifica.mineduc.gob.gt/app/")).toBe("https://certifica.mineduc.gob.gt/app/compartido/abc.DEF_-");
  });
});
