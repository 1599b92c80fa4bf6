import type { Metadata } from "next";
import { DelegationForm } from "@/components/admin/delegation-form";
import { DelegationRevokeForm } from "@/components/admin/delegation-revoke-form";
import { formatDate, formatDateTime } from "@/components/cases/format-date";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { listDelegations } from "@/lib/admin/list-delegations";
import { requireSegment } from "@/lib/auth/require-segment";
import { DIDEDUC_SIGNER_WHO } from "@/lib/registry/dideduc-signer-posts";
import { EmptyNote } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Delegaciones" };

type TRow = Awaited<ReturnType<typeof listDelegations>>["current"][number];

function DelegationTable({ rows, caption, revocable }: { rows: TRow[]; caption: string; revocable: boolean }) {
  if (rows.length === 0) return <EmptyNote>No hay delegaciones.</EmptyNote>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-300 bg-white">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-sm">
          <tr>
            <th scope="col" className="px-3 py-2">Persona delegada</th>
            <th scope="col" className="px-3 py-2">DIDEDUC</th>
            <th scope="col" className="px-3 py-2">Delega</th>
            <th scope="col" className="px-3 py-2">Fechas</th>
            <th scope="col" className="px-3 py-2">{revocable ? "Revocar" : "Estado"}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} className="border-t border-slate-200 align-top" data-testid="delegation-row">
              <th scope="row" className="px-3 py-2 font-semibold">
                {d.delegate.name}
                {d.note ? <span className="block text-sm font-normal text-slate-700">{d.note}</span> : null}
              </th>
              <td className="px-3 py-2">{d.dideduc.name}</td>
              <td className="px-3 py-2">{d.grantor.name}</td>
              <td className="px-3 py-2 text-sm">{formatDate(d.validFrom)} – {formatDate(d.validTo)}</td>
              <td className="px-3 py-2">
                {revocable ? <DelegationRevokeForm delegationId={d.id} delegateName={d.delegate.name} /> : d.revokedAt ? `Revocada el ${formatDateTime(d.revokedAt)}` : "Terminada"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function DelegationsPage() {
  await requireSegment("admin");
  const data = await listDelegations();
  return (
    <>
      <PageHeading eyebrow="Administración" title="Delegaciones">
        <p>Notas 2 y 3 del procedimiento: {DIDEDUC_SIGNER_WHO.charAt(0).toUpperCase() + DIDEDUC_SIGNER_WHO.slice(1)} delega la revisión en otra persona de su personal durante unas fechas.</p>
      </PageHeading>
      <section aria-labelledby="current-heading" className="mb-8 space-y-3">
        <h2 id="current-heading" className="text-xl font-semibold">Vigentes y próximas ({data.current.length})</h2>
        <DelegationTable rows={data.current} caption="Delegaciones vigentes y próximas" revocable />
      </section>
      <section aria-labelledby="past-heading" className="mb-8 space-y-3">
        <h2 id="past-heading" className="text-xl font-semibold">Pasadas y revocadas ({data.past.length})</h2>
        <DelegationTable rows={data.past} caption="Delegaciones pasadas y revocadas" revocable={false} />
      </section>
      <Card aria-labelledby="new-heading">
        <h2 id="new-heading" className="mb-4 text-xl font-semibold">Crear delegación</h2>
        <DelegationForm signers={data.signers} staff={data.staff} />
      </Card>
    </>
  );
}
