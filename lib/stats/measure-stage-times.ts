import "server-only";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import type { TDbOptions } from "@/lib/cases/db-options";
import type { TStatsFilter } from "./stats-filter";
import { STAGES, measureStays, type TStayAggregate } from "./measure-stays";

export type TStageTimeRow = { stage: CaseState; label: string; count: number; medianDays: number | null; p90Days: number | null };

// Median and 90th percentile of the time spent in each stage, for the stays that BEGAN in the
// period and have ended (a stay still open has no length yet): lib/stats/measure-stays.ts, or the
// `stays` the dashboard already read for its compliance table.
export async function measureStageTimes(f: TStatsFilter, options: TDbOptions & { stays?: readonly TStayAggregate[] } = {}): Promise<TStageTimeRow[]> {
  const stays = options.stays ?? (await measureStays(f, options));
  const of = new Map(stays.filter((s) => s.procedure === null).map((s) => [s.stage, s]));
  return STAGES.map((stage) => {
    const r = of.get(stage);
    return { stage, label: STATE_LABELS[stage], count: r?.n ?? 0, medianDays: r?.medianDays ?? null, p90Days: r?.p90Days ?? null };
  });
}
