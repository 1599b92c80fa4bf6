import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { Procedure } from "@/lib/generated/prisma/enums";
import { PROCEDURE_LABELS, PROCEDURES } from "@/lib/workflow/definitions";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import { periodMonths, type TStatsFilter } from "./stats-filter";
import { ISSUED_STATES, caseScopeSql, monthSql } from "./stats-sql";

export type TVolumeRow = { key: string; label: string; received: number; issued: number; rejected: number; inProgress: number };

const ISSUED = Prisma.join(ISSUED_STATES.map((s) => Prisma.sql`${s}::"CaseState"`));

// The cases that matter to the period: submitted before its end and not closed before its start
// (two branches, so each reads the (closedAt, …) covering index: closed in or after the period,
// and still open). Drafts have no submittedAt and never count.
function relevantCases(f: TStatsFilter, columns: Prisma.Sql): Prisma.Sql {
  const { from, to } = f.period;
  const scope = caseScopeSql(f);
  return Prisma.sql`
    SELECT ${columns} FROM "Case" c WHERE c."closedAt" >= ${from} AND c."submittedAt" < ${to} AND ${scope}
    UNION ALL
    SELECT ${columns} FROM "Case" c WHERE c."closedAt" IS NULL AND c."submittedAt" < ${to} AND ${scope}`;
}

// Per month of the period: requests received (submitted), issued (D.4: registered), rejected, and
// in progress at the month's end (submitted, not yet closed).
async function byMonth(db: PrismaClient, f: TStatsFilter): Promise<TVolumeRow[]> {
  const { from, to } = f.period;
  const columns = Prisma.sql`
    CASE WHEN c."submittedAt" < ${from} THEN '' ELSE ${monthSql(Prisma.sql`c."submittedAt"`)} END AS sm,
    CASE WHEN c."closedAt" IS NULL OR c."closedAt" >= ${to} THEN NULL ELSE ${monthSql(Prisma.sql`c."closedAt"`)} END AS cm,
    CASE WHEN c.state IN (${ISSUED}) THEN 'issued' WHEN c.state = 'REJECTED' THEN 'rejected' ELSE 'other' END AS outcome`;
  const groups = await db.$queryRaw<{ sm: string; cm: string | null; outcome: string; n: bigint }[]>`
    SELECT sm, cm, outcome, count(*) AS n FROM (${relevantCases(f, columns)}) r GROUP BY sm, cm, outcome`;
  return periodMonths(f.period).map((m) => {
    const row: TVolumeRow = { key: m, label: m, received: 0, issued: 0, rejected: 0, inProgress: 0 };
    for (const g of groups) {
      const n = Number(g.n);
      if (g.sm === m) row.received += n;
      if (g.cm === m && g.outcome === "issued") row.issued += n;
      if (g.cm === m && g.outcome === "rejected") row.rejected += n;
      if (g.sm <= m && (g.cm === null || g.cm > m)) row.inProgress += n;
    }
    return row;
  });
}

// Per procedure or per DIDEDUC: received, issued and rejected in the period, and in progress at its end.
async function byDimension(db: PrismaClient, f: TStatsFilter, by: "procedure" | "dideduc"): Promise<TVolumeRow[]> {
  const { from, to } = f.period;
  const key = by === "procedure" ? Prisma.sql`c."procedure"::text` : Prisma.sql`c."dideducId"`;
  const columns = Prisma.sql`${key} AS key, c."submittedAt" AS s, c."closedAt" AS cl, c.state AS state`;
  const rows = await db.$queryRaw<{ key: string | null; received: bigint; issued: bigint; rejected: bigint; in_progress: bigint }[]>`
    SELECT key,
      count(*) FILTER (WHERE s >= ${from}) AS received,
      count(*) FILTER (WHERE cl < ${to} AND state IN (${ISSUED})) AS issued,
      count(*) FILTER (WHERE cl < ${to} AND state = 'REJECTED') AS rejected,
      count(*) FILTER (WHERE cl IS NULL OR cl >= ${to}) AS in_progress
    FROM (${relevantCases(f, columns)}) r GROUP BY key`;
  const counted = rows.map((r) => ({ key: r.key ?? "", received: Number(r.received), issued: Number(r.issued), rejected: Number(r.rejected), inProgress: Number(r.in_progress) }));
  if (by === "procedure") {
    const of = new Map(counted.map((r) => [r.key, r]));
    const procedures = f.procedure ? [f.procedure] : PROCEDURES;
    return procedures.map((p: Procedure) => ({ received: 0, issued: 0, rejected: 0, inProgress: 0, ...of.get(p), key: p, label: PROCEDURE_LABELS[p] }));
  }
  const names = new Map((await db.dideduc.findMany({ where: { id: { in: counted.map((r) => r.key).filter(Boolean) } }, select: { id: true, name: true } })).map((d) => [d.id, d.name]));
  return counted
    .map((r) => ({ ...r, label: r.key ? (names.get(r.key) ?? r.key) : "Planta Central (sin Dirección Departamental)" }))
    .sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, "es"));
}

export type TVolumeDimension = "month" | "procedure" | "dideduc";

export async function countCaseVolumes(f: TStatsFilter, by: TVolumeDimension, options: TDbOptions = {}): Promise<TVolumeRow[]> {
  const db = await dbOf(options);
  return by === "month" ? byMonth(db, f) : byDimension(db, f, by);
}
