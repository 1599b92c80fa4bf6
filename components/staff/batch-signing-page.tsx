import "server-only";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { CaseStateBadge } from "@/components/cases/case-state-badge";
import type { TSessionUser } from "@/lib/auth/session-user";
import { BATCH_SIGNING_LIMIT, findBatchSigningCases, type TBatchSigningAction } from "@/lib/cases/find-batch-signing-cases";
import { issuedByCentralOnly } from "@/lib/cases/procedure-sheets";
import { BatchSigningForm } from "./batch-signing-form";
import type { TSigningActions } from "./sign-case-in-browser";
import { toQueueRows } from "./to-queue-rows";

// The case ids a review screen was opened with (?caso=…&caso=…), as sent by the queue's checkboxes.
export function readBatchCaseIds(searchParams: Record<string, string | string[] | undefined>): string[] {
  const raw = searchParams.caso;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return [...new Set(list.map((v) => v.trim()).filter((v) => v !== "" && v.length <= 100))];
}

// The review screen of a batch signature (issue #13): the chosen cases as they are NOW (number,
// holder, procedure, the document to read before signing, the version read now), those no longer
// signable said so, and the browser form that opens the certificate once and signs each in turn.
// The route checked the segment on its first line.
export async function BatchSigningPage({
  actor,
  segment,
  action,
  searchParams,
  actions,
}: {
  actor: TSessionUser;
  segment: "direccion" | "atencion";
  action: TBatchSigningAction;
  searchParams: Record<string, string | string[] | undefined>;
  actions: TSigningActions;
}) {
  const ids = readBatchCaseIds(searchParams);
  const backHref = `/${segment}`;
  const title = action === "sign" ? "Firmar varias certificaciones" : "Firmar y emitir varias certificaciones";
  const back = (
    <p className="mt-4">
      <Link href={backHref}>Volver a la bandeja</Link>
    </p>
  );
  if (ids.length === 0 || ids.length > BATCH_SIGNING_LIMIT) {
    return (
      <>
        <PageHeading title={title} />
        <Notice tone="warning" title={ids.length === 0 ? "No eligió ninguna solicitud" : "Demasiadas solicitudes para un lote"}>
          <p data-testid="batch-refused">
            {ids.length === 0
              ? "Marque en la bandeja las solicitudes que desea firmar y pulse «Firmar seleccionadas»."
              : `Eligió ${ids.length} solicitudes; se pueden firmar hasta ${BATCH_SIGNING_LIMIT} por lote. Vuelva a la bandeja y elija menos.`}
          </p>
        </Notice>
        {back}
      </>
    );
  }

  const found = await findBatchSigningCases({ actor, caseIds: ids, action });
  const rows = toQueueRows(found.map((c) => c.row));
  const signable = found.filter((c) => c.signable);
  const missing = ids.length - found.length;
  const docHref = (c: (typeof found)[number]["row"]) => {
    const base = `/api/cases/${encodeURIComponent(c.id)}`;
    if (action === "sign") return `${base}/document?stage=UNSIGNED`;
    // Central-only procedures have no document before "Firmar y emitir": their preview.
    return issuedByCentralOnly(c.procedure) ? `${base}/preview` : `${base}/document`;
  };
  const caseHref = (id: string) => `/${segment}/casos/${encodeURIComponent(id)}`;

  return (
    <>
      <PageHeading title={title}>
        <p>
          Revise la lista y, si quiere, cada documento antes de firmar. Abrirá su certificado una sola vez; cada certificación recibe su propia firma, en
          orden. Si una no se puede firmar, las demás continúan y al final verá el resultado de cada una.
        </p>
      </PageHeading>
      <section aria-labelledby="batch-list-heading" className="mb-8 space-y-3">
        <h2 id="batch-list-heading" className="text-xl font-semibold">
          Solicitudes elegidas ({signable.length} de {ids.length} se pueden firmar)
        </h2>
        <div className="overflow-x-auto rounded-md border border-slate-300 bg-white">
          <table className="w-full border-collapse text-left" data-testid="batch-list">
            <caption className="sr-only">Solicitudes de este lote y si se pueden firmar ahora</caption>
            <thead className="bg-slate-100 text-sm">
              <tr>
                <th scope="col" className="px-3 py-2">Número</th>
                <th scope="col" className="px-3 py-2">Persona</th>
                <th scope="col" className="px-3 py-2">Trámite</th>
                {segment === "atencion" ? <th scope="col" className="px-3 py-2">DIDEDUC</th> : null}
                <th scope="col" className="px-3 py-2">Documento</th>
                <th scope="col" className="px-3 py-2">Estado ahora</th>
              </tr>
            </thead>
            <tbody>
              {found.map((c, i) => {
                const r = rows[i];
                return (
                  <tr key={r.id} className="border-t border-slate-200 align-top" data-testid="batch-row" data-case-number={r.number} data-signable={c.signable}>
                    <th scope="row" className="px-3 py-2 font-semibold">
                      <Link href={caseHref(r.id)}>{r.number}</Link>
                    </th>
                    <td className="px-3 py-2">{r.personName}</td>
                    <td className="px-3 py-2">{r.procedureLabel}</td>
                    {segment === "atencion" ? <td className="px-3 py-2">{r.dideducName ?? "—"}</td> : null}
                    <td className="px-3 py-2">
                      <a href={docHref(c.row)} target="_blank" rel="noopener">
                        Ver PDF<span className="sr-only"> de {r.number}</span>
                      </a>
                    </td>
                    <td className="px-3 py-2">
                      <CaseStateBadge state={r.state} />
                      {c.signable ? null : (
                        <span className="mt-1 block text-sm font-semibold text-red-800" data-testid="batch-not-signable">
                          {c.heldBy ? `${c.heldBy} No se firmará en este lote.` : "Ya no espera su firma: no se firmará en este lote."}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {missing > 0 ? (
          <p data-testid="batch-missing">
            {missing === 1 ? "Una de las solicitudes elegidas no existe" : `${missing} de las solicitudes elegidas no existen`} o no está a su alcance: no se
            firmará.
          </p>
        ) : null}
      </section>
      {signable.length > 0 ? (
        <Card aria-labelledby="batch-sign-heading">
          <h2 id="batch-sign-heading" className="mb-3 text-lg font-semibold">
            {action === "sign" ? "Firmar" : "Firmar y emitir"}
          </h2>
          <BatchSigningForm
            items={signable.map((c) => ({ caseId: c.row.id, number: c.row.number, version: c.row.version }))}
            label={action === "sign" ? `Firmar ${signable.length === 1 ? "la certificación" : `las ${signable.length} certificaciones`}` : `Firmar y emitir ${signable.length === 1 ? "la certificación" : `las ${signable.length} certificaciones`}`}
            caseHrefBase={`/${segment}/casos/`}
            backHref={backHref}
            actions={actions}
          />
        </Card>
      ) : (
        <Notice tone="warning" title="Nada que firmar">
          Ninguna de las solicitudes elegidas espera su firma ahora.
        </Notice>
      )}
      {back}
    </>
  );
}
