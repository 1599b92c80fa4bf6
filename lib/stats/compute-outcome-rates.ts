import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Procedure } from "@/lib/generated/prisma/enums";
import { PROCEDURE_LABELS, PROCEDURES } from "@/lib/workflow/definitions";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import type { TStatsFilter } from "./stats-filter";
import { ISSUED_STATES, caseScopeSql } from "./stats-sql";

export type TRateRow = {
  key: Procedure | "ALL";
  label: string;
  received: number;
  sentToCorrection: number;
  // Percentages, one decimal; null when there is nothing to divide by.
  correctionRate: number | null;
  decided: number;
  rejected: number;
  rejectionRate: number | null;
};

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);
const ISSUED = Prisma.join(ISSUED_STATES.map((s) => Prisma.sql`${s}::"CaseState"`));

// Per procedure and in total (docs/decisions/0024):
// - correction rate: requests sent back to their applicant for correction in the period (at least
//   once: distinct cases with a transition into NEEDS_CORRECTION) over requests received in it;
// - rejection rate: requests rejected in the period over requests decided in it (issued or rejected).
export async function computeOutcomeRates(f: TStatsFilter, options: TDbOptions = {}): Promise<TRateRow[]> {
  const db = await dbOf(options);
  const { from, to } = f.period;
  const scope = caseScopeSql(f);
  const [cases, corrections] = await Promise.all([
    db.$queryRaw<{ procedure: Procedure; received: bigint; decided: bigint; rejected: bigint }[]>`
      SELECT procedure,
        count(*) FILTER (WHERE s >= ${from}) AS received,
        count(*) FILTER (WHERE cl < ${to} AND (state IN (${ISSUED}) OR state = 'REJECTED')) AS decided,
        count(*) FILTER (WHERE cl < ${to} AND state = 'REJECTED') AS rejected
      FROM (
        SELECT c.procedure, c."submittedAt" s, c."closedAt" cl, c.state FROM "Case" c WHERE c."closedAt" >= ${from} AND c."submittedAt" < ${to} AND ${scope}
        UNION ALL
        SELECT c.procedure, c."submittedAt" s, c."closedAt" cl, c.state FROM "Case" c WHERE c."closedAt" IS NULL AND c."submittedAt" >= ${from} AND c."submittedAt" < ${to} AND ${scope}
      ) r GROUP BY procedure`,
    db.$queryRaw<{ procedure: Procedure; n: bigint }[]>`
      SELECT c.procedure, count(DISTINCT e."caseId") AS n
      FROM "AuditEvent" e JOIN "Case" c ON c.id = e."caseId"
      WHERE e."toState" = 'NEEDS_CORRECTION' AND e."createdAt" >= ${from} AND e."createdAt" < ${to} AND ${scope}
      GROUP BY c.procedure`,
  ]);
  const caseOf = new Map(cases.map((r) => [r.procedure, r]));
  const corrOf = new Map(corrections.map((r) => [r.procedure, Number(r.n)]));
  const procedures = f.procedure ? [f.procedure] : PROCEDURES;
  const rows = procedures.map((p): TRateRow => {
    const c = caseOf.get(p);
    const received = Number(c?.received ?? 0);
    const decided = Number(c?.decided ?? 0);
    const rejected = Number(c?.rejected ?? 0);
    const sentToCorrection = corrOf.get(p) ?? 0;
    return { key: p, label: PROCEDURE_LABELS[p], received, sentToCorrection, correctionRate: pct(sentToCorrection, received), decided, rejected, rejectionRate: pct(rejected, decided) };
  });
  const sum = (k: "received" | "sentToCorrection" | "decided" | "rejected") => rows.reduce((a, r) => a + r[k], 0);
  const total: TRateRow = {
    key: "ALL",
    label: "Todos los trámites",
    received: sum("received"),
    sentToCorrection: sum("sentToCorrection"),
    correctionRate: pct(sum("sentToCorrection"), sum("received")),
    decided: sum("decided"),
    rejected: sum("rejected"),
    rejectionRate: pct(sum("rejected"), sum("decided")),
  };
  return [...rows, total];
}
