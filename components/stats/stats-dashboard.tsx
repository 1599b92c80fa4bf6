import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeading } from "@/components/layout/page-heading";
import { buttonClasses } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import { FORBIDDEN_PATH } from "@/lib/auth/route-access";
import type { TSessionUser } from "@/lib/auth/session-user";
import { listDideducs } from "@/lib/cases/list-dideducs";
import { findDideducName } from "@/lib/cases/find-dideduc-name";
import { loadStatsTables, type TStatsCell, type TStatsTable, type TStatsTableId } from "@/lib/stats/load-stats-tables";
import { resolveStatsScope, type TStatsSegment } from "@/lib/stats/resolve-stats-scope";
import { parseStatsFilter, statsFilterParams } from "@/lib/stats/stats-filter";
import { PROCEDURE_LABELS, PROCEDURES } from "@/lib/workflow/definitions";
import { StatsBarChart, type TChartSeries } from "./stats-bar-chart";

type TSearchParams = Record<string, string | string[] | undefined>;

// Which columns each table's chart draws (the table itself shows them all).
const CHARTS: Partial<Record<TStatsTableId, { series: string[]; horizontal?: boolean; unit?: string }>> = {
  mensual: { series: ["received", "issued", "rejected", "inProgress"] },
  tramites: { series: ["received", "issued", "rejected"], horizontal: true },
  dideduc: { series: ["received", "issued", "rejected"], horizontal: true },
  etapas: { series: ["medianDays", "p90Days"], horizontal: true, unit: " d" },
  tasas: { series: ["correctionRate", "rejectionRate"], horizontal: true, unit: " %" },
  antiguedad: { series: ["total"] },
};

const NUMBER = new Intl.NumberFormat("es-GT", { maximumFractionDigits: 1 });
const INPUT = "block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2";

function cell(v: TStatsCell): string {
  if (v === null || v === undefined) return "—";
  return typeof v === "number" ? NUMBER.format(v) : v;
}

