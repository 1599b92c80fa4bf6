import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TStatsFilter } from "./stats-filter";

// The filter's DIDEDUC and procedure as a SQL condition on the case (alias `c`), or on a state
// change's audit event (alias `e`), which carries both (docs/decisions/0024).
export function caseScopeSql(f: TStatsFilter, alias: "c" | "e" = "c"): Prisma.Sql {
  const a = Prisma.raw(alias);
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (f.dideducId) parts.push(Prisma.sql`${a}."dideducId" = ${f.dideducId}`);
  if (f.procedure) parts.push(Prisma.sql`${a}."procedure" = ${f.procedure}::"Procedure"`);
  return Prisma.join(parts, " AND ");
}

// Timestamps are stored in UTC; a month is Guatemala's (UTC−6, no daylight saving).
export function monthSql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${column} - interval '6 hours', 'YYYY-MM')`;
}

// A closed case's outcome for the counts: issued (D.4: registered; an issued one later revoked
// still counts as issued), rejected, or other (withdrawn by its applicant).
export const ISSUED_STATES = ["ISSUED", "REVOKED", "REGISTERED"] as const;
