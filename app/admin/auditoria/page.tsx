import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/cases/format-date";
import { PageHeading } from "@/components/layout/page-heading";
import { buttonClasses } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import { FieldHint, fieldControlProps } from "@/components/ui/field-frame";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "@/lib/audit/audit-actions";
import { parseAuditFilter, type TAuditFilter } from "@/lib/audit/audit-filter";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { requireSegment } from "@/lib/auth/require-segment";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import { DataTable, EmptyNote, ListSection } from "@/components/ui/data-table";
import { paramText, type TPageSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Bitácora de auditoría" };

const FILTER_KEYS = ["desde", "hasta", "autor", "accion", "caso", "cuenta"] as const;
const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).sort(([, a], [, b]) => a.localeCompare(b, "es"));

function href(path: string, filter: TAuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filter[k]) params.set(k, filter[k]!);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: (describedBy: string | undefined) => React.ReactNode }) {
  const describedBy = fieldControlProps(id, hint, error ? [error] : undefined)["aria-describedby"];
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      {children(describedBy)}
      <FieldErrors id={id} errors={error ? [error] : null} />
    </div>
  );
}

const INPUT = "block w-full rounded-md border-2 border-slate-600 bg-white px-3 py-2";

// The audit trail of the installation, for the administration: every recorded event (case
// transitions, sign-ins, accounts and roles, delegations, registries), filtered, newest first, with
// its CSV. Its integrity is checked by `npm run audit:verify`, not here.
export default async function AuditTrailPage({ searchParams }: { searchParams: TPageSearchParams }) {
  await requireSegment("admin");
  const raw = await searchParams;
  const parsed = parseAuditFilter(raw);
  const filter = parsed.filter;
  const errors = parsed.ok ? {} : parsed.fieldErrors;
  const page = await listAuditEvents(filter);
  const filtered = FILTER_KEYS.some((k) => filter[k]);
  const value = (k: string) => paramText(raw[k]);

  return (
    <>
      <PageHeading eyebrow="Administración" title="Bitácora de auditoría">
        <p>
          Todo lo que el sistema registró: trámites, ingresos al sistema, cuentas y roles, delegaciones, firmantes autorizados y registros. Cada evento lleva el hash del anterior, de
          modo que un cambio posterior se detecta con <code>npm run audit:verify</code>. Del más reciente al más antiguo.
        </p>
      </PageHeading>

      <form method="get" role="search" aria-label="Filtrar la bitácora" className="mb-6 grid gap-4 rounded-md border border-slate-300 bg-white p-4 md:grid-cols-3">
        <Field id="desde" label="Desde" error={errors.desde}>
          {(d) => <input id="desde" name="desde" type="date" defaultValue={value("desde")} aria-describedby={d} aria-invalid={errors.desde ? true : undefined} className={INPUT} />}
        </Field>
        <Field id="hasta" label="Hasta" error={errors.hasta}>
          {(d) => <input id="hasta" name="hasta" type="date" defaultValue={value("hasta")} aria-describedby={d} aria-invalid={errors.hasta ? true : undefined} className={INPUT} />}
        </Field>
        <Field id="accion" label="Acción" error={errors.accion}>
          {(d) => (
            <select id="accion" name="accion" defaultValue={value("accion")} aria-describedby={d} className={INPUT}>
              <option value="">Todas</option>
              {ACTION_OPTIONS.map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="autor" label="Autor" hint="Correo electrónico o parte del nombre de quien actuó." error={errors.autor}>
          {(d) => <input id="autor" name="autor" defaultValue={value("autor")} maxLength={200} aria-describedby={d} className={INPUT} />}
        </Field>
        <Field id="caso" label="Caso" hint="Número del caso, completo o en parte (p. ej. 000009)." error={errors.caso}>
          {(d) => <input id="caso" name="caso" defaultValue={value("caso")} maxLength={40} aria-describedby={d} className={INPUT} />}
        </Field>
        <Field id="cuenta" label="Cuenta afectada" hint="Correo de la cuenta de la que trata el evento (alta, roles, ingreso, delegación)." error={errors.cuenta}>
          {(d) => <input id="cuenta" name="cuenta" defaultValue={value("cuenta")} maxLength={200} aria-describedby={d} className={INPUT} />}
        </Field>
        <div className="flex flex-wrap items-end gap-3 md:col-span-3">
          <button type="submit" className={buttonClasses("primary")}>
            Filtrar
          </button>
          {filtered ? (
            <Link href="/admin/auditoria" className={buttonClasses("ghost")}>
              Quitar filtros
            </Link>
          ) : null}
          <a href={href("/admin/auditoria/csv", filter)} download className={buttonClasses("secondary")}>
            Descargar CSV {filtered ? "de lo filtrado" : "de toda la bitácora"}
          </a>
        </div>
      </form>

      <ListSection id="audit-heading" title="Eventos" className="space-y-4">
        {page.rows.length === 0 ? (
          <EmptyNote>Ningún evento coincide con los filtros.</EmptyNote>
        ) : (
          <DataTable testId="audit-table" caption="Eventos de la bitácora, del más reciente al más antiguo" columns={["Fecha", "Acción", "Autor", "Caso", "Detalle", "IP"]}>
            {page.rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200 align-top" data-testid="audit-row">
                <td className="whitespace-nowrap px-3 py-2">
                  {formatDateTime(r.createdAt)}
                  <span className="block text-sm text-slate-700">#{r.id}</span>
                </td>
                <th scope="row" className="px-3 py-2 font-semibold">
                  {auditActionLabel(r.action)}
                  <span className="block text-sm font-normal text-slate-700">{r.action}</span>
                </th>
                <td className="px-3 py-2">
                  {r.actor ? (
                    <>
                      {r.actor.name}
                      <span className="block text-sm text-slate-700">{r.actor.email}</span>
                    </>
                  ) : (
                    "Sistema"
                  )}
                </td>
                <td className="whitespace-nowrap px-3 py-2">{r.case?.number ?? "—"}</td>
                <td className="min-w-64 px-3 py-2 text-sm">
                  {r.fromState || r.toState ? (
                    <p>
                      {r.fromState ? STATE_LABELS[r.fromState] : "—"} → {r.toState ? STATE_LABELS[r.toState] : "—"}
                    </p>
                  ) : null}
                  {r.note ? <p>Nota: {r.note}</p> : null}
                  {r.data !== null && r.data !== undefined ? (
                    <details>
                      <summary className="cursor-pointer text-brand-800">Datos registrados</summary>
                      <pre className="mt-1 max-w-xl whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs">{JSON.stringify(r.data, null, 2)}</pre>
                    </details>
                  ) : null}
                </td>
                <td className="px-3 py-2 text-sm">{r.ip ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {page.newerCursor || page.olderCursor ? (
          <nav aria-label="Páginas" className="flex items-center gap-4">
            {page.newerCursor ? (
              <Link href={href("/admin/auditoria", filter, { despues: page.newerCursor })} className="font-semibold text-brand-800 underline" rel="prev">
                Eventos más recientes
              </Link>
            ) : null}
            {page.olderCursor ? (
              <Link href={href("/admin/auditoria", filter, { antes: page.olderCursor })} className="font-semibold text-brand-800 underline" rel="next">
                Eventos más antiguos
              </Link>
            ) : null}
          </nav>
        ) : null}
      </ListSection>
    </>
  );
}
