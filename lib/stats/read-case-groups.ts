import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import type { TStatsFilter } from "./stats-filter";
import { ISSUED_STATES, caseScopeSql, monthSql } from "./stats-sql";

// The cases' side of every dashboard table but the stage times, in ONE pass over the cases that
// matter to the period — closed in or after it, and still open — read off the (closedAt, …)
// covering indexes (two index-only branches). Counted by SQL into small groups; the tables
// (volumes per month, procedure and DIDEDUC, rates, backlog) are sums over these groups.
// Reading the cases once instead of once per table was the largest saving at a million cases.
export type TCaseGroup = {
  // Month of submission within the period; "" before it, "~" after it (both sort around months).
  sm: string;
  // Month of closing within the period; null: open at the period's end.
  cm: string | null;
  outcome: "issued" | "rejected" | "other";
  procedure: Procedure;
  dideducId: string | null;
  // Open now: its state and its age bucket (index into BACKLOG_BUCKETS); null for closed cases.
  openState: CaseState | null;
  ageBucket: number | null;
  n: number;
};

const ISSUED = Prisma.join(ISSUED_STATES.map((s) => Prisma.sql`${s}::"CaseState"`));

export async function readCaseGroups(f: TStatsFilter, options: TDbOptions & { now?: Date } = {}): Promise<TCaseGroup[]> {
  const db = await dbOf(options);
  const now = options.now ?? new Date();
  const { from, to } = f.period;
  const scope = caseScopeSql(f);
  const columns = Prisma.sql`
    CASE WHEN c."submittedAt" < ${from} THEN '' WHEN c."submittedAt" >= ${to} THEN '~' ELSE ${monthSql(Prisma.sql`c."submittedAt"`)} END AS sm,
    CASE WHEN c."closedAt" IS NULL OR c."closedAt" >= ${to} THEN NULL ELSE ${monthSql(Prisma.sql`c."closedAt"`)} END AS cm,
    CASE WHEN c.state IN (${ISSUED}) THEN 'issued' WHEN c.state = 'REJECTED' THEN 'rejected' ELSE 'other' END AS outcome,
    c.procedure, c."dideducId",
    CASE WHEN c."closedAt" IS NULL THEN c.state END AS open_state,
    CASE WHEN c."closedAt" IS NOT NULL THEN NULL
      WHEN ${now}::timestamp - c."submittedAt" < interval '8 days' THEN 0
      WHEN ${now}::timestamp - c."submittedAt" < interval '16 days' THEN 1
      WHEN ${now}::timestamp - c."submittedAt" < interval '31 days' THEN 2
      WHEN ${now}::timestamp - c."submittedAt" < interval '61 days' THEN 3
      ELSE 4 END AS age_bucket`;
  const rows = await db.$queryRaw<{ sm: string; cm: string | null; outcome: TCaseGroup["outcome"]; procedure: Procedure; dideducId: string | null; open_state: CaseState | null; age_bucket: number | null; n: bigint }[]>`
    SELECT sm, cm, outcome, procedure, "dideducId", open_state, age_bucket, count(*) AS n FROM (
      SELECT ${columns} FROM "Case" c WHERE c."closedAt" >= ${from} AND ${scope}
      UNION ALL
      SELECT ${columns} FROM "Case" c WHERE c."closedAt" IS NULL AND c."submittedAt" IS NOT NULL AND ${scope}
    ) r GROUP BY 1, 2, 3, 4, 5, 6, 7`;
  return rows.map((r) => ({ sm: r.sm, cm: r.cm, outcome: r.outcome, procedure: r.procedure, dideducId: r.dideducId, openState: r.open_state, ageBucket: r.age_bucket, n: Number(r.n) }));
}
