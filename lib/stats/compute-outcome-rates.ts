import "server-only";
import type { Procedure } from "@/lib/generated/prisma/enums";
import { PROCEDURE_LABELS, PROCEDURES } from "@/lib/workflow/definitions";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import type { TStatsFilter } from "./stats-filter";
import { readCaseGroups, type TCaseGroup } from "./read-case-groups";
import { caseScopeSql } from "./stats-sql";

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

// A share in percent with one decimal; null when there is nothing to divide by.
export const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

// Per procedure and in total (docs/decisions/0024):
// - correction rate: requests sent back to their applicant for correction in the period (at least
//   once: distinct cases with a transition into NEEDS_CORRECTION) over requests received in it;
// - rejection rate: requests rejected in the period over requests decided in it (issued or rejected).
// `groups`: the cases' groups the dashboard is already reading (lib/stats/load-stats-tables.ts), or read here.
export async function computeOutcomeRates(f: TStatsFilter, options: TDbOptions & { groups?: readonly TCaseGroup[] | Promise<readonly TCaseGroup[]> } = {}): Promise<TRateRow[]> {
  const db = await dbOf(options);
  const { from, to } = f.period;
  const scope = caseScopeSql(f);
  const [groups, corrections] = await Promise.all([
    options.groups ?? readCaseGroups(f, options),
    // The distinct cases first, off the (toState, createdAt, caseId) index, then one lookup each:
    // count(DISTINCT) sorted every matching event's id under the database's locale.
    db.$queryRaw<{ procedure: Procedure; n: bigint }[]>`
      SELECT c.procedure, count(*) AS n
      FROM (
        SELECT DISTINCT e."caseId" FROM "AuditEvent" e
        WHERE e."toState" = 'NEEDS_CORRECTION' AND e."createdAt" >= ${from} AND e."createdAt" < ${to}
      ) sent JOIN "Case" c ON c.id = sent."caseId"
      WHERE ${scope}
      GROUP BY c.procedure`,
  ]);
  const caseOf = new Map<Procedure, { received: number; decided: number; rejected: number }>();
  for (const g of groups) {
    const c = caseOf.get(g.procedure) ?? { received: 0, decided: 0, rejected: 0 };
    if (g.sm !== "" && g.sm !== "~") c.received += g.n;
    if (g.cm !== null && g.outcome !== "other") c.decided += g.n;
    if (g.cm !== null && g.outcome === "rejected") c.rejected += g.n;
    caseOf.set(g.procedure, c);
  }
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
