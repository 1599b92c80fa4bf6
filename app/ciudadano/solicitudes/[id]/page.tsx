import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { CaseStateBadge } from "@/components/cases/case-state-badge";
import { ConfirmCaseExit } from "@/components/cases/confirm-case-exit";
import { CaseTimeline, type TTimelineEvent } from "@/components/cases/case-timeline";
import { HolderReissueLinks } from "@/components/cases/holder-reissue-links";
import { formatDateTime, formatFileSize, pagesText } from "@/components/cases/format-date";
import { nextStepText } from "@/components/cases/next-step";
import { RevocationNotice } from "@/components/cases/revocation-notice";
import { requireSegment } from "@/lib/auth/require-segment";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { listDideducs } from "@/lib/cases/list-dideducs";
import { ProcedureDataPanel } from "@/components/staff/procedure-data-panel";
import { PROCEDURE_LABELS, getDefinition } from "@/lib/workflow/definitions";
import { ProcedureEditor } from "../_components/procedure-editor";
import { fileTitle } from "@/components/cases/file-kind-labels";
import { OfficeContact } from "../_components/office-contact";
import { RequestedDocumentsRejection } from "../_components/requested-documents-rejection";
import { StartFromButton } from "../_components/start-from-button";
import { CaseSharingSection } from "@/components/sharing/case-sharing-section";
import { RequestFormSection } from "../_components/new-request-page";

export const metadata: Metadata = { title: "Mi solicitud" };

