import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import type { TStatsFilter } from "./stats-filter";
import { STAGES } from "./measure-stage-times";
import { caseScopeSql } from "./stats-sql";

// Age buckets in whole days since submission (upper bound included; the last one is open-ended).
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
export async function countBacklogByAge(f: TStatsFilter, options: TDbOptions & { now?: Date } = {}): Promise<TBacklogRow[]> {
  const db = await dbOf(options);
  const now = options.now ?? new Date();
  const rows = await db.$queryRaw<{ days: number; state: CaseState; n: bigint }[]>`
    SELECT floor(extract(epoch FROM (${now}::timestamp - c."submittedAt")) / 86400)::int AS days, c.state, count(*) AS n
    FROM "Case" c
    WHERE c."closedAt" IS NULL AND c."submittedAt" IS NOT NULL AND ${caseScopeSql(f)}
    GROUP BY 1, 2`;
  const out: TBacklogRow[] = BACKLOG_BUCKETS.map((b) => ({ key: b.key, label: b.label, total: 0, byStage: Object.fromEntries(STAGES.map((s) => [s, 0])) }));
  for (const r of rows) {
    const i = BACKLOG_BUCKETS.findIndex((b) => Math.max(0, r.days) <= b.max);
    const n = Number(r.n);
    out[i].total += n;
    out[i].byStage[r.state] = (out[i].byStage[r.state] ?? 0) + n;
  }
  return out;
}
