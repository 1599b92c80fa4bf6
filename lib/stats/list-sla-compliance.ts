import "server-only";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import type { TStatsFilter } from "./stats-filter";
import { pct } from "./compute-outcome-rates";
import { measureStays, type TStayAggregate } from "./measure-stays";

export type TSlaRow = { key: string; label: string; stageLabel: string; targetDays: number; measured: number; withinTarget: number; complianceRate: number | null };

// Service-level compliance per procedure and stage with a target (decision 0022): of the stays that
// began in the period and have ended (the same stays as the stage times, decision 0024), how many
// ended on or before their due date, the same rule as «Vencida» (lib/stats/measure-stays.ts, or the
// `stays` the dashboard already read for its stage times). Null when no target is configured.
export async function listSlaCompliance(f: TStatsFilter, options: TDbOptions & { stays?: readonly TStayAggregate[] } = {}): Promise<TSlaRow[] | null> {
  const db = await dbOf(options);
  const targets = await db.serviceLevelTarget.findMany({
    where: f.procedure ? { procedure: f.procedure } : {},
    orderBy: [{ procedure: "asc" }, { state: "asc" }],
  });
  if (targets.length === 0) return null;
  const stays = options.stays ?? (await measureStays(f, options));
  const of = new Map(stays.filter((s) => s.procedure !== null).map((s) => [`${s.procedure}:${s.stage}`, s]));
  return targets.map((t) => {
    const r = of.get(`${t.procedure}:${t.state}`);
    const measured = r?.n ?? 0;
    const withinTarget = r?.withinTarget ?? 0;
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
