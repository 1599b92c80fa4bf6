import { describe, expect, it } from "vitest";
import { MAX_MONTHS, parseStatsFilter, periodMonths } from "@/lib/stats/stats-filter";

const NOW = new Date("2026-12-07T15:00:00Z");

describe("the statistics period longer than MAX_MONTHS", () => {
  it("is cut to its last MAX_MONTHS months and said as a notice next to «Desde», not as an error", () => {
    const parsed = parseStatsFilter({ desde: "2020-01", hasta: "2026-12" }, NOW);
    expect(parsed.filter.period).toMatchObject({ desde: "2024-01", hasta: "2026-12" });
    expect(periodMonths(parsed.filter.period)).toHaveLength(MAX_MONTHS);
    expect(parsed.notices).toEqual({ desde: `El período se limitó a ${MAX_MONTHS} meses: desde 2024-01.` });
    // Nothing the person typed was wrong: no field is marked invalid.
    expect(parsed.fieldErrors).toEqual({});
  });

  it("says nothing for a period of exactly MAX_MONTHS months", () => {
    const parsed = parseStatsFilter({ desde: "2024-01", hasta: "2026-12" }, NOW);
    expect(parsed.filter.period).toMatchObject({ desde: "2024-01", hasta: "2026-12" });
    expect(parsed.notices).toEqual({});
  });

  it("keeps a real error and the notice apart", () => {
    const parsed = parseStatsFilter({ desde: "2019-01", hasta: "2026-12", tramite: "NADA" }, NOW);
    expect(parsed.fieldErrors).toEqual({ tramite: "Trámite desconocido." });
    expect(parsed.notices).toEqual({ desde: `El período se limitó a ${MAX_MONTHS} meses: desde 2024-01.` });
  });
});
