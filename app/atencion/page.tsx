import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/page-heading";
import { CaseQueue, QUEUE_PAGE_SIZE, queueOptions, readQueueFilters } from "@/components/staff/queue-page";
import { toQueueRows } from "@/components/staff/to-queue-rows";
import { requireSegment } from "@/lib/auth/require-segment";
import { listCaseQueue, queueStatesFor } from "@/lib/cases/list-case-queue";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { PROCEDURES } from "@/lib/workflow/definitions";

export const metadata: Metadata = { title: "Atención al Ciudadano" };

export default async function AtencionQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSegment("atencion");
  // Sworn translators' registrations (D.4) are listed for the central manager only.
  const STATES = queueStatesFor("atencion", actor.roles);
  const procedures = STATES.includes("MANAGER_REVIEW") ? PROCEDURES : PROCEDURES.filter((p) => p !== "TRANSLATOR_REGISTRATION");
  const filters = readQueueFilters(await searchParams, STATES, procedures);
  const queue = await listCaseQueue({
    actor,
    segment: "atencion",
    state: (filters.state || undefined) as CaseState | undefined,
    procedure: (filters.procedure || undefined) as Procedure | undefined,
    q: filters.q || undefined,
    page: filters.page,
    pageSize: QUEUE_PAGE_SIZE,
  });
  return (
    <>
      <PageHeading title="Atención al Ciudadano">
        <p>Las solicitudes de todas las Direcciones Departamentales que esperan la revisión de Planta Central: compruebe las firmas, firme y emita, o devuelva a la DIDEDUC.</p>
      </PageHeading>
      <CaseQueue
        basePath="/atencion"
        caseBasePath="/atencion/casos"
        filters={filters}
        {...queueOptions(STATES, procedures)}
        rows={toQueueRows(queue.rows)}
        total={queue.total}
        page={queue.page}
        pageCount={queue.pageCount}
        showDideduc
        emptyText="No hay solicitudes esperando la revisión de Atención al Ciudadano."
      />
    </>
  );
}
