import type { Metadata } from "next";
import { formatDate, formatDateTime } from "@/components/cases/format-date";
import { PageHeading } from "@/components/layout/page-heading";
import { SignerChangeReviewForms } from "@/components/signer-changes/review-forms";
import { SIGNER_CHANGE_KIND_LABELS, SIGNER_CHANGE_STATUS_LABELS } from "@/components/signer-changes/signer-change-labels";
import { Notice } from "@/components/ui/notice";
import { groupFingerprint } from "@/lib/admin/signer-state";
import { requireSegment } from "@/lib/auth/require-segment";
import { listSignerChanges } from "@/lib/registry/signer-changes/list-signer-changes";
import { EmptyNote, ListSection } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Notificaciones de firmantes" };

const DONE: Record<string, string> = {
  aceptada: "Notificación aceptada: el registro de firmantes autorizados ya cambió y se avisó a la Dirección Departamental.",
  rechazada: "Notificación rechazada: el registro no cambió y se avisó a la Dirección Departamental con el motivo.",
};

export default async function AtencionSignerChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireSegment("atencion", { callbackPath: "/atencion/firmantes" });
  const hecho = (await searchParams).hecho;
  const done = typeof hecho === "string" ? DONE[hecho] : undefined;
  const [pending, recent] = await Promise.all([listSignerChanges({ status: "PENDING" }), listSignerChanges({ take: 30 })]);
  const reviewed = recent.filter((c) => c.status !== "PENDING");
  return (
    <>
      <PageHeading eyebrow="Atención al Ciudadano" title="Notificaciones de firmantes de las Direcciones Departamentales">
        <p>
          Nota 3 del procedimiento: cada Dirección Departamental notifica a este departamento las personas encargadas de certificar con firma electrónica avanzada, y
          sus cambios de personal. Compare el certificado con lo notificado antes de aceptar: al aceptar, el registro de firmantes autorizados cambia.
        </p>
      </PageHeading>

      {done ? (
        <Notice tone="success" className="mb-6">
          {done}
        </Notice>
      ) : null}

      <ListSection id="pending-heading" title="Pendientes" count={pending.length} className="mb-10 space-y-4">
        {pending.length === 0 ? (
          <EmptyNote>No hay notificaciones pendientes.</EmptyNote>
        ) : (
          <ul className="space-y-4">
            {pending.map((c) => {
              const label = `${c.kind === "ADD" ? "nuevo firmante" : "fin de firmante"} ${c.name ?? ""} (${c.dideduc.name})`;
              return (
                <li key={c.id} className="rounded-md border border-slate-300 bg-white p-4" data-testid="pending-signer-change">
                  <h3 className="text-lg font-semibold">
                    {SIGNER_CHANGE_KIND_LABELS[c.kind]}: {c.name} — Dirección Departamental de {c.dideduc.name} (tipo {c.dideduc.type})
                  </h3>
                  <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm md:grid-cols-[max-content_1fr]">
                    <dt className="font-semibold">Notificada por</dt>
                    <dd>{c.requestedBy.name} ({c.requestedBy.email}), el {formatDateTime(c.createdAt)}</dd>
                    {c.postTitle ? (
                      <>
                        <dt className="font-semibold">Puesto</dt>
                        <dd>{c.postTitle}</dd>
                      </>
                    ) : null}
                    {c.kind === "ADD" && c.certificate ? (
                      <>
                        <dt className="font-semibold">Titular del certificado</dt>
                        <dd className="break-all">{c.certificate.subject}</dd>
                        <dt className="font-semibold">Emisor</dt>
                        <dd className="break-all">{c.certificate.issuer}</dd>
                        <dt className="font-semibold">Validez del certificado</dt>
                        <dd>{formatDate(c.certificate.validFrom)} – {formatDate(c.certificate.validTo)}</dd>
                        <dt className="font-semibold">Firmará</dt>
                        <dd>{c.validFrom && c.validTo ? `${formatDate(c.validFrom)} – ${formatDate(c.validTo)}` : "—"}</dd>
                        <dt className="font-semibold">Huella SHA-256</dt>
                        <dd><code className="break-all text-xs">{groupFingerprint(c.certFingerprint ?? "")}</code></dd>
                        <dt className="font-semibold">Cuenta vinculada</dt>
                        <dd>{c.user ? `${c.user.name} (${c.user.email})` : "Ninguna"}</dd>
                      </>
                    ) : null}
                    {c.kind === "END" && c.authorizedSigner ? (
                      <>
                        <dt className="font-semibold">Registro actual</dt>
                        <dd>
                          {c.authorizedSigner.name}, {c.authorizedSigner.post}; vigente {formatDate(c.authorizedSigner.validFrom)} – {formatDate(c.authorizedSigner.validTo)}
                        </dd>
                        <dt className="font-semibold">Deja de firmar</dt>
                        <dd>{c.endAt ? formatDateTime(c.endAt) : "—"}</dd>
                      </>
                    ) : null}
                    {c.note ? (
                      <>
                        <dt className="font-semibold">{c.kind === "ADD" ? "Nota" : "Motivo"}</dt>
                        <dd>{c.note}</dd>
                      </>
                    ) : null}
                  </dl>
                  <div className="mt-4">
                    <SignerChangeReviewForms requestId={c.id} label={label} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </ListSection>

      <ListSection id="reviewed-heading" title="Revisadas recientemente" className="space-y-4">
        {reviewed.length === 0 ? (
          <EmptyNote>Aún no hay notificaciones revisadas.</EmptyNote>
        ) : (
          <ul className="space-y-2">
            {reviewed.map((c) => (
              <li key={c.id} className="rounded-md border border-slate-300 bg-white p-3 text-sm">
                <span className="font-semibold">{SIGNER_CHANGE_KIND_LABELS[c.kind]}: {c.name}</span> — {c.dideduc.name} ·{" "}
                {SIGNER_CHANGE_STATUS_LABELS[c.status]} por {c.reviewedBy?.name ?? "—"} el {c.reviewedAt ? formatDateTime(c.reviewedAt) : "—"}
                {c.reviewReason ? <span className="block">Motivo: {c.reviewReason}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </ListSection>
    </>
  );
}
