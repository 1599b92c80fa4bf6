import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import type { TStatsFilter } from "./stats-filter";
import { caseScopeSql } from "./stats-sql";

// The stages a case waits in (someone's work, or the applicant's correction).
export const STAGES: readonly CaseState[] = ["DIDEDUC_REVIEW", "NEEDS_CORRECTION", "DIDEDUC_SIGNATURE", "CENTRAL_REVIEW", "MANAGER_REVIEW"];

export type TStageTimeRow = { stage: CaseState; label: string; count: number; medianDays: number | null; p90Days: number | null };

// Median and 90th percentile of the time spent in each stage, for the stays that BEGAN in the
// period and have ended (a stay still open has no length yet). A stay is read off the audit trail:
// transition() writes one event per state change, so a stay runs from the event entering the state
// to the case's next state-changing event (docs/decisions/0024). Only events since the period's
// start are read (on the partial index "AuditEvent_stats_transitions_idx").
export async function measureStageTimes(f: TStatsFilter, options: TDbOptions = {}): Promise<TStageTimeRow[]> {
  const db = await dbOf(options);
  const { from, to } = f.period;
  const scoped = f.dideducId || f.procedure;
  const join = scoped ? Prisma.sql`JOIN "Case" c ON c.id = e."caseId" AND ${caseScopeSql(f)}` : Prisma.empty;
  const stages = Prisma.join(STAGES.map((s) => Prisma.sql`${s}::"CaseState"`));
  const rows = await db.$queryRaw<{ stage: CaseState; n: bigint; median: number | null; p90: number | null }[]>`
    SELECT stage, count(*) AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) / 86400 AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY secs) / 86400 AS p90
    FROM (
      SELECT e."toState" AS stage, e."createdAt" AS entered,
        extract(epoch FROM lead(e."createdAt") OVER (PARTITION BY e."caseId" ORDER BY e."createdAt", e.id) - e."createdAt")::float8 AS secs
      FROM "AuditEvent" e ${join}
      WHERE e."toState" IS NOT NULL AND e."caseId" IS NOT NULL AND e."createdAt" >= ${from}
    ) t
    WHERE entered < ${to} AND secs IS NOT NULL AND stage IN (${stages})
    GROUP BY stage`;
  const of = new Map(rows.map((r) => [r.stage, r]));
  return STAGES.map((stage) => {
    const r = of.get(stage);
    return { stage, label: STATE_LABELS[stage], count: Number(r?.n ?? 0), medianDays: r?.median ?? null, p90Days: r?.p90 ?? null };
  });
}
