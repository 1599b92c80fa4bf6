import "server-only";
import type { TDbOptions } from "@/lib/cases/db-options";
import type { TStatsFilter } from "./stats-filter";
import { STAGES } from "./measure-stays";
import { readCaseGroups, type TCaseGroup } from "./read-case-groups";

// Age buckets in whole days since submission (upper bound included; the last one is open-ended).
// lib/stats/read-case-groups.ts counts by the same bounds.
export const BACKLOG_BUCKETS = [
  { key: "0-7", label: "Hasta 7 días", max: 7 },
  { key: "8-15", label: "De 8 a 15 días", max: 15 },
  { key: "16-30", label: "De 16 a 30 días", max: 30 },
  { key: "31-60", label: "De 31 a 60 días", max: 60 },
  { key: "61+", label: "Más de 60 días", max: Infinity },
] as const;

export type TBacklogRow = { key: string; label: string; total: number; byStage: Record<string, number> };

// The requests still open now (submitted, not closed), by days since their submission and by the
// stage they wait in. The period does not apply (a backlog is today's); DIDEDUC and procedure do.
export async function countBacklogByAge(f: TStatsFilter, options: TDbOptions & { now?: Date; groups?: readonly TCaseGroup[] } = {}): Promise<TBacklogRow[]> {
  const groups = options.groups ?? (await readCaseGroups(f, options));
  const out: TBacklogRow[] = BACKLOG_BUCKETS.map((b) => ({ key: b.key, label: b.label, total: 0, byStage: Object.fromEntries(STAGES.map((s) => [s, 0])) }));
  for (const g of groups) {
    if (g.openState === null || g.ageBucket === null) continue;
    out[g.ageBucket].total += g.n;
    out[g.ageBucket].byStage[g.openState] = (out[g.ageBucket].byStage[g.openState] ?? 0) + g.n;
  }
  return out;
}