function StatsTableSection({ table, csvHref }: { table: TStatsTable; csvHref: string }) {
  const chart = CHARTS[table.id];
  const headingId = `tabla-${table.id}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-md border border-slate-300 bg-white p-4" data-testid={`stats-${table.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id={headingId} className="text-xl font-semibold">
          {table.title}
        </h2>
        {table.unavailable ? null : (
          <a href={csvHref} download className={buttonClasses("secondary")} data-testid={`csv-${table.id}`}>
            Descargar CSV<span className="sr-only">: {table.title}</span>
          </a>
        )}
      </div>
      {table.unavailable ? (
        <p>{table.unavailable}</p>
      ) : (
        <>
          {chart && table.rows.length > 0 ? (
            <StatsBarChart
              data={table.rows}
              categoryKey="label"
              horizontal={chart.horizontal}
              unit={chart.unit}
              series={chart.series.map((key): TChartSeries => ({ key, name: table.columns.find((c) => c.key === key)?.header ?? key }))}
            />
          ) : null}
          {table.rows.length === 0 ? (
            <p>No hay datos para los filtros elegidos.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left">
                <caption className="mb-2 text-left text-sm text-slate-700">{table.caption}</caption>
                <thead className="bg-slate-100 text-sm">
                  <tr>
                    {table.columns.map((c) => (
                      <th key={c.key} scope="col" className={c.numeric ? "px-3 py-2 text-right" : "px-3 py-2"}>
                        {c.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((r, i) => (
                    <tr key={String(r.key ?? i)} className="border-t border-slate-200">
                      {table.columns.map((c, j) =>
                        j === 0 ? (
                          <th key={c.key} scope="row" className="px-3 py-2 font-semibold">
                            {cell(r[c.key])}
                          </th>
                        ) : (
                          <td key={c.key} className="px-3 py-2 text-right tabular-nums">
                            {cell(r[c.key])}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

// The management dashboard of /atencion/estadisticas (every DIDEDUC) and /direccion/estadisticas
// (the director's own DIDEDUC): a GET form of filters (works without JavaScript), then each table
// with its chart and its CSV. The role and the scope are checked here, on the server.
export async function StatsDashboard({ actor, segment, searchParams }: { actor: TSessionUser; segment: TStatsSegment; searchParams: TSearchParams }) {
  const parsed = parseStatsFilter(searchParams);
  const scope = resolveStatsScope(actor, segment, parsed.filter);
  if (!scope.ok) redirect(FORBIDDEN_PATH);
  const { filter, central } = scope;
  const [tables, dideducs, ownName] = await Promise.all([
    loadStatsTables(filter, central),
    central ? listDideducs() : Promise.resolve([]),
    central ? Promise.resolve(null) : findDideducName({ dideducId: filter.dideducId }),
  ]);
  const params = statsFilterParams(filter, { withDideduc: central });
  const base = `/${segment}/estadisticas`;
  const errors = parsed.fieldErrors;
  const notices = parsed.notices;
  const described = (k: string) => [errors[k] ? `${k}-error` : null, notices[k] ? `${k}-note` : null].filter(Boolean).join(" ") || undefined;
  const error = (k: string) => <FieldErrors id={k} errors={errors[k] ? [errors[k]] : null} />;

  return (
    <>
      <PageHeading eyebrow={central ? "Atención al Ciudadano" : "Dirección Departamental"} title="Estadísticas">
        <p>
          {central ? "Solicitudes de todas las Direcciones Departamentales" : `Solicitudes de ${ownName ?? "su Dirección Departamental"}`}: volumen por mes y por trámite, tiempo en cada etapa,
          correcciones y rechazos, y pendientes por antigüedad. Calculado con los casos y la bitácora de auditoría. Período: {filter.period.desde} a {filter.period.hasta}.
        </p>
      </PageHeading>

      <form method="get" role="search" aria-label="Filtrar las estadísticas" className="mb-6 grid gap-4 rounded-md border border-slate-300 bg-white p-4 md:grid-cols-4">
        <div className="space-y-1">
          <label htmlFor="desde" className="block font-semibold">
            Desde (mes)
          </label>
          <input id="desde" name="desde" type="month" defaultValue={filter.period.desde} aria-describedby={described("desde")} aria-invalid={errors.desde ? true : undefined} className={INPUT} />
          {error("desde")}
          {notices.desde ? (
            <p id="desde-note" className="text-sm text-slate-700" data-testid="stats-period-limited">
              {notices.desde}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="hasta" className="block font-semibold">
            Hasta (mes)
          </label>
          <input id="hasta" name="hasta" type="month" defaultValue={filter.period.hasta} aria-describedby={described("hasta")} aria-invalid={errors.hasta ? true : undefined} className={INPUT} />
          {error("hasta")}
        </div>
        {central ? (
          <div className="space-y-1">
            <label htmlFor="dideduc" className="block font-semibold">
              Dirección Departamental
            </label>
            <select id="dideduc" name="dideduc" defaultValue={filter.dideducId ?? ""} aria-describedby={described("dideduc")} className={INPUT}>
              <option value="">Todas</option>
              {dideducs.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            {error("dideduc")}
          </div>
        ) : null}
        <div className="space-y-1">
          <label htmlFor="tramite" className="block font-semibold">
            Trámite
          </label>
          <select id="tramite" name="tramite" defaultValue={filter.procedure ?? ""} aria-describedby={described("tramite")} className={INPUT}>
            <option value="">Todos</option>
            {PROCEDURES.map((p) => (
              <option key={p} value={p}>
                {PROCEDURE_LABELS[p]}
              </option>
            ))}
          </select>
          {error("tramite")}
        </div>
        <div className="flex flex-wrap items-end gap-3 md:col-span-4">
          <button type="submit" className={buttonClasses("primary")}>
            Aplicar filtros
          </button>
          <Link href={base} className={buttonClasses("ghost")}>
            Quitar filtros
          </Link>
        </div>
      </form>

      <div className="space-y-6">
        {tables.map((t) => (
          <StatsTableSection key={t.id} table={t} csvHref={`${base}/csv/${t.id}?${params}`} />
        ))}
      </div>
    </>
  );
}
