import type { Metadata } from "next";
import { formatDate, formatDateTime } from "@/components/cases/format-date";
import { PageHeading } from "@/components/layout/page-heading";
import { SignerEndForm } from "@/components/signer-changes/signer-end-form";
import { SignerNoticeForm } from "@/components/signer-changes/signer-notice-form";
import { SIGNER_CHANGE_KIND_LABELS, SIGNER_CHANGE_STATUS_LABELS } from "@/components/signer-changes/signer-change-labels";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { listAuthorizedSigners } from "@/lib/admin/list-authorized-signers";
import { SIGNER_STATE_LABELS } from "@/lib/admin/signer-state";
import { requireSegment } from "@/lib/auth/require-segment";
import { allowedDideducSignerPosts, DIDEDUC_SIGNER_POST_LABELS } from "@/lib/registry/dideduc-signer-posts";
import { findSignerDideduc } from "@/lib/registry/signer-changes/find-signer-dideduc";
import { listDideducStaff } from "@/lib/registry/signer-changes/list-dideduc-staff";
import { listSignerChanges } from "@/lib/registry/signer-changes/list-signer-changes";
import { guatemalaToday } from "@/lib/registry/signer-changes/signer-change-options";
import { DataTable, EmptyNote, ListSection } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Firmantes de la Dirección Departamental" };

export default async function DireccionSignersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSegment("direccion", { callbackPath: "/direccion/firmantes" });
  const endNotified = (await searchParams).hecho === "fin";
  // Nota 3 is the Director's: a delegation of review or signature does not carry it.
  if (!actor.roles.includes("DIDEDUC_SIGNER") || !actor.dideducId) {
    return (
      <>
        <PageHeading eyebrow="Firma de la Dirección" title="Firmantes de la Dirección Departamental" />
        <Notice tone="warning">Solo la Dirección de la Dirección Departamental notifica a sus firmantes.</Notice>
      </>
    );
  }
  const dideducId = actor.dideducId;
  const [dideduc, signers, changes, staff] = await Promise.all([
    findSignerDideduc(dideducId),
    listAuthorizedSigners({ office: "DIDEDUC", dideducId }),
    listSignerChanges({ dideducId, take: 50 }),
    listDideducStaff(dideducId),
  ]);
  const now = new Date();
  const today = guatemalaToday(now);
  const pendingEnds = new Set(changes.filter((c) => c.kind === "END" && c.status === "PENDING").map((c) => c.authorizedSignerId));
  const allowed = allowedDideducSignerPosts(dideduc.type).map((p) => DIDEDUC_SIGNER_POST_LABELS[p]).join(" o ");
  return (
    <>
      <PageHeading eyebrow="Firma de la Dirección" title={`Firmantes de la Dirección Departamental de ${dideduc.name}`}>
        <p>
          Nota 3 del procedimiento: «La Dirección Departamental de Educación deberá notificar al departamento de Atención al ciudadano … la firma y las personas
          encargadas de certificar los documentos con firma electrónica avanzada. En caso de cambio de personal se deberá notificar de igual forma.»
        </p>
        <p className="mt-2">
          Su Dirección es de tipo {dideduc.type}: firman {allowed}.
        </p>
      </PageHeading>

      {endNotified ? (
        <Notice tone="success" className="mb-6">
          Notificación enviada a Atención al Ciudadano: la persona dejará de firmar cuando la acepte.
        </Notice>
      ) : null}

      <ListSection id="registry-heading" title="Registro de firmantes" className="mb-10 space-y-4">
        {signers.length === 0 ? (
          <EmptyNote>Su Dirección Departamental no tiene firmantes registrados.</EmptyNote>
        ) : (
          <DataTable testId="dideduc-signer-table" caption="Firmantes registrados" columns={["Nombre y puesto", "Vigencia", "Estado", "Cambio de personal"]}>
            {signers.map((s) => (
              <tr key={s.id} className="border-t border-slate-200 align-top" data-testid="dideduc-signer-row">
                <th scope="row" className="px-3 py-2">
                  <span className="font-semibold">{s.name}</span>
                  <span className="block text-sm font-normal text-slate-700">{s.post}</span>
                </th>
                <td className="px-3 py-2 text-sm">
                  {formatDate(s.validFrom)} – {formatDate(s.validTo)}
                  {s.revokedAt && s.state !== "REVOKED" ? <span className="block">Deja de firmar el {formatDate(s.revokedAt)}</span> : null}
                </td>
                <td className="px-3 py-2">{SIGNER_STATE_LABELS[s.state]}</td>
                <td className="min-w-64 px-3 py-2">
                  {s.state === "REVOKED" || s.state === "EXPIRED" || s.revokedAt ? (
                    "—"
                  ) : pendingEnds.has(s.id) ? (
                    "Fin notificado, pendiente de revisión"
                  ) : (
                    <SignerEndForm signerId={s.id} signerName={s.name} today={today} />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListSection>

      <ListSection id="changes-heading" title="Notificaciones enviadas" className="mb-10 space-y-4">
        {changes.length === 0 ? (
          <EmptyNote>Aún no ha enviado notificaciones.</EmptyNote>
        ) : (
          <ul className="space-y-2" data-testid="signer-change-list">
            {changes.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-300 bg-white p-3" data-testid="signer-change-item">
                <span className="font-semibold">{SIGNER_CHANGE_KIND_LABELS[c.kind]}: {c.name}</span>
                {c.postTitle ? <span className="text-slate-700"> — {c.postTitle}</span> : null}
                <span className="block text-sm text-slate-700">
                  Enviada el {formatDateTime(c.createdAt)} · <span data-testid="signer-change-status">{SIGNER_CHANGE_STATUS_LABELS[c.status]}</span>
                  {c.reviewedAt ? ` el ${formatDateTime(c.reviewedAt)}` : ""}
                  {c.kind === "END" && c.endAt ? ` · deja de firmar el ${formatDate(c.endAt)}` : ""}
                </span>
                {c.reviewReason ? <span className="block text-sm">Motivo: {c.reviewReason}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </ListSection>

      <Card aria-labelledby="notice-heading">
        <h2 id="notice-heading" className="mb-4 text-xl font-semibold">Notificar un nuevo firmante</h2>
        <SignerNoticeForm dideducType={dideduc.type} accounts={staff.map((a) => ({ id: a.id, name: `${a.name} (${a.email})` }))} />
      </Card>
    </>
  );
}
