import type { Metadata } from "next";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CaseStateBadge } from "@/components/cases/case-state-badge";
import { ConfirmCaseExit } from "@/components/cases/confirm-case-exit";
import { Notice } from "@/components/ui/notice";
import { formatDate } from "@/components/cases/format-date";
import { nextStepText } from "@/components/cases/next-step";
import { TranslatorRegistryCard } from "@/components/cases/translator-registry-card";
import { requireSegment } from "@/lib/auth/require-segment";
import { findTranslatorRegistration } from "@/lib/cases/find-translator-registration";
import { listApplicantCases } from "@/lib/cases/list-applicant-cases";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";

export const metadata: Metadata = { title: "Mis trámites" };

// The citizen's own cases, newest first, each with its state and what comes next.
export default async function CitizenHomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSegment("ciudadano");
  const query = await searchParams;
  const cases = await listApplicantCases({ actor });
  // A sworn translator's page also shows their registration (D.4) and registry entry.
  const translator = actor.roles.includes("TRANSLATOR") ? await findTranslatorRegistration({ actor }) : null;
  return (
    <>
      <PageHeading title="Mis trámites">
        <p>Aquí solicita la certificación de sus documentos educativos y sigue cada trámite hasta descargar el PDF firmado.</p>
      </PageHeading>
      {query.borrador === "eliminado" ? (
        <Notice tone="success" className="mb-6" title="Borrador eliminado">
          <p>Se borraron sus datos y los archivos adjuntos.</p>
        </Notice>
      ) : null}
      {translator ? <TranslatorRegistryCard status={translator} /> : null}
      <p className="mb-8">
        <ButtonLink href="/ciudadano/solicitudes/nueva">Nueva solicitud</ButtonLink>
      </p>
      <section aria-labelledby="mis-solicitudes">
        <h2 id="mis-solicitudes" className="mb-4 text-2xl font-semibold">
          Mis solicitudes
        </h2>
        {cases.length === 0 ? (
          <Card>
            <p>Todavía no tiene solicitudes. Use «Nueva solicitud» para empezar.</p>
          </Card>
        ) : (
          <ul className="space-y-4" data-testid="my-cases">
            {cases.map((c) => (
              <li key={c.id}>
                <Card as="article" className="space-y-2">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="text-lg font-semibold">
                      <Link href={`/ciudadano/solicitudes/${encodeURIComponent(c.id)}`}>
                        {PROCEDURE_LABELS[c.procedure]} · <span className="tabular-nums">{c.number}</span>
                      </Link>
                    </h3>
                    <CaseStateBadge state={c.state} />
                  </div>
                  <p className="text-slate-800">{nextStepText(c.procedure, c.state, lastActionOf(c), c.lastFromState)}</p>
                  {c.state === "DRAFT" && c.studentName ? (
                    <p data-testid="draft-student">
                      Estudiante: <strong>{c.studentName}</strong>
                    </p>
                  ) : null}
                  <p className="text-sm text-slate-600">
                    {c.submittedAt
                      ? `Enviada el ${formatDate(c.submittedAt)}`
                      : c.state === "DRAFT"
                        ? `Creada el ${formatDate(c.createdAt)} · modificada por última vez el ${formatDate(c.updatedAt)}`
                        : `Creada el ${formatDate(c.createdAt)}`}
                  </p>
                  {c.state === "DRAFT" ? <ConfirmCaseExit kind="discard_draft" caseId={c.id} caseNumber={c.number} version={c.version} /> : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

// The latest transition's action, when the list carries it (it picks the right "next step" message).
function lastActionOf(row: object): string | null {
  const value = (row as { lastAction?: unknown }).lastAction;
  return typeof value === "string" ? value : null;
}
