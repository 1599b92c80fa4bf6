import type { Metadata } from "next";
import { formatDate, formatDateTime } from "@/components/cases/format-date";
import { OfficeDelegationForm } from "@/components/direccion/office-delegation-form";
import { OfficeDelegationRevokeForm } from "@/components/direccion/office-delegation-revoke-form";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Notice } from "@/components/ui/notice";
import { requireSegment } from "@/lib/auth/require-segment";
import { DELEGATION_MAX_DAYS } from "@/lib/workflow/create-delegation";
import {
  addCalendarDays,
  DELEGATED_ROLE_LABELS,
  DELEGATION_STATUS_LABELS,
  guatemalaCalendarDate,
  type TDelegableRole,
  type TDelegationStatus,
} from "@/lib/workflow/delegation-calendar";
import { listOfficeDelegations, type TOfficeDelegationRow } from "@/lib/workflow/list-office-delegations";
import { EmptyNote } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Delegaciones" };

const STATUS_CLASSES: Record<TDelegationStatus, string> = {
  CURRENT: "bg-green-100 text-green-900",
  UPCOMING: "bg-brand-100 text-brand-900",
  ENDED: "bg-slate-200 text-slate-800",
  REVOKED: "bg-red-100 text-red-900",
};

function roleLabel(role: string): string {
  return DELEGATED_ROLE_LABELS[role as TDelegableRole] ?? role;
}

// One delegation as a card: readable on a phone without scrolling sideways.
function DelegationItem({ d, revocable }: { d: TOfficeDelegationRow; revocable: boolean }) {
  return (
    <li className="rounded-md border border-slate-300 bg-white p-4" data-testid="delegation-row" data-status={d.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">
          {d.delegate.name}
          {d.delegate.post ? <span className="block text-base font-normal text-slate-700">{d.delegate.post}</span> : null}
        </h3>
        <span className={cn("rounded-full px-3 py-1 text-sm font-semibold", STATUS_CLASSES[d.status])} data-testid="delegation-status">
          {DELEGATION_STATUS_LABELS[d.status]}
        </span>
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
        <div>
          <dt className="text-sm text-slate-600">Actividad delegada</dt>
          <dd>{roleLabel(d.role)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Fechas (ambas incluidas)</dt>
          <dd>
            Del {formatDate(d.validFrom)} al {formatDate(d.validTo)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">Otorgada por</dt>
          <dd>
            {d.grantor.name}, el {formatDateTime(d.createdAt)}
          </dd>
        </div>
        {d.note ? (
          <div>
            <dt className="text-sm text-slate-600">Motivo</dt>
            <dd className="break-words">{d.note}</dd>
          </div>
        ) : null}
        {d.revokedAt ? (
          <div className="sm:col-span-2">
            <dt className="text-sm text-slate-600">Revocación</dt>
            <dd className="break-words">
              {`Revocada el ${formatDateTime(d.revokedAt)}`}
              {d.revokedBy ? ` por ${d.revokedBy}` : ""}
              {d.revocationReason ? `. Motivo: ${d.revocationReason}` : ""}
            </dd>
          </div>
        ) : null}
      </dl>
      {revocable ? (
        <div className="mt-4">
          <OfficeDelegationRevokeForm delegationId={d.id} delegateName={d.delegate.name} />
        </div>
      ) : null}
    </li>
  );
}

function DelegationList({ rows, empty }: { rows: TOfficeDelegationRow[]; empty: string }) {
  if (rows.length === 0) return <EmptyNote>{empty}</EmptyNote>;
  return (
    <ul className="space-y-4">
      {rows.map((d) => (
        <DelegationItem key={d.id} d={d} revocable={d.status === "CURRENT" || d.status === "UPCOMING"} />
      ))}
    </ul>
  );
}

export default async function OfficeDelegationsPage() {
  const actor = await requireSegment("direccion", { callbackPath: "/direccion/delegaciones" });
  const data = await listOfficeDelegations(actor);
  const today = guatemalaCalendarDate(data.now);
  return (
    <>
      <PageHeading eyebrow="Dirección Departamental" title="Delegaciones">
        <p>
          «En el caso de situaciones excepcionales que por necesidad de la Departamental no pueda ser el Departamento técnico pedagógico el que
          realice la actividad, el Director podrá delegar a quien considere oportuno». Aquí delega la revisión técnica en personal de su Dirección
          Departamental durante unas fechas, y la revoca cuando ya no haga falta.
        </p>
      </PageHeading>
      <section aria-labelledby="current-heading" className="mb-8 space-y-3">
        <h2 id="current-heading" className="text-xl font-semibold">
          Vigentes y próximas ({data.current.length})
        </h2>
        <DelegationList rows={data.current} empty="No hay delegaciones vigentes ni próximas." />
      </section>
      <Card aria-labelledby="new-heading" className="mb-8">
        <h2 id="new-heading" className="mb-4 text-xl font-semibold">
          Nueva delegación
        </h2>
        {data.staff.length > 0 ? (
          <OfficeDelegationForm staff={data.staff} today={today} lastDay={addCalendarDays(today, DELEGATION_MAX_DAYS)} />
        ) : (
          <Notice title="No hay personal a quien delegar">
            Su Dirección Departamental no tiene otras cuentas activas sin el rol de revisión. La administración del sistema crea las cuentas del
            personal.
          </Notice>
        )}
      </Card>
      <section aria-labelledby="past-heading" className="space-y-3">
        <h2 id="past-heading" className="text-xl font-semibold">
          Terminadas y revocadas ({data.past.length})
        </h2>
        <DelegationList rows={data.past} empty="No hay delegaciones terminadas ni revocadas." />
      </section>
    </>
  );
}
