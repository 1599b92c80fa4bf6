import "server-only";
import type { TDbOptions } from "@/lib/cases/db-options";
import type { TStatsFilter } from "./stats-filter";

// ─── SLA ───────────────────────────────────────────────────────────────────────────────────────
// Service-level compliance per procedure and stage. The targets (business days per procedure and
// stage, holidays as data) are being built in parallel (issue #14 §1); the lead wires this function
// to them at merge. Until then it returns null and the dashboards say the table is not available:
// no target is invented here.
export type TSlaRow = { key: string; label: string; stageLabel: string; targetDays: number; measured: number; withinTarget: number; complianceRate: number | null };

export async function listSlaCompliance(_f: TStatsFilter, _options: TDbOptions = {}): Promise<TSlaRow[] | null> {
  return null;
}
