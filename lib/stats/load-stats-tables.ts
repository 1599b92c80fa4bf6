import "server-only";
import type { TDbOptions } from "@/lib/cases/db-options";
import { countBacklogByAge } from "./count-backlog-by-age";
import { computeOutcomeRates } from "./compute-outcome-rates";
import { countCaseVolumes } from "./count-case-volumes";
import { listSlaCompliance } from "./list-sla-compliance";
import { measureStageTimes } from "./measure-stage-times";
import { STAGES, measureStays, type TStayAggregate } from "./measure-stays";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import { readCaseGroups, type TCaseGroup } from "./read-case-groups";
import type { TStatsFilter } from "./stats-filter";

// One table of a dashboard: the same numbers feed its chart, its accessible <table> and its CSV.
export type TStatsCell = string | number | null;
export type TStatsTable = {
  id: TStatsTableId;
  title: string;
  caption: string;
  columns: { key: string; header: string; numeric?: boolean; unit?: "days" | "percent" }[];
  rows: Record<string, TStatsCell>[];
  // null: the data is not available yet (the SLA table before its targets exist).
  unavailable?: string;
};

export const STATS_TABLE_IDS = ["mensual", "tramites", "dideduc", "etapas", "tasas", "antiguedad", "sla"] as const;
export type TStatsTableId = (typeof STATS_TABLE_IDS)[number];

const VOLUME_COLUMNS = [
  { key: "received", header: "Recibidas", numeric: true },
  { key: "issued", header: "Emitidas", numeric: true },
  { key: "rejected", header: "Rechazadas", numeric: true },
  { key: "inProgress", header: "En trámite al cierre", numeric: true },
];

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

// The cases' groups and the stays, as they are being read: each table waits for what it needs.
type TLoadOptions = TDbOptions & { now?: Date; groups?: Promise<readonly TCaseGroup[]>; stays?: Promise<readonly TStayAggregate[]> };

async function loadTable(id: TStatsTableId, f: TStatsFilter, central: boolean, pending: TLoadOptions): Promise<TStatsTable | null> {
  // The rates table starts its own query (the cases sent to correction) at once, beside the two
  // shared reads; the other tables are sums over what those reads return.
  if (id === "tasas") return ratesTable(f, await computeOutcomeRates(f, pending));
  const ofStays = id === "etapas" || id === "sla";
  const options = { ...pending, groups: ofStays ? undefined : await pending.groups, stays: ofStays ? await pending.stays : undefined };
  const period = `de ${f.period.desde} a ${f.period.hasta}`;
  switch (id) {
    case "mensual": {
      const rows = await countCaseVolumes(f, "month", options);
      return { id, title: "Solicitudes por mes", caption: `Solicitudes recibidas, emitidas, rechazadas y en trámite al cierre de cada mes, ${period}`, columns: [{ key: "label", header: "Mes" }, ...VOLUME_COLUMNS], rows };
    }
    case "tramites": {
      const rows = await countCaseVolumes(f, "procedure", options);
      return { id, title: "Solicitudes por trámite", caption: `Solicitudes por trámite, ${period} (en trámite: al cierre del período)`, columns: [{ key: "label", header: "Trámite" }, ...VOLUME_COLUMNS], rows };
    }
    case "dideduc": {
      if (!central) return null;
      const rows = await countCaseVolumes(f, "dideduc", options);
      return { id, title: "Solicitudes por Dirección Departamental", caption: `Solicitudes por Dirección Departamental, ${period} (en trámite: al cierre del período)`, columns: [{ key: "label", header: "Dirección Departamental" }, ...VOLUME_COLUMNS], rows };
    }
    case "etapas": {
      const rows = (await measureStageTimes(f, options)).map((r) => ({ key: r.stage, label: r.label, count: r.count, medianDays: round1(r.medianDays), p90Days: round1(r.p90Days) }));
      return {
        id,
        title: "Tiempo por etapa",
        caption: `Días en cada etapa (mediana y percentil 90) de las estancias iniciadas ${period} y ya concluidas`,
        columns: [
          { key: "label", header: "Etapa" },
          { key: "count", header: "Estancias medidas", numeric: true },
          { key: "medianDays", header: "Mediana (días)", numeric: true, unit: "days" },
          { key: "p90Days", header: "Percentil 90 (días)", numeric: true, unit: "days" },
        ],
        rows,
      };
    }
    case "antiguedad": {
      const rows = (await countBacklogByAge(f, options)).map((r) => ({ key: r.key, label: r.label, total: r.total, ...r.byStage }));
      return {
        id,
        title: "Pendientes por antigüedad",
        caption: "Solicitudes abiertas hoy, por días desde su envío y por la etapa en que esperan (no depende del período)",
        columns: [{ key: "label", header: "Antigüedad" }, { key: "total", header: "Total", numeric: true }, ...STAGES.map((s) => ({ key: s, header: STATE_LABELS[s], numeric: true }))],
        rows,
      };
    }
    case "sla": {
      const rows = await listSlaCompliance(f, options);
      return {
        id,
        title: "Cumplimiento de plazos de servicio",
        caption: `Cumplimiento de los plazos de servicio por trámite y etapa, ${period}`,
        columns: [
          { key: "label", header: "Trámite" },
          { key: "stageLabel", header: "Etapa" },
          { key: "targetDays", header: "Plazo (días hábiles)", numeric: true },
          { key: "measured", header: "Medidas", numeric: true },
          { key: "withinTarget", header: "Dentro del plazo", numeric: true },
          { key: "complianceRate", header: "Cumplimiento (%)", numeric: true, unit: "percent" },
        ],
        rows: rows ?? [],
        unavailable: rows ? undefined : "Los plazos de servicio aún no están configurados: esta tabla se mostrará cuando la administración los defina.",
      };
    }
  }
}