// One request of the signed-in citizen: state and next step, what to do now (correct, go to an
// office, download), the form while it is editable, and every event. Someone else's case is
// indistinguishable from a missing one.
export default async function CitizenCasePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireSegment("ciudadano");
  const { id } = await params;
  const query = await searchParams;
  const view = await getCaseForActor({ actor, caseId: id });
  // Staff who also hold a citizen account see other people's cases in their own screens only.
  if (!view || !view.isApplicantView) notFound();

  const c = view.case;
  const events: TTimelineEvent[] = view.events.map((e) => ({
    id: e.id,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    note: e.note,
    createdAt: e.createdAt,
    role: e.role,
  }));
  const lastTransition = [...events].reverse().find((e) => e.toState && e.toState === c.state);
  const nextStep = nextStepText(c.procedure, c.state, lastTransition?.action ?? null, lastTransition?.fromState ?? null);
  const editable = c.state === "DRAFT" || c.state === "NEEDS_CORRECTION";
  const contact = c.state === "REJECTED" ? (view.guidance?.contact ?? null) : null;
  // D.4 names the DIDEDUC that registered the translator in its form data, not on the case.
  const dideducs = editable && (getDefinition(c.procedure).requiresDideduc || c.procedure === "TRANSLATOR_REGISTRATION") ? await listDideducs() : [];
  // D.3 and D.4 rejections end the case: the applicant corrects and starts again from its data.
  const restartable = c.state === "REJECTED" && !contact && (c.procedure === "SWORN_TRANSLATION" || c.procedure === "TRANSLATOR_REGISTRATION");

  return (
    <>
      <PageHeading title={PROCEDURE_LABELS[c.procedure]} eyebrow={`Solicitud ${c.number}`} />
      <HolderReissueLinks caseId={c.id} state={c.state} />

      {query.enviada && c.state !== "DRAFT" ? (
        <Notice tone="success" className="mb-6" title="Solicitud enviada">
          <p>Le enviamos un correo de confirmación. Puede seguir aquí el avance de su trámite.</p>
        </Notice>
      ) : null}
      {query.retirada && c.state === "WITHDRAWN" ? (
        <Notice tone="success" className="mb-6" title="Solicitud retirada">
          <p>Su solicitud no será revisada. Si después la necesita, inicie una nueva.</p>
        </Notice>
      ) : null}
      {query.nueva && c.state === "DRAFT" ? (
        <Notice className="mb-6" title="Nueva solicitud creada">
          <p>Copiamos los datos de su solicitud anterior. Revíselos, adjunte los documentos y envíela.</p>
        </Notice>
      ) : null}

      {c.state === "NEEDS_CORRECTION" ? (
        <section aria-labelledby="motivo-correccion" className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-950">
          <h2 id="motivo-correccion" className="text-lg font-semibold">
            Se solicitó una corrección
          </h2>
          <p className="mt-1 whitespace-pre-line" data-testid="correction-reason">
            {c.lastNote ?? "Revise sus datos y documentos."}
          </p>
          <p className="mt-2 text-sm">Corrija lo indicado más abajo; todo lo que había ingresado sigue ahí. Después use «Enviar correcciones».</p>
        </section>
      ) : null}

      <Card className="mb-8 space-y-3" aria-labelledby="estado-solicitud">
        <h2 id="estado-solicitud" className="text-xl font-semibold">
          Estado
        </h2>
        <p>
          <CaseStateBadge state={c.state} />
        </p>
        <p data-testid="next-step">{nextStep}</p>
        <dl className="grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-2">
          <div>
            <dt className="inline">Número de solicitud: </dt>
            <dd className="inline font-semibold tabular-nums">{c.number}</dd>
          </div>
          {c.submittedAt ? (
            <div>
              <dt className="inline">Enviada: </dt>
              <dd className="inline">{formatDateTime(c.submittedAt)}</dd>
            </div>
          ) : null}
          {view.dideduc ? (
            <div className="sm:col-span-2">
              <dt className="inline">Dirección Departamental: </dt>
              <dd className="inline">{view.dideduc.name}</dd>
            </div>
          ) : null}
        </dl>
        {view.actions.some((a) => a.action === "withdraw") ? (
          <div className="space-y-2 border-t border-slate-200 pt-3">
            <p className="text-sm text-slate-700">Mientras nadie la haya revisado, puede retirar esta solicitud.</p>
            <ConfirmCaseExit kind="withdraw" caseId={c.id} caseNumber={c.number} version={c.version} />
          </div>
        ) : null}
        {view.actions.some((a) => a.action === "discard_draft") ? (
          <div className="border-t border-slate-200 pt-3">
            <ConfirmCaseExit kind="discard_draft" caseId={c.id} caseNumber={c.number} version={c.version} />
          </div>
        ) : null}
      </Card>

      {c.state === "REJECTED" ? (
        <Card className="mb-8 space-y-3" aria-labelledby="rechazo">
          <h2 id="rechazo" className="text-xl font-semibold">
            {view.guidance?.kind === "REQUEST_DOCUMENTS" ? "Se necesitan más documentos" : contact ? "Dónde acudir" : "Motivo del rechazo"}
          </h2>
          {c.lastNote ? <p className="whitespace-pre-line">{c.lastNote}</p> : null}
          {view.guidance?.kind === "REQUEST_DOCUMENTS" ? (
            <RequestedDocumentsRejection caseId={c.id} documents={view.guidance.documents} contact={view.guidance.contact} />
          ) : contact ? (
            <>
              <OfficeContact contact={contact} />
              <p>Cuando tenga la certificación que le extiendan allí, inicie una nueva solicitud: copiaremos los datos de esta para que solo adjunte el documento nuevo.</p>
              <StartFromButton caseId={c.id} />
            </>
          ) : null}
          {restartable ? (
            <>
              <p>Corrija lo indicado e inicie una nueva solicitud: copiaremos los datos de esta para que los revise; adjunte de nuevo el documento.</p>
              <StartFromButton caseId={c.id} />
            </>
          ) : null}
        </Card>
      ) : null}

      {c.state === "REVOKED" && c.revokedAt ? (
        <RevocationNotice revokedAt={c.revokedAt} category={c.revocationCategory} verificationCode={c.verificationCode} />
      ) : null}

      {c.state === "ISSUED" ? (
        <Card className="mb-8 space-y-3" aria-labelledby="documento-emitido">
          <h2 id="documento-emitido" className="text-xl font-semibold">
            Su documento certificado
          </h2>
          <p>
            <a
              href={`/api/cases/${encodeURIComponent(c.id)}/document?descargar=1`}
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
              download
            >
              Descargar PDF firmado
            </a>
          </p>
          {c.verificationCode ? (
            <p>
              Código de verificación: <span className="font-semibold tabular-nums">{c.verificationCode}</span>.{" "}
              <Link href={`/verificar/${encodeURIComponent(c.verificationCode)}`}>Ver la página de verificación</Link>, la misma a la que lleva el código QR del documento.
            </p>
          ) : null}
          <Notice title="Apostilla">
            <p>
              Si va a usar el documento en el extranjero y necesita apostillarlo, suba este mismo archivo PDF, sin modificarlo ni
              imprimirlo, a la plataforma de apostilla electrónica del Ministerio de Relaciones Exteriores.
            </p>
          </Notice>
        </Card>
      ) : null}

      {c.state === "ISSUED" || c.state === "REVOKED" ? <CaseSharingSection caseId={c.id} holderId={actor.id} revoked={c.state === "REVOKED"} /> : null}

      {editable ? (
        <RequestFormSection heading={c.state === "NEEDS_CORRECTION" ? "Corrija su solicitud" : "Complete su solicitud"} className="mb-10">
          <ProcedureEditor
            key={c.id}
            procedure={c.procedure}
            initial={{
              caseId: c.id,
              number: c.number,
              version: c.version,
              state: c.state as "DRAFT" | "NEEDS_CORRECTION",
              formData: c.formData,
              dideducId: c.dideducId,
              updatedAt: new Date(c.updatedAt).toISOString(),
              files: view.files.map((f) => ({ id: f.id, name: f.originalName, size: f.size, pages: f.pages, kind: f.kind })),
              requestedDocuments: view.requestedDocuments,
            }}
            dideducs={dideducs.map((d) => ({ id: d.id, name: d.name }))}
          />
        </RequestFormSection>
      ) : (
        <Card className="mb-8 space-y-6" aria-labelledby="datos-enviados">
          <h2 id="datos-enviados" className="text-xl font-semibold">
            Datos de la solicitud
          </h2>
          <ProcedureDataPanel procedure={c.procedure} formData={c.formData} dideducName={view.dideduc?.name ?? null} />
          <div>
            <h3 className="font-semibold">Documentos adjuntos</h3>
            {view.files.length === 0 ? (
              <p>Ninguno.</p>
            ) : (
              <ul className="mt-2 list-disc space-y-1 pl-6">
                {view.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/api/files/${encodeURIComponent(f.id)}`} target="_blank" rel="noopener">
                      {fileTitle(f.kind, f.originalName)}
                    </a>{" "}
                    <span className="text-sm text-slate-700">
                      ({pagesText(f.pages)}, {formatFileSize(f.size)})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Card>
      )}

      <Card className="mb-8">
        <CaseTimeline events={events} />
      </Card>

      <p>
        <Link href="/ciudadano">Volver a mis trámites</Link>
      </p>
    </>
  );
}
