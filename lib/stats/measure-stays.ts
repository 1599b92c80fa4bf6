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
// stage times and the service-level compliance (docs/decisions/0024). transition() writes one event
// per state change, carrying when the state it leaves was entered (the previous state change) and
// the case's procedure and DIDEDUC: a stay is one event, read off the partial index
// "AuditEvent_stays_idx" (index-only), with no window over each case's events and no join with the
// cases. At a million cases that took the central dashboard from 1.4 s to about a third of it.
// - Due dates (decision 0022): the target's business days after the day the stay began, in
//   Guatemala, Monday to Friday minus the holidays table, as the queues' «Vencida» counts them
//   (lib/service-levels/business-days.ts). A calendar numbers the business days, and the due day
//   of each (start day, number of days) pair is computed once, so each stay's is a hash lookup.
// - One pass, grouped twice (GROUPING SETS): per stage for the stage times, per procedure and
//   stage for the compliance table; both percentiles come from one sort per group.
export async function measureStays(f: TStatsFilter, options: TDbOptions = {}): Promise<TStayAggregate[]> {
  const db = await dbOf(options);
  const { from, to } = f.period;
  const stages = Prisma.join(STAGES.map((s) => Prisma.sql`${s}::"CaseState"`));
  // From the period's first day to well past any due date of a stay that began in it.
  const calendarFrom = new Date(from.getTime() - 2 * 86_400_000);
  const calendarTo = new Date(Math.max(to.getTime(), Date.now()) + 800 * 86_400_000);
  const rows = await db.$queryRaw<{ procedure: Procedure | null; stage: CaseState; n: bigint; pct: number[]; within: bigint | null }[]>`
    WITH cal AS (
      SELECT day, business, sum(business::int) OVER (ORDER BY day) AS cum
      FROM (
        SELECT d::date AS day, extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM "Holiday" h WHERE h."date" = d::date) AS business
        FROM generate_series(${calendarFrom}::date, ${calendarTo}::date, interval '1 day') d
      ) days
    ),
    dues AS (
      SELECT started.day, n.days, min(due.day) AS due
      FROM cal started
      CROSS JOIN (SELECT DISTINCT "businessDays" AS days FROM "ServiceLevelTarget") n
      JOIN cal due ON due.business AND due.cum = started.cum + n.days
      WHERE started.day <= ${to}::date
      GROUP BY started.day, n.days
    ),
    measured AS (
      SELECT e."procedure", e."fromState" AS stage, extract(epoch FROM e."createdAt" - e."stageEnteredAt")::float8 AS secs,
        t."businessDays" IS NOT NULL AS targeted, (e."createdAt" - interval '6 hours')::date <= d.due AS within
      FROM "AuditEvent" e
      LEFT JOIN "ServiceLevelTarget" t ON t."procedure" = e."procedure" AND t."state" = e."fromState"
      LEFT JOIN dues d ON d.days = t."businessDays" AND d.day = (e."stageEnteredAt" - interval '6 hours')::date
      WHERE e."stageEnteredAt" >= ${from} AND e."stageEnteredAt" < ${to} AND e."fromState" IN (${stages}) AND ${caseScopeSql(f, "e")}
    )
    SELECT CASE WHEN GROUPING("procedure") = 0 THEN "procedure" END AS "procedure", stage, count(*) AS n,
      percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY secs) AS pct,
      CASE WHEN bool_or(targeted) THEN count(*) FILTER (WHERE within) END AS within
    FROM measured
    GROUP BY GROUPING SETS ((stage), ("procedure", stage))`;
  return rows.map((r) => ({
    procedure: r.procedure,
    stage: r.stage,
    n: Number(r.n),
    medianDays: r.pct[0] / 86_400,
    p90Days: r.pct[1] / 86_400,
    withinTarget: r.within === null ? null : Number(r.within),
  }));
}
