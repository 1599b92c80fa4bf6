import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Procedure } from "@/lib/generated/prisma/enums";
import { CASE_NUMBER_PREFIXES } from "@/lib/workflow/definitions";

type TClient = PrismaClient | Prisma.TransactionClient;

// Case numbers follow the calendar of the people who read them, not the server's UTC clock.
const YEAR_FORMAT = new Intl.DateTimeFormat("en-US", { timeZone: "America/Guatemala", year: "numeric" });

export function caseNumberYear(now: Date): number {
  return Number(YEAR_FORMAT.format(now));
}

export function formatCaseNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, "0")}`;
}

// Allocates the next PREFIX-YYYY-NNNNNN. One upsert that increments in SQL: PostgreSQL serializes
// concurrent callers on the sequence row, so no two get the same number. Inside a transaction that
// later rolls back, the number is simply skipped.
export async function nextCaseNumber(db: TClient, procedure: Procedure, now: Date = new Date()): Promise<string> {
  const prefix = CASE_NUMBER_PREFIXES[procedure];
  const year = caseNumberYear(now);
  const rows = await db.$queryRaw<{ last: number }[]>`
    INSERT INTO "CaseSequence" ("prefix", "year", "last") VALUES (${prefix}, ${year}, 1)
    ON CONFLICT ("prefix", "year") DO UPDATE SET "last" = "CaseSequence"."last" + 1
    RETURNING "last"`;
  return formatCaseNumber(prefix, year, Number(rows[0].last));
}
