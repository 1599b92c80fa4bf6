import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import { monthStart, periodMonths, type TStatsFilter } from "./stats-filter";
import { ISSUED_STATES, caseScopeSql } from "./stats-sql";

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

// The lower bounds, in days since submission, of the backlog's age buckets after the first
// (lib/stats/count-backlog-by-age.ts: up to 7 days, 8–15, 16–30, 31–60, more than 60).
const AGE_BOUNDS_DAYS = [8, 16, 31, 61] as const;

const ISSUED: ReadonlySet<string> = new Set(ISSUED_STATES);

// Speed (docs/decisions/0024, "Speed"): every row is grouped on what the index holds plus small
// integers — the month as its position among the period's month starts (width_bucket, one binary
// search) and the age from comparisons with precomputed instants — and the labels are put on the
// few hundred groups here, not on each of the hundreds of thousands of rows (to_char and interval
// arithmetic per row were most of this query's time).
// - Month position: 0 before the period, i for its i-th month, months + 1 at or after its end; the
//   bounds are the months' first instants in Guatemala, so it is the month to_char would give.
// - Age: `now − submittedAt < N days` is `submittedAt > now − N days`, so bucket k (k ≥ 1) holds
//   `submittedAt <= now − bound[k−1]` and none of the older buckets.
export async function readCaseGroups(f: TStatsFilter, options: TDbOptions & { now?: Date } = {}): Promise<TCaseGroup[]> {
  const db = await dbOf(options);
  const now = options.now ?? new Date();
  const { from } = f.period;
  const months = periodMonths(f.period);
  const bounds = Prisma.sql`ARRAY[${Prisma.join([...months.map(monthStart), f.period.to].map((d) => Prisma.sql`${d}::timestamp`))}]`;
  const scope = caseScopeSql(f);
  // Oldest bucket first: most open cases are old, and stop at the first comparison.
  const age = Prisma.sql`CASE ${Prisma.join(
    [...AGE_BOUNDS_DAYS].reverse().map((days, i) => Prisma.sql`WHEN c."submittedAt" <= ${now}::timestamp - ${`${days} days`}::interval THEN ${AGE_BOUNDS_DAYS.length - i}::int`),
    " ",
  )} ELSE 0 END`;
  // Each branch grouped on its own keys (fewer to hash per row), the closed ones first.
  const rows = await db.$queryRaw<{ open: boolean; state: CaseState; procedure: Procedure; dideducId: string | null; sb: number | null; cb: number | null; ab: number | null; n: bigint }[]>`
    SELECT false AS open, c.state, c.procedure, c."dideducId", width_bucket(c."submittedAt", ${bounds}) AS sb,
      width_bucket(c."closedAt", ${bounds}) AS cb, NULL::int AS ab, count(*) AS n
    FROM "Case" c WHERE c."closedAt" >= ${from} AND ${scope}
    GROUP BY 2, 3, 4, 5, 6
    UNION ALL
    SELECT true, c.state, c.procedure, c."dideducId", CASE WHEN c."submittedAt" < ${from} THEN 0 ELSE width_bucket(c."submittedAt", ${bounds}) END,
      NULL::int, ${age}, count(*)
    FROM "Case" c WHERE c."closedAt" IS NULL AND c."submittedAt" IS NOT NULL AND ${scope}
    GROUP BY 2, 3, 4, 5, 7`;
  const monthOf = (bucket: number | null, after: string | null) => (bucket === null ? null : bucket === 0 ? "" : bucket > months.length ? after : months[bucket - 1]);
  return rows.map((r) => ({
    // null only for a closed case never submitted (width_bucket of NULL), as to_char gave before.
    sm: monthOf(r.sb, "~") as string,
    cm: r.open ? null : monthOf(r.cb, null),
    outcome: ISSUED.has(r.state) ? "issued" : r.state === "REJECTED" ? "rejected" : "other",
    procedure: r.procedure,
    dideducId: r.dideducId,
    openState: r.open ? r.state : null,
    ageBucket: r.open ? r.ab : null,
    n: Number(r.n),
  }));
}
