import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import type { TStatsFilter } from "./stats-filter";
import { caseScopeSql } from "./stats-sql";

// The stages a case waits in (someone's work, or the applicant's correction).
export const STAGES: readonly CaseState[] = ["DIDEDUC_REVIEW", "NEEDS_CORRECTION", "DIDEDUC_SIGNATURE", "CENTRAL_REVIEW", "MANAGER_REVIEW"];

// One stage's stays, over every procedure (procedure null) or one procedure's: how many, their
// median and 90th percentile in days, and how many ended by their due date (null without a target).
export type TStayAggregate = { procedure: Procedure | null; stage: CaseState; n: number; medianDays: number | null; p90Days: number | null; withinTarget: number | null };

// The stays that BEGAN in the period and have ended, read off the audit trail once for both the
// stage times and the service-level compliance (docs/decisions/0024): transition() writes one event
// per state change, so a stay runs from the event entering a state to the case's next
// state-changing event. Only events since the period's start are read (the partial index
// "AuditEvent_stats_transitions_idx").
// - The window partitions by case id under the "C" collation: byte order groups the same, and
//   sorting a quarter of a million ids under the database's locale (strcoll) took 7 times longer.
// - Due dates (decision 0022): the target's business days after the day the stay began, in
//   Guatemala, Monday to Friday minus the holidays table, as the queues' «Vencida» counts them
//   (lib/service-levels/business-days.ts). A calendar numbers the business days, so a due date is
//   a lookup, not a loop.
// - One pass, grouped twice (GROUPING SETS): per stage for the stage times, per procedure and
//   stage for the compliance table; the window over the stays is the costly part.
export async function measureStays(f: TStatsFilter, options: TDbOptions = {}): Promise<TStayAggregate[]> {
  const db = await dbOf(options);
  const { from, to } = f.period;
  const stages = Prisma.join(STAGES.map((s) => Prisma.sql`${s}::"CaseState"`));
  // From the period's first day to well past any due date of a stay that began in it.
  const calendarFrom = new Date(from.getTime() - 2 * 86_400_000);
  const calendarTo = new Date(Math.max(to.getTime(), Date.now()) + 800 * 86_400_000);
  const rows = await db.$queryRaw<{ procedure: Procedure | null; stage: CaseState; n: bigint; median: number | null; p90: number | null; within: bigint | null }[]>`
    WITH cal AS (
      SELECT day, business, sum(business::int) OVER (ORDER BY day) AS cum
      FROM (
        SELECT d::date AS day, extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM "Holiday" h WHERE h."date" = d::date) AS business
        FROM generate_series(${calendarFrom}::date, ${calendarTo}::date, interval '1 day') d
      ) days
    ),
    stays AS (
      SELECT c."procedure", e."toState" AS stage, e."createdAt" AS entered,
        lead(e."createdAt") OVER (PARTITION BY e."caseId" COLLATE "C" ORDER BY e."createdAt", e.id) AS ended
      FROM "AuditEvent" e JOIN "Case" c ON c.id = e."caseId" AND ${caseScopeSql(f)}
      WHERE e."toState" IS NOT NULL AND e."caseId" IS NOT NULL AND e."createdAt" >= ${from}
    ),
    measured AS (
      SELECT s."procedure", s.stage, extract(epoch FROM s.ended - s.entered)::float8 AS secs, t."businessDays" IS NOT NULL AS targeted,
        (s.ended - interval '6 hours')::date <= due.day AS within
      FROM stays s
      LEFT JOIN "ServiceLevelTarget" t ON t."procedure" = s."procedure" AND t."state" = s.stage
      LEFT JOIN cal started ON t."businessDays" IS NOT NULL AND started.day = (s.entered - interval '6 hours')::date
      LEFT JOIN cal due ON due.business AND due.cum = started.cum + t."businessDays"
      WHERE s.entered < ${to} AND s.ended IS NOT NULL AND s.stage IN (${stages})
    )
    SELECT CASE WHEN GROUPING("procedure") = 0 THEN "procedure" END AS "procedure", stage, count(*) AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) / 86400 AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY secs) / 86400 AS p90,
      CASE WHEN bool_or(targeted) THEN count(*) FILTER (WHERE within) END AS within
    FROM measured
    GROUP BY GROUPING SETS ((stage), ("procedure", stage))`;
  return rows.map((r) => ({
    procedure: r.procedure,
    stage: r.stage,
    n: Number(r.n),
    medianDays: r.median,
    p90Days: r.p90,
    withinTarget: r.within === null ? null : Number(r.within),
  }));
}
