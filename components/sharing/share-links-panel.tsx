import { formatDateTime } from "@/components/cases/format-date";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { TShareLinkRow } from "@/lib/sharing/list-share-links";
import type { TShareLinkState } from "@/lib/sharing/share-link-policy";
import { CopyLinkButton } from "./copy-link-button";
import { CreateShareLinkForm } from "./create-share-link-form";
import { RevokeShareLinkForm } from "./revoke-share-link-form";

const STATE_LABELS: Record<TShareLinkState, string> = { active: "Activo", expired: "Vencido", revoked: "Revocado" };
const STATE_STYLES: Record<TShareLinkState, string> = {
  active: "bg-green-100 text-green-900",
  expired: "bg-slate-200 text-slate-900",
  revoked: "bg-red-100 text-red-900",
};

function usesText(views: number, downloads: number): string {
  const v = views === 1 ? "1 visita" : `${views} visitas`;
  const d = downloads === 1 ? "1 descarga" : `${downloads} descargas`;
  return `${v}, ${d}`;
}

// "Compartir el documento": the holder decides who may download the full PDF, for how long, and
// withdraws it when they want. A revoked certification can no longer be shared: its links are
// listed for the record only.
export function ShareLinksPanel({
  caseId,
  links,
  revoked,
  dateMin,
  dateMax,
}: {
  caseId: string;
  links: readonly TShareLinkRow[];
  revoked: boolean;
  dateMin: string;
  dateMax: string;
}) {
  return (
    <Card className="mb-8 space-y-4" aria-labelledby="compartir">
      <h2 id="compartir" className="text-xl font-semibold">
        Compartir el documento
      </h2>
      {revoked ? (
        <Notice tone="warning" title="Ya no se puede compartir">
          <p data-testid="sharing-stopped">
            Esta certificación fue anulada: sus enlaces dejaron de dar acceso al documento y no se pueden crear nuevos.
          </p>
        </Notice>
      ) : (
        <>
          <p>
            La página pública de verificación muestra el estado de su certificación y su nombre parcialmente oculto, pero no deja descargar el
            documento. Para que una universidad, un consulado o un empleador descargue el PDF firmado, cree un enlace para esa institución y
            envíeselo. Funciona sin cuenta hasta la fecha que elija, y puede revocarlo cuando quiera.
          </p>
          <CreateShareLinkForm caseId={caseId} dateMin={dateMin} dateMax={dateMax} />
        </>
      )}
      <h3 className="pt-2 text-lg font-semibold">Sus enlaces</h3>
      {links.length === 0 ? (
        <p>Todavía no ha creado enlaces.</p>
      ) : (
        <ul className="space-y-3" data-testid="share-links">
          {links.map((l) => {
            const inputId = `enlace-${l.id}`;
            const usable = l.state === "active" && !revoked;
            return (
              <li key={l.id} className="space-y-2 rounded-md border border-slate-300 p-3" data-testid="share-link" data-state={l.state}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-semibold">{l.label}</p>
                  <span className={`rounded px-2 py-0.5 text-sm font-semibold ${STATE_STYLES[l.state]}`} data-testid="share-link-state">
                    {STATE_LABELS[l.state]}
                  </span>
                </div>
                {usable ? (
                  <>
                    <label htmlFor={inputId} className="sr-only">
                      Enlace para {l.label}
                    </label>
                    <input
                      id={inputId}
                      readOnly
                      value={l.url}
                      className="block w-full rounded-md border-2 border-slate-600 bg-slate-50 px-2 py-1 font-mono text-sm"
                      data-testid="share-link-url"
                    />
                    <CopyLinkButton url={l.url} inputId={inputId} label={l.label} />
                  </>
                ) : null}
                {/* Separate lines: a formatted time ends in "p. m.", which a following period would double. */}
                <p className="text-sm text-slate-700" data-testid="share-link-dates">
                  <span className="block font-semibold text-slate-900">
                    {l.state === "revoked" && l.revokedAt
                      ? `Revocado el ${formatDateTime(l.revokedAt)}`
                      : l.state === "expired"
                        ? `Venció el ${formatDateTime(l.expiresAt)}`
                        : `Funciona hasta el ${formatDateTime(l.expiresAt)}`}
                  </span>
                  <span className="block">Creado el {formatDateTime(l.createdAt)}</span>
                  <span className="block">{usesText(l.views, l.downloads)}</span>
                </p>
                {l.state === "active" ? <RevokeShareLinkForm shareLinkId={l.id} label={l.label} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