function ratesTable(f: TStatsFilter, rows: Awaited<ReturnType<typeof computeOutcomeRates>>): TStatsTable {
  return {
    id: "tasas",
    title: "Correcciones y rechazos",
    caption: `Tasa de corrección (devueltas para corrección sobre recibidas) y de rechazo (rechazadas sobre resueltas), de ${f.period.desde} a ${f.period.hasta}`,
    columns: [
      { key: "label", header: "Trámite" },
      { key: "received", header: "Recibidas", numeric: true },
      { key: "sentToCorrection", header: "Devueltas para corrección", numeric: true },
      { key: "correctionRate", header: "Tasa de corrección (%)", numeric: true, unit: "percent" },
      { key: "decided", header: "Resueltas", numeric: true },
      { key: "rejected", header: "Rechazadas", numeric: true },
      { key: "rejectionRate", header: "Tasa de rechazo (%)", numeric: true, unit: "percent" },
    ],
    rows,
  };
}

// The dashboard's tables (the central one adds the DIDEDUC table), read in parallel.
export async function loadStatsTables(f: TStatsFilter, central: boolean, options: TDbOptions & { now?: Date; only?: TStatsTableId } = {}): Promise<TStatsTable[]> {
  const ids = options.only ? [options.only] : STATS_TABLE_IDS;
  // The cases are read once for every table that counts them (lib/stats/read-case-groups.ts), and
  // the stays once for the stage times and the compliance (lib/stats/measure-stays.ts), side by side.
  const needsGroups = ids.some((id) => id !== "etapas" && id !== "sla");
  const needsStays = ids.includes("etapas") || ids.includes("sla");
  // All the tables start at once (decision 0024, "Speed"): on two cores the rates' own query runs
  // while the shared reads do, instead of after them.
  const groups = needsGroups ? readCaseGroups(f, options) : undefined;
  const stays = needsStays ? measureStays(f, options) : undefined;
  // A failed read rejects every table waiting for it; Promise.all reports the first.
  const tables = await Promise.all(ids.map((id) => loadTable(id, f, central, { ...options, groups, stays })));
  return tables.filter((t): t is TStatsTable => t !== null);
}
