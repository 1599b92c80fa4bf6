import { describe, expect, it } from "vitest";
import { MAX_SERVER_WORKERS, readServerWorkers } from "@/lib/http/read-server-workers";

const PG = "postgresql://app@db.internal:5432/certifica";

describe("SERVER_WORKERS (scripts/serve.mts)", () => {
  it("is one process when unset or blank, on either database", () => {
    expect(readServerWorkers({ DATABASE_URL: PG })).toEqual({ ok: true, workers: 1 });
    expect(readServerWorkers({ SERVER_WORKERS: "  " })).toEqual({ ok: true, workers: 1 });
    expect(readServerWorkers({ SERVER_WORKERS: "1", DATABASE_URL: "pglite:.data/pglite" })).toEqual({ ok: true, workers: 1 });
  });

  it("takes a whole number of processes on PostgreSQL", () => {
    expect(readServerWorkers({ SERVER_WORKERS: "2", DATABASE_URL: PG })).toEqual({ ok: true, workers: 2 });
    expect(readServerWorkers({ SERVER_WORKERS: ` ${MAX_SERVER_WORKERS} `, DATABASE_URL: PG })).toEqual({ ok: true, workers: MAX_SERVER_WORKERS });
  });

  it("refuses what is not a whole number from 1 to the maximum, saying what it got", () => {
    for (const raw of ["0", "-2", "2.5", "dos", "1e1", String(MAX_SERVER_WORKERS + 1)]) {
      const r = readServerWorkers({ SERVER_WORKERS: raw, DATABASE_URL: PG });
      expect(r.ok, raw).toBe(false);
      if (!r.ok) expect(r.message).toContain(`«${raw}»`);
    }
  });

  it("refuses more than one on the embedded database, which admits one server process, also by default", () => {
    for (const DATABASE_URL of [undefined, "", "pglite:/srv/data"]) {
      const r = readServerWorkers({ SERVER_WORKERS: "2", DATABASE_URL });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/necesita PostgreSQL/);
    }
  });

  it("says what is wrong with a DATABASE_URL it cannot read instead of throwing", () => {
    const r = readServerWorkers({ SERVER_WORKERS: "2", DATABASE_URL: "mysql://x" });
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/DATABASE_URL no reconocida/) });
  });
});
