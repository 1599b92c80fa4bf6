import "server-only";
import type { Procedure } from "@/lib/generated/prisma/enums";
import { PROCEDURE_LABELS, PROCEDURES } from "@/lib/workflow/definitions";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import { readCaseGroups, type TCaseGroup } from "./read-case-groups";
import { periodMonths, type TStatsFilter } from "./stats-filter";

export type TVolumeRow = { key: string; label: string; received: number; issued: number; rejected: number; inProgress: number };

// Per month of the period: requests received (submitted), issued (D.4: registered), rejected, and
// in progress at the month's end (submitted, not yet closed).
function byMonth(f: TStatsFilter, groups: readonly TCaseGroup[]): TVolumeRow[] {
  return periodMonths(f.period).map((m) => {
    const row: TVolumeRow = { key: m, label: m, received: 0, issued: 0, rejected: 0, inProgress: 0 };
    for (const g of groups) {
      if (g.sm === m) row.received += g.n;
      if (g.cm === m && g.outcome === "issued") row.issued += g.n;
      if (g.cm === m && g.outcome === "rejected") row.rejected += g.n;
      if (g.sm <= m && (g.cm === null || g.cm > m)) row.inProgress += g.n;
    }
    return row;
  });
}

// Per procedure or per DIDEDUC: received, issued and rejected in the period, and in progress at its end.
function sumBy(groups: readonly TCaseGroup[], keyOf: (g: TCaseGroup) => string): Map<string, Omit<TVolumeRow, "label">> {
  const out = new Map<string, Omit<TVolumeRow, "label">>();
  for (const g of groups) {
    const key = keyOf(g);
    const row = out.get(key) ?? { key, received: 0, issued: 0, rejected: 0, inProgress: 0 };
    if (g.sm !== "" && g.sm !== "~") row.received += g.n;
    if (g.cm !== null && g.outcome === "issued") row.issued += g.n;
    if (g.cm !== null && g.outcome === "rejected") row.rejected += g.n;
    if (g.sm !== "~" && g.cm === null) row.inProgress += g.n;
    out.set(key, row);
  }
  return out;
}

export type TVolumeDimension = "month" | "procedure" | "dideduc";

export async function countCaseVolumes(f: TStatsFilter, by: TVolumeDimension, options: TDbOptions & { groups?: readonly TCaseGroup[] } = {}): Promise<TVolumeRow[]> {
  const groups = options.groups ?? (await readCaseGroups(f, options));
  if (by === "month") return byMonth(f, groups);
  const zero = { received: 0, issued: 0, rejected: 0, inProgress: 0 };
  if (by === "procedure") {
    const of = sumBy(groups, (g) => g.procedure);
    const procedures = f.procedure ? [f.procedure] : PROCEDURES;
    return procedures.map((p: Procedure) => ({ ...zero, ...of.get(p), key: p, label: PROCEDURE_LABELS[p] }));
  }
  const counted = [...sumBy(groups, (g) => g.dideducId ?? "").values()].filter((r) => r.received + r.issued + r.rejected + r.inProgress > 0);
  const db = await dbOf(options);
  const names = new Map((await db.dideduc.findMany({ where: { id: { in: counted.map((r) => r.key).filter(Boolean) } }, select: { id: true, name: true } })).map((d) => [d.id, d.name]));
  return counted
    .map((r) => ({ ...r, label: r.key ? (names.get(r.key) ?? r.key) : "Planta Central (sin Dirección Departamental)" }))
    .sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, "es"));
}
