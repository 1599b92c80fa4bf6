import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CaseStateBadge } from "@/components/cases/case-state-badge";
import { formatDateTime } from "@/components/cases/format-date";
import type { CaseState } from "@/lib/generated/prisma/enums";
import type { TServiceLevelStatus } from "@/lib/service-levels/business-days";
import { BatchSigningButton } from "./batch-signing-button";
import { ServiceLevelBadge } from "./service-level-badge";

export type TQueueRow = {
  id: string;
  number: string;
  procedureLabel: string;
  state: CaseState;
  // Whom the documents are about (the student), else the applicant.
  personName: string;
  applicantName: string | null;
  dideducName: string | null;
  submittedAt: Date | null;
  // Whole calendar days since the case entered its current state, and since it was first submitted.
  daysInStage: number | null;
  daysTotal: number | null;
  // A return or correction note that explains why the case is back here.
  lastNote: string | null;
  // "En revisión por Lucía X. desde las 09:00." when someone took the case ("Tomar").
  heldBy?: string | null;
  // Against the stage's target in business days (decision 0022); null without a target.
  serviceLevel?: TServiceLevelStatus | null;
};

// Batch signing (issue #13): the rows this person can sign now get a checkbox; "Firmar seleccionadas"
// opens the review screen at `reviewPath` with the chosen ids (?caso=…), a plain GET form.
export type TQueueBatchSigning = { reviewPath: string; selectableIds: readonly string[]; max: number };

// state: "" is "Requiere mi acción" (the default), ALL_STATES every state of the queue, else one state.
export type TQueueFilters = { state: string; procedure: string; dideduc: string; q: string; page: number };
export const ALL_STATES = "todos";
// "Tomadas por mí": every state of the queue, only the cases this person holds.
export const TAKEN_BY_ME = "tomadas";
export type TOption = { value: string; label: string };

function queueHref(basePath: string, filters: TQueueFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.state) params.set("estado", filters.state);
  if (filters.procedure) params.set("tramite", filters.procedure);
  if (filters.dideduc) params.set("dideduc", filters.dideduc);
  if (filters.q) params.set("q", filters.q);
  if (page > 1) params.set("pagina", String(page));
  const qs = params.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

// Reads the queue's filters from the URL (?estado=&tramite=&dideduc=&q=&pagina=), so the queue works as a
// plain GET form without JavaScript and a filtered view can be bookmarked or shared.
export function parseQueueFilters(
  searchParams: Record<string, string | string[] | undefined>,
  allowed: { states: readonly string[]; procedures: readonly string[]; dideducs?: readonly string[] },
): TQueueFilters {
  const one = (k: string) => {
    const v = searchParams[k];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
  };
  const state = one("estado");
  const procedure = one("tramite");
  const dideduc = one("dideduc");
  const page = Number.parseInt(one("pagina"), 10);
  return {
    state: state === ALL_STATES || state === TAKEN_BY_ME || allowed.states.includes(state) ? state : "",
    procedure: allowed.procedures.includes(procedure) ? procedure : "",
    dideduc: allowed.dideducs?.includes(dideduc) ? dideduc : "",
    q: one("q").slice(0, 100),
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1,
  };
}

function days(n: number | null): string {
  if (n === null) return "—";
  return n === 1 ? "1 día" : `${n} días`;
}

