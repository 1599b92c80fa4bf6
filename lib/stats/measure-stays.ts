import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import type { TStatsFilter } from "./stats-filter";
import { caseScopeSql } from "./stats-sql";

// The stages a case waits in (someone's work, or the applicant's correction).
export const STAGES: readonly CaseState[] = ["DIDEDUC_REVIEW", "NEEDS_CORRECTION", "DIDEDUC_SIGNATURE", "CENTRAL_REVIEW", "MANAGER_REVIEW"];

// One stage's stays, over every procedure (procedure null) or one procedure's: how many; over every
// procedure their median and 90th percentile in days (what the stage times show); per procedure how
// many ended by their due date (null without a target: what the compliance table shows).
export type TStayAggregate = { procedure: Procedure | null; stage: CaseState; n: number; medianDays: number | null; p90Days: number | null; withinTarget: number | null };

// The stays that BEGAN in the period and have ended, read off the audit trail once for both the
// stage times and the service-level compliance (docs/decisions/0024). transition() writes one event
// per state change, carrying when the state it leaves was entered (the previous state change) and
// the case's procedure and DIDEDUC: a stay is one event, read off the partial index
// "AuditEvent_stays_idx" (index-only), with no window over each case's events and no join with the
// cases. At a million cases that took the central dashboard from 1.4 s to about a third of it.
// - Due dates (decision 0022): the target's business days after the day the stay began, in
//   Guatemala, Monday to Friday minus the holidays table, as the queues' «Vencida» counts them
//   (lib/service-levels/business-days.ts). A calendar numbers the business days, and for each
//   target and start day the instant the due day ends is computed once, so each stay's is one hash
//   lookup and one comparison: `(createdAt − 6 h)::date <= due` is `createdAt < due + 1 day + 6 h`.
// - Speed (docs/decisions/0024, "Speed"): the compliance table needs counts per procedure and
//   stage, the stage times percentiles per stage only. So the stays are grouped ONCE per procedure
//   and stage by hashing (their lengths gathered in an array), and each stage's percentiles come
//   from one sort of its lengths. Before, GROUPING SETS sorted every stay on the two enum columns
//   (a function call per comparison) and then sorted its length twice, once per grouping: that
//   sort on enums was most of this query's time. percentile_cont is the same function on the same
//   values (`extract(epoch …)`), so the figures are the same to the last bit.
export async function measureStays(f: TStatsFilter, options: TDbOptions = {}): Promise<TStayAggregate[]> {
  const db = await dbOf(options);
  const { from, to } = f.period;
  const stages = Prisma.join(STAGES.map((s) => Prisma.sql`${s}::"CaseState"`));
  // From the period's first day to well past any due date of a stay that began in it.
  const calendarFrom = new Date(from.getTime() - 2 * 86_400_000);
  const calendarTo = new Date(Math.max(to.getTime(), Date.now()) + 800 * 86_400_000);
  const rows = await db.$queryRaw<{ procedure: Procedure | null; stage: CaseState; n: bigint; pct: number[] | null; within: bigint | null }[]>`
    WITH cal AS (
      SELECT day, business, sum(business::int) OVER (ORDER BY day) AS cum
      FROM (
        SELECT d::date AS day, extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM "Holiday" h WHERE h."date" = d::date) AS business
        FROM generate_series(${calendarFrom}::date, ${calendarTo}::date, interval '1 day') d
      ) days
    ),
    dues AS (
      SELECT t."procedure", t."state", started.day, min(due.day) + 1 + interval '6 hours' AS ends
      FROM cal started
      CROSS JOIN "ServiceLevelTarget" t
      JOIN cal due ON due.business AND due.cum = started.cum + t."businessDays"
      WHERE started.day <= ${to}::date
      GROUP BY t."procedure", t."state", started.day
    ),
    per AS (
      SELECT e."procedure", e."fromState" AS stage, count(*) AS n, count(*) FILTER (WHERE e."createdAt" < d.ends) AS within,
        array_agg(extract(epoch FROM e."createdAt" - e."stageEnteredAt")::float8) AS secs
      FROM "AuditEvent" e
      LEFT JOIN dues d ON d."procedure" = e."procedure" AND d."state" = e."fromState" AND d.day = (e."stageEnteredAt" - interval '6 hours')::date
      WHERE e."stageEnteredAt" >= ${from} AND e."stageEnteredAt" < ${to} AND e."fromState" IN (${stages}) AND ${caseScopeSql(f, "e")}
      GROUP BY 1, 2
    )
    SELECT p."procedure", p.stage, p.n, NULL::float8[] AS pct,
      CASE WHEN EXISTS (SELECT 1 FROM "ServiceLevelTarget" t WHERE t."procedure" = p."procedure" AND t."state" = p.stage) THEN p.within END AS within
    FROM per p WHERE p."procedure" IS NOT NULL
    UNION ALL
    SELECT NULL, p.stage, sum(p.n)::bigint,
      (SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY x) FROM per q CROSS JOIN LATERAL unnest(q.secs) x WHERE q.stage = p.stage), NULL
    FROM per p GROUP BY p.stage`;
  // The first rows are per procedure and stage (no percentiles), the last ones per stage (procedure null).
  return rows.map((r) => ({
    procedure: r.procedure,
    stage: r.stage,
    n: Number(r.n),
    medianDays: r.pct === null ? null : r.pct[0] / 86_400,
    p90Days: r.pct === null ? null : r.pct[1] / 86_400,
    withinTarget: r.within === null ? null : Number(r.within),
  }));
}
