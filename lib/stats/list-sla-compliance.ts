import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import type { TStatsFilter } from "./stats-filter";
import { pct } from "./compute-outcome-rates";
import { caseScopeSql } from "./stats-sql";

export type TSlaRow = { key: string; label: string; stageLabel: string; targetDays: number; measured: number; withinTarget: number; complianceRate: number | null };

// Service-level compliance per procedure and stage with a target (decision 0022): of the stays that
// began in the period and have ended (the same stays as the stage times, decision 0024), how many
// ended on or before their due date — the target's business days after the day the stay began, in
// Guatemala, Monday to Friday minus the holidays table, as the queues' «Vencida» counts them
// (lib/service-levels/business-days.ts). In SQL: a calendar numbers the business days, so a due
// date is a lookup, not a loop. Null when no target is configured.
export async function listSlaCompliance(f: TStatsFilter, options: TDbOptions = {}): Promise<TSlaRow[] | null> {
  const db = await dbOf(options);
  const targets = await db.serviceLevelTarget.findMany({
    where: f.procedure ? { procedure: f.procedure } : {},
    orderBy: [{ procedure: "asc" }, { state: "asc" }],
  });
  if (targets.length === 0) return null;
  const { from, to } = f.period;
  // From the period's first day to well past any due date of a stay that began in it.
  const calendarFrom = new Date(from.getTime() - 2 * 86_400_000);
  const calendarTo = new Date(Math.max(to.getTime(), Date.now()) + 800 * 86_400_000);
  const rows = await db.$queryRaw<{ procedure: Procedure; stage: CaseState; n: bigint; within: bigint }[]>`
    WITH cal AS (
      SELECT day, business, sum(business::int) OVER (ORDER BY day) AS cum
      FROM (
        SELECT d::date AS day, extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM "Holiday" h WHERE h."date" = d::date) AS business
        FROM generate_series(${calendarFrom}::date, ${calendarTo}::date, interval '1 day') d
      ) days
    ),
    stays AS (
      SELECT c."procedure", e."toState" AS stage, e."createdAt" AS entered,
        lead(e."createdAt") OVER (PARTITION BY e."caseId" ORDER BY e."createdAt", e.id) AS ended
      FROM "AuditEvent" e JOIN "Case" c ON c.id = e."caseId" AND ${caseScopeSql(f)}
      WHERE e."toState" IS NOT NULL AND e."caseId" IS NOT NULL AND e."createdAt" >= ${from}
    )
    SELECT s."procedure", s.stage, count(*) AS n,
      count(*) FILTER (WHERE (s.ended - interval '6 hours')::date <= due.day) AS within
    FROM stays s
    JOIN "ServiceLevelTarget" t ON t."procedure" = s."procedure" AND t."state" = s.stage
    JOIN cal started ON started.day = (s.entered - interval '6 hours')::date
    JOIN cal due ON due.business AND due.cum = started.cum + t."businessDays"
    WHERE s.entered < ${to} AND s.ended IS NOT NULL
    GROUP BY s."procedure", s.stage`;
  const of = new Map(rows.map((r) => [`${r.procedure}:${r.stage}`, r]));
  return targets.map((t) => {
    const r = of.get(`${t.procedure}:${t.state}`);
    const measured = Number(r?.n ?? 0);
    const withinTarget = Number(r?.within ?? 0);
    return {
      key: `${t.procedure}:${t.state}`,
      label: PROCEDURE_LABELS[t.procedure],
      stageLabel: STATE_LABELS[t.state],
      targetDays: t.businessDays,
      measured,
      withinTarget,
      complianceRate: pct(withinTarget, measured),
    };
  });
}