// A queue of cases, oldest first: filters (state, procedure, DIDEDUC in the central queue, number,
// CUI or name), the table and the pages. It opens on "Requiere mi acción" (filters.state "").
// `capped`: more rows match than are counted or paged (lib/cases/list-case-queue QUEUE_COUNT_CAP).
export function CaseQueue({
  basePath,
  caseBasePath,
  filters,
  stateOptions,
  procedureOptions,
  dideducOptions,
  rows,
  total,
  capped = false,
  page,
  pageCount,
  showDideduc = false,
  emptyText,
  batch,
}: {
  basePath: string;
  caseBasePath: string;
  filters: TQueueFilters;
  stateOptions: readonly TOption[];
  procedureOptions: readonly TOption[];
  // The central queue's DIDEDUC filter; absent in a DIDEDUC's own queue.
  dideducOptions?: readonly TOption[];
  rows: readonly TQueueRow[];
  total: number;
  capped?: boolean;
  page: number;
  pageCount: number;
  showDideduc?: boolean;
  emptyText: string;
  batch?: TQueueBatchSigning;
}) {
  const selectable = new Set(batch?.selectableIds ?? []);
  const withBatch = batch && selectable.size > 0;
  const filtered = Boolean(filters.state || filters.procedure || filters.dideduc || filters.q);
  const totalText = capped ? `más de ${total.toLocaleString("es-GT")} solicitudes` : `${total.toLocaleString("es-GT")} ${total === 1 ? "solicitud" : "solicitudes"}`;
  return (
    <div className="space-y-6">
      <Card aria-labelledby="queue-filters-heading">
        <h2 id="queue-filters-heading" className="sr-only">
          Filtrar la bandeja
        </h2>
        <form method="get" action={basePath} role="search" aria-label="Filtrar solicitudes" className={`grid gap-4 md:items-end ${dideducOptions ? "md:grid-cols-[1fr_1fr_1fr_1.3fr_auto]" : "md:grid-cols-[1fr_1fr_1.3fr_auto]"}`}>
          <div className="space-y-1">
            <label htmlFor="estado" className="block font-semibold">
              Estado
            </label>
            <select id="estado" name="estado" defaultValue={filters.state} className="block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2">
              <option value="">Requiere mi acción</option>
              <option value={ALL_STATES}>Todos los estados de esta bandeja</option>
              <option value={TAKEN_BY_ME}>Tomadas por mí</option>
              {stateOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="tramite" className="block font-semibold">
              Trámite
            </label>
            <select id="tramite" name="tramite" defaultValue={filters.procedure} className="block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2">
              <option value="">Todos los trámites</option>
              {procedureOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          {dideducOptions ? (
            <div className="space-y-1">
              <label htmlFor="dideduc" className="block font-semibold">
                DIDEDUC
              </label>
              <select id="dideduc" name="dideduc" defaultValue={filters.dideduc} className="block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2">
                <option value="">Todas las DIDEDUC</option>
                {dideducOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="space-y-1">
            <label htmlFor="q" className="block font-semibold">
              Buscar por número, CUI o nombre
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={filters.q}
              maxLength={100}
              placeholder="EE-2026-000123, 000123, un CUI o un nombre"
              className="block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2"
            />
          </div>
          <div className="flex gap-3">
            <button type="submit" className={buttonClasses("primary")}>
              Filtrar
            </button>
            {filtered ? (
              <Link href={basePath} className={buttonClasses("ghost")}>
                Quitar filtros
              </Link>
            ) : null}
          </div>
        </form>
      </Card>

      <section aria-labelledby="queue-heading" className="space-y-3">
        <h2 id="queue-heading" className="text-xl font-semibold">
          Solicitudes{" "}
          <span className="font-normal text-slate-700" data-testid="queue-total">
            ({totalText}
            {filters.state === "" ? (total === 1 && !capped ? " que requiere su acción" : " que requieren su acción") : ""}
            {filters.procedure || filters.dideduc || filters.q || (filters.state && filters.state !== ALL_STATES) ? " con estos filtros" : ""})
          </span>
        </h2>
        <p className="text-sm text-slate-700">
          {filters.state === "" ? "Las que usted puede atender ahora. " : ""}Ordenadas por fecha de envío: las más antiguas primero. Los días
          cuentan días calendario desde que la solicitud llegó a su estado actual y desde su primer envío; el plazo, días hábiles de la etapa
          («Vencida» pasado el plazo, «Por vencer» si vence hoy o el siguiente día hábil).
        </p>
        {rows.length === 0 ? (
          <p className="rounded-md border border-slate-300 bg-white p-4" data-testid="queue-empty">
            {filtered ? "Ninguna solicitud coincide con estos filtros." : emptyText}
          </p>
        ) : (
          <div className="overflow-x-auto rounded-md border border-slate-300 bg-white">
            <table className="w-full border-collapse text-left" data-testid="case-queue">
              <caption className="sr-only">Solicitudes de la bandeja, las más antiguas primero</caption>
              <thead className="bg-slate-100 text-sm">
                <tr>
                  {withBatch ? (
                    <th scope="col" className="px-3 py-2">
                      <span className="sr-only">Seleccionar para firmar</span>
                    </th>
                  ) : null}
                  <th scope="col" className="px-3 py-2">Número</th>
                  <th scope="col" className="px-3 py-2">Persona</th>
                  <th scope="col" className="px-3 py-2">Trámite</th>
                  {showDideduc ? <th scope="col" className="px-3 py-2">DIDEDUC</th> : null}
                  <th scope="col" className="px-3 py-2">Estado</th>
                  <th scope="col" className="px-3 py-2">Enviada</th>
                  <th scope="col" className="px-3 py-2">En esta etapa</th>
                  <th scope="col" className="px-3 py-2">En total</th>
                  <th scope="col" className="px-3 py-2">Plazo</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-200 align-top" data-testid="queue-row" data-case-number={r.number}>
                    {withBatch ? (
                      <td className="px-3 py-2">
                        {selectable.has(r.id) ? (
                          <input
                            type="checkbox"
                            name="caso"
                            value={r.id}
                            form="batch-signing"
                            aria-label={`Seleccionar ${r.number} para firmar`}
                            className="h-5 w-5"
                            data-testid="batch-select"
                          />
                        ) : null}
                      </td>
                    ) : null}
                    <th scope="row" className="px-3 py-2 font-semibold">
                      <Link href={`${caseBasePath}/${r.id}`}>{r.number}</Link>
                    </th>
                    <td className="px-3 py-2">
                      {r.personName}
                      {r.applicantName && r.applicantName !== r.personName ? (
                        <span className="block text-sm text-slate-700">Solicitante: {r.applicantName}</span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2">{r.procedureLabel}</td>
                    {showDideduc ? <td className="px-3 py-2">{r.dideducName ?? "—"}</td> : null}
                    <td className="px-3 py-2">
                      <CaseStateBadge state={r.state} />
                      {r.lastNote ? <span className="mt-1 block text-sm text-slate-700">Nota: {r.lastNote}</span> : null}
                      {r.heldBy ? (
                        <span className="mt-1 block text-sm font-semibold text-slate-800" data-testid="queue-holder">
                          {r.heldBy}
                        </span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{r.submittedAt ? formatDateTime(r.submittedAt) : "—"}</td>
                    <td className="px-3 py-2 whitespace-nowrap" data-testid="days-in-stage">
                      {days(r.daysInStage)}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap" data-testid="days-total">
                      {days(r.daysTotal)}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap" data-testid="service-level">
                      <ServiceLevelBadge status={r.serviceLevel} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {withBatch ? (
          <form id="batch-signing" method="get" action={batch.reviewPath} aria-label="Firmar varias solicitudes" className="space-y-2">
            <BatchSigningButton formId="batch-signing" max={batch.max} />
          </form>
        ) : null}
        {pageCount > 1 ? (
          <nav aria-label="Páginas de la bandeja" className="flex flex-wrap items-center gap-3">
            {page > 1 ? (
              <Link href={queueHref(basePath, filters, page - 1)} rel="prev" className={buttonClasses("secondary")}>
                Anterior
              </Link>
            ) : null}
            <span aria-current="page">
              Página {page} de {pageCount}
              {capped ? ` (las primeras ${total.toLocaleString("es-GT")}; use los filtros o la búsqueda para ver otras)` : ""}
            </span>
            {page < pageCount ? (
              <Link href={queueHref(basePath, filters, page + 1)} rel="next" className={buttonClasses("secondary")}>
                Siguiente
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
