import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createPrisma } from "@/lib/db/create-prisma";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { countBacklogByAge } from "@/lib/stats/count-backlog-by-age";
import { computeOutcomeRates } from "@/lib/stats/compute-outcome-rates";
import { countCaseVolumes } from "@/lib/stats/count-case-volumes";
import { loadStatsTables } from "@/lib/stats/load-stats-tables";
import { measureStageTimes } from "@/lib/stats/measure-stage-times";
import { resolveStatsScope } from "@/lib/stats/resolve-stats-scope";
import { statsTableCsv } from "@/lib/stats/respond-stats-csv";
import { monthStart, parseStatsFilter, type TStatsFilter } from "@/lib/stats/stats-filter";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { NOW, at, buildStatsWorld, type TStatsWorld } from "./stats-dataset";

// Issue #14 §2, the management dashboards' SQL on PostgreSQL over a small history placed by hand
// (tests/integration/stats/stats-dataset.ts): the period is May–June 2026.
let tdb: TTestDatabase;
let w: TStatsWorld;
const opts = () => ({ db: tdb.prisma });
const period = (extra: Record<string, string> = {}) => parseStatsFilter({ desde: "2026-05", hasta: "2026-06", ...extra }, NOW).filter;
const pick = <T extends Record<string, unknown>>(rows: T[], keys: (keyof T)[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

beforeAll(async () => {
  tdb = await createTestDatabase();
  w = await buildStatsWorld(tdb.prisma);
});
afterAll(async () => {
  await tdb?.drop();
});

describe("volumes", () => {
  it("per month: received, issued, rejected and in progress at each month's end", async () => {
    const rows = await countCaseVolumes(period(), "month", opts());
    expect(pick(rows, ["key", "received", "issued", "rejected", "inProgress"])).toEqual([
      { key: "2026-05", received: 2, issued: 1, rejected: 1, inProgress: 1 },
      { key: "2026-06", received: 3, issued: 0, rejected: 1, inProgress: 3 },
    ]);
  });

  it("per procedure, every procedure listed (in progress: at the period's end)", async () => {
    const rows = await countCaseVolumes(period(), "procedure", opts());
    const of = Object.fromEntries(rows.map((r) => [r.key, [r.received, r.issued, r.rejected, r.inProgress]]));
    expect(of).toEqual({
      EDUCATIONAL_RECORD: [3, 1, 1, 2],
      GRADUATION_RECORD: [0, 0, 0, 0],
      DIPLOMA_BEFORE_2005: [1, 0, 0, 1],
      DIPLOMA_FROM_2005: [0, 0, 0, 0],
      SWORN_TRANSLATION: [1, 0, 1, 0],
      TRANSLATOR_REGISTRATION: [0, 0, 0, 0],
    });
  });

  it("per DIDEDUC, with the cases of no DIDEDUC apart", async () => {
    const rows = await countCaseVolumes(period(), "dideduc", opts());
    expect(pick(rows, ["label", "received", "issued", "rejected", "inProgress"])).toEqual([
      { label: "Guatemala Norte", received: 3, issued: 1, rejected: 1, inProgress: 2 },
      { label: "Planta Central (sin Dirección Departamental)", received: 1, issued: 0, rejected: 1, inProgress: 0 },
      { label: "Quetzaltenango", received: 1, issued: 0, rejected: 0, inProgress: 1 },
    ]);
  });

  it("the procedure and DIDEDUC filters narrow the counts", async () => {
    const ta = await countCaseVolumes(period({ tramite: "DIPLOMA_BEFORE_2005" }), "month", opts());
    expect(ta.map((r) => r.received)).toEqual([0, 1]);
    const xela = await countCaseVolumes(period({ dideduc: w.xela }), "month", opts());
    expect(xela.map((r) => [r.received, r.inProgress])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});

describe("time per stage", () => {
  it("median and 90th percentile (percentile_cont) of the stays begun in the period and ended", async () => {
    const rows = await measureStageTimes(period(), opts());
    const of = Object.fromEntries(rows.map((r) => [r.stage, [r.count, r.medianDays, r.p90Days]]));
    // Review: 2, 4, 2 (B again after its correction), 6, 8 days; central: 4, 21 (ended after the period), 1.
    expect(of.DIDEDUC_REVIEW[0]).toBe(5);
    expect(of.DIDEDUC_REVIEW[1]).toBeCloseTo(4, 6);
    expect(of.DIDEDUC_REVIEW[2]).toBeCloseTo(7.2, 6);
    expect(of.NEEDS_CORRECTION).toEqual([1, 10, 10]);
    expect(of.DIDEDUC_SIGNATURE).toEqual([2, 1, 1]);
    expect(of.CENTRAL_REVIEW[1]).toBeCloseTo(4, 6);
    expect(of.CENTRAL_REVIEW[2]).toBeCloseTo(17.6, 6);
    expect(of.MANAGER_REVIEW).toEqual([0, null, null]);
  });

  it("for one DIDEDUC, only its cases' stays", async () => {
    const rows = await measureStageTimes(period({ dideduc: w.gn }), opts());
    const review = rows.find((r) => r.stage === "DIDEDUC_REVIEW")!;
    expect(review.count).toBe(4);
    expect(review.medianDays).toBeCloseTo(3, 6);
    expect(review.p90Days).toBeCloseTo(5.4, 6);
    expect(rows.find((r) => r.stage === "CENTRAL_REVIEW")!.count).toBe(1);
  });
});

describe("correction and rejection rates", () => {
  it("sent to correction over received; rejected over decided (issued or rejected)", async () => {
    const rows = await computeOutcomeRates(period(), opts());
    const of = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(pick([of.EDUCATIONAL_RECORD], ["received", "sentToCorrection", "correctionRate", "decided", "rejected", "rejectionRate"])).toEqual([
      { received: 3, sentToCorrection: 2, correctionRate: 66.7, decided: 2, rejected: 1, rejectionRate: 50 },
    ]);
    expect(of.DIPLOMA_BEFORE_2005.rejectionRate).toBeNull();
    expect(of.SWORN_TRANSLATION.rejectionRate).toBe(100);
    expect(pick([of.ALL], ["received", "sentToCorrection", "correctionRate", "decided", "rejected", "rejectionRate"])).toEqual([
      { received: 5, sentToCorrection: 2, correctionRate: 40, decided: 3, rejected: 2, rejectionRate: 66.7 },
    ]);
  });
});

describe("backlog by age", () => {
  it("the requests open today, by days since submission and stage; the period does not apply", async () => {
    const rows = await countBacklogByAge(period(), { ...opts(), now: NOW });
    expect(rows.map((r) => [r.key, r.total])).toEqual([
      ["0-7", 1],
      ["8-15", 0],
      ["16-30", 0],
      ["31-60", 1],
      ["61+", 1],
    ]);
    expect(rows[0].byStage.DIDEDUC_REVIEW).toBe(1);
    expect(rows[3].byStage.DIDEDUC_SIGNATURE).toBe(1);
    expect(rows[4].byStage.NEEDS_CORRECTION).toBe(1);
  });
});

describe("who sees what", () => {
  it("the Encargado and coordination see every DIDEDUC and may filter one", () => {
    for (const who of ["manager", "coordinator"]) {
      const scope = resolveStatsScope(w.users[who], "atencion", period({ dideduc: w.xela }));
      expect(scope).toMatchObject({ ok: true, central: true, filter: { dideducId: w.xela } });
    }
  });

  it("a director sees only their DIDEDUC, whatever the URL asks", async () => {
    const scope = resolveStatsScope(w.users.directorGN, "direccion", period({ dideduc: w.xela }));
    expect(scope).toMatchObject({ ok: true, central: false, filter: { dideducId: w.gn } });
    if (!scope.ok) throw new Error("refused");
    const tables = await loadStatsTables(scope.filter, scope.central, { ...opts(), now: NOW });
    expect(tables.map((t) => t.id)).not.toContain("dideduc");
    const monthly = tables.find((t) => t.id === "mensual")!;
    expect(monthly.rows.map((r) => r.received)).toEqual([2, 1]);
  });

  it("assistants, reviewers, citizens and the signed-out are refused; a director is refused the central dashboard", () => {
    expect(resolveStatsScope(w.users.assistant, "atencion", period()).ok).toBe(false);
    expect(resolveStatsScope(w.users.reviewerGN, "direccion", period()).ok).toBe(false);
    expect(resolveStatsScope(w.users.citizen, "atencion", period()).ok).toBe(false);
    expect(resolveStatsScope(null, "direccion", period()).ok).toBe(false);
    expect(resolveStatsScope(w.users.directorGN, "atencion", period()).ok).toBe(false);
    expect(resolveStatsScope(w.users.manager, "direccion", period()).ok).toBe(false);
    expect(resolveStatsScope({ ...w.users.directorGN, dideducId: null }, "direccion", period()).ok).toBe(false);
  });
});

describe("tables and CSV", () => {
  it("every table's CSV has the page's headers and the same numbers; the SLA table waits for its targets", async () => {
    const tables = await loadStatsTables(period(), true, { ...opts(), now: NOW });
    expect(tables.map((t) => t.id)).toEqual(["mensual", "tramites", "dideduc", "etapas", "tasas", "antiguedad", "sla"]);
    const csv = statsTableCsv(tables[0]);
    expect(csv.split("\n").slice(0, 3)).toEqual(["\uFEFFMes,Recibidas,Emitidas,Rechazadas,En trámite al cierre", "2026-05,2,1,1,1", "2026-06,3,0,1,3"]);
    expect(tables.find((t) => t.id === "sla")!.unavailable).toMatch(/plazos de servicio/);
  });

  it("filters from the URL: bad months are reported and ignored; the default is the last 6 months", () => {
    const bad = parseStatsFilter({ desde: "2026-13", tramite: "NADA" }, NOW);
    expect(bad.fieldErrors).toMatchObject({ desde: "Use el formato AAAA-MM.", tramite: "Trámite desconocido." });
    expect(bad.filter.period).toMatchObject({ desde: "2026-02", hasta: "2026-07" });
    const f: TStatsFilter = parseStatsFilter({ desde: "2026-05", hasta: "2026-05" }, NOW).filter;
    expect(f.period.from.toISOString()).toBe("2026-05-01T06:00:00.000Z");
    expect(f.period.to.toISOString()).toBe("2026-06-01T06:00:00.000Z");
  });
});

// `npm start` runs on the embedded PGlite: the same SQL (percentile_cont, window functions, FILTER).
it("gives the same numbers on the embedded PGlite", { timeout: 180_000 }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-stats-pglite-"));
  const { prisma, handle, close } = createPrisma(`pglite:${path.join(root, "db")}`);
  try {
    await applyMigrations(handle.factory);
    const world = await buildStatsWorld(prisma as PrismaClient);
    const tables = await loadStatsTables(period(), true, { db: prisma as PrismaClient, now: NOW });
    const pgTables = await loadStatsTables(period(), true, { ...opts(), now: NOW });
    const strip = (ts: typeof tables) => JSON.stringify(ts.map((t) => t.rows.map((r) => ({ ...r, key: t.id === "dideduc" ? null : r.key }))));
    expect(world.gn).toBeTruthy();
    expect(strip(tables)).toBe(strip(pgTables));
  } finally {
    await close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// Issue #14 §2 "SLA compliance", with the service levels of decision 0022: a stay is within its
// target when it ended on or before the due date (business days after the day it began, Monday to
// Friday minus the holidays table), the rule the queues' «Vencida» follows.
describe("service-level compliance", () => {
  it("per procedure and stage with a target: stays begun in the period and ended, how many on time; a holiday moves a due date", async () => {
    const db = tdb.prisma;
    const sla = async (extra: Record<string, string> = {}) => (await loadStatsTables(period(extra), true, { ...opts(), now: NOW, only: "sla" }))[0];
    try {
      await db.serviceLevelTarget.createMany({
        data: [
          { procedure: "EDUCATIONAL_RECORD", state: "DIDEDUC_REVIEW", businessDays: 3 },
          { procedure: "EDUCATIONAL_RECORD", state: "CENTRAL_REVIEW", businessDays: 3 },
        ],
      });
      // D.1.1 review: A (Sun 3 May → Tue 5, due Wed 6: on time), B (Mon 4 → Fri 8, due Thu 7: late;
      // again Mon 18 → Wed 20, due Thu 21: on time), D (Xela, Tue 2 Jun → Wed 10, due Fri 5: late).
      // Central review: A (Wed 6 May → Sun 10, due Mon 11: on time), D (Thu 11 Jun → 2 Jul, due Tue 16: late).
      const table = await sla();
      expect(table.unavailable).toBeUndefined();
      expect(pick(table.rows as Record<string, unknown>[], ["key", "targetDays", "measured", "withinTarget", "complianceRate"])).toEqual([
        { key: "EDUCATIONAL_RECORD:DIDEDUC_REVIEW", targetDays: 3, measured: 4, withinTarget: 2, complianceRate: 50 },
        { key: "EDUCATIONAL_RECORD:CENTRAL_REVIEW", targetDays: 3, measured: 2, withinTarget: 1, complianceRate: 50 },
      ]);
      // One DIDEDUC: Quetzaltenango's late review is not Guatemala Norte's.
      expect((await sla({ dideduc: w.gn })).rows.map((r) => [r.key, r.measured, r.withinTarget])).toEqual([
        ["EDUCATIONAL_RECORD:DIDEDUC_REVIEW", 3, 2],
        ["EDUCATIONAL_RECORD:CENTRAL_REVIEW", 1, 1],
      ]);
      // A holiday on Tuesday 5 May pushes B's first due date to Friday 8: on time.
      await db.holiday.create({ data: { date: new Date("2026-05-05T00:00:00Z"), name: "Asueto de prueba" } });
      expect((await sla()).rows.map((r) => [r.key, r.withinTarget, r.complianceRate])).toEqual([
        ["EDUCATIONAL_RECORD:DIDEDUC_REVIEW", 3, 75],
        ["EDUCATIONAL_RECORD:CENTRAL_REVIEW", 1, 50],
      ]);
    } finally {
      await db.holiday.deleteMany({});
      await db.serviceLevelTarget.deleteMany({});
    }
  });
});

// The dashboards' SQL groups each case on the position of its dates among the period's month
// starts and on comparisons of its submission with precomputed instants, and tests each stay's
// end against the instant its due day ends (decision 0024, "Speed"): the edges, to the millisecond,
// fall where the months, ages and due days of Guatemala (UTC−6) put them. These cases and stays lie
// in September–October 2026, outside the May–June period of the tests above.
describe("edges of months, ages and due days", () => {
  const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

  it("a case belongs to the Guatemalan month of its instant: the first millisecond of a month is in it, the last one before is not; closing at the period's end is after it", async () => {
    const db = tdb.prisma;
    const sep = monthStart("2026-09");
    const oct = monthStart("2026-10");
    const nov = monthStart("2026-11");
    const mk = (n: number, state: "ISSUED" | "REJECTED", submittedAt: Date, closedAt: Date) =>
      db.case.create({ data: { number: `ZZ-2026-80000${n}`, procedure: "GRADUATION_RECORD", state, applicantId: w.users.citizen.id, submittedAt, createdAt: submittedAt, closedAt } });
    const made = [
      // Received at the first instant of September, issued at the first instant of October.
      await mk(1, "ISSUED", sep, oct),
      // Received at the last millisecond of August (before the period), rejected in September.
      await mk(2, "REJECTED", ms(sep, -1), ms(sep, 14 * 86_400_000)),
      // Received at the last millisecond of October, issued at the period's end: open at its end.
      await mk(3, "ISSUED", ms(nov, -1), nov),
    ];
    try {
      const f = parseStatsFilter({ desde: "2026-09", hasta: "2026-10", tramite: "GRADUATION_RECORD" }, NOW).filter;
      expect(pick(await countCaseVolumes(f, "month", opts()), ["key", "received", "issued", "rejected", "inProgress"])).toEqual([
        { key: "2026-09", received: 1, issued: 0, rejected: 1, inProgress: 1 },
        { key: "2026-10", received: 1, issued: 1, rejected: 0, inProgress: 1 },
      ]);
      expect(pick(await countCaseVolumes(f, "procedure", opts()), ["key", "received", "issued", "rejected", "inProgress"])).toEqual([
        { key: "GRADUATION_RECORD", received: 2, issued: 1, rejected: 1, inProgress: 1 },
      ]);
    } finally {
      await db.case.deleteMany({ where: { id: { in: made.map((c) => c.id) } } });
    }
  });

  it("a backlog age of exactly 8 (or 61) days is in the next bucket; a millisecond less, in the one before", async () => {
    // I was submitted on July 12 at noon UTC, C on June 1 (both still open).
    const ages = async (now: Date) => Object.fromEntries((await countBacklogByAge(period(), { ...opts(), now })).map((r) => [r.key, r.total]));
    expect(await ages(at(7, 20))).toEqual({ "0-7": 0, "8-15": 1, "16-30": 0, "31-60": 1, "61+": 1 });
    expect(await ages(ms(at(7, 20), -1))).toEqual({ "0-7": 1, "8-15": 0, "16-30": 0, "31-60": 1, "61+": 1 });
    expect(await ages(at(8, 1))).toEqual({ "0-7": 0, "8-15": 0, "16-30": 1, "31-60": 0, "61+": 2 });
    expect(await ages(ms(at(8, 1), -1))).toEqual({ "0-7": 0, "8-15": 0, "16-30": 1, "31-60": 1, "61+": 1 });
  });

  it('"plazos de servicio": a stay that ends in the last millisecond of its due day (Guatemala) is on time; one that ends at the next midnight is late', async () => {
    const db = tdb.prisma;
    // Central review begun on Tuesday 1 September 2026; 3 business days: due Friday 4 September,
    // which ends at 06:00 UTC on Saturday 5.
    const began = at(9, 1);
    const endOfDue = new Date("2026-09-05T06:00:00.000Z");
    let n = 0;
    for (const ended of [ms(endOfDue, -1), endOfDue]) {
      n += 1;
      const c = await db.case.create({ data: { number: `ZZ-2026-81000${n}`, procedure: "SWORN_TRANSLATION", state: "ISSUED", applicantId: w.users.citizen.id, submittedAt: began, createdAt: began, closedAt: ended } });
      const context = { procedure: "SWORN_TRANSLATION" as const, dideducId: null };
      await appendAuditEvent(db, { data: { caseId: c.id, action: "test", fromState: "DRAFT", toState: "CENTRAL_REVIEW", createdAt: began, stageEnteredAt: null, ...context } });
      await appendAuditEvent(db, { data: { caseId: c.id, action: "test", fromState: "CENTRAL_REVIEW", toState: "ISSUED", createdAt: ended, stageEnteredAt: began, ...context } });
    }
    await db.serviceLevelTarget.create({ data: { procedure: "SWORN_TRANSLATION", state: "CENTRAL_REVIEW", businessDays: 3 } });
    try {
      const f = parseStatsFilter({ desde: "2026-09", hasta: "2026-10", tramite: "SWORN_TRANSLATION" }, NOW).filter;
      const [sla] = await loadStatsTables(f, true, { ...opts(), now: NOW, only: "sla" });
      expect(pick(sla.rows as Record<string, unknown>[], ["key", "measured", "withinTarget", "complianceRate"])).toEqual([
        { key: "SWORN_TRANSLATION:CENTRAL_REVIEW", measured: 2, withinTarget: 1, complianceRate: 50 },
      ]);
      // Their stage time: both stays last 3 days and 18 hours, one of them a millisecond less.
      const central = (await measureStageTimes(f, opts())).find((r) => r.stage === "CENTRAL_REVIEW");
      expect(central?.count).toBe(2);
      expect(central?.medianDays).toBeCloseTo(3.75, 6);
    } finally {
      await db.serviceLevelTarget.deleteMany({});
    }
  });
});
