import type { Metadata } from "next";
import { PageHeading } from "@/components/layout/page-heading";
import { CaseQueue, QUEUE_PAGE_SIZE, queueOptions, readQueueFilters } from "@/components/staff/queue-page";
import { toQueueRows } from "@/components/staff/to-queue-rows";
import { Notice } from "@/components/ui/notice";
import { findActorOffice } from "@/lib/auth/find-actor-office";
import { requireSegment } from "@/lib/auth/require-segment";
import { QUEUE_STATES, listCaseQueue } from "@/lib/cases/list-case-queue";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { PROCEDURES, getDefinition } from "@/lib/workflow/definitions";

export const metadata: Metadata = { title: "Firma de la Dirección" };

const STATES = QUEUE_STATES.direccion;
const DIDEDUC_PROCEDURES: Procedure[] = PROCEDURES.filter((p) => getDefinition(p).requiresDideduc);

export default async function DireccionQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSegment("direccion");
  const office = await findActorOffice(actor.dideducId);
  const filters = readQueueFilters(await searchParams, STATES, DIDEDUC_PROCEDURES);
  const queue = office
    ? await listCaseQueue({
        actor,
        segment: "direccion",
        state: (filters.state || undefined) as CaseState | undefined,
        procedure: (filters.procedure || undefined) as Procedure | undefined,
        q: filters.q || undefined,
        page: filters.page,
        pageSize: QUEUE_PAGE_SIZE,
      })
    : null;
  return (
    <>
      <PageHeading title="Firma de la Dirección">
        <p>Las certificaciones que el Departamento Técnico Pedagógico trasladó a su firma: revíselas y fírmelas con su certificado, o devuélvalas.</p>
        {office ? <p className="mt-2 font-semibold">Dirección Departamental de Educación de {office.name}</p> : null}
      </PageHeading>
      {!office || !queue ? (
        <Notice tone="warning" title="Su cuenta no tiene DIDEDUC asignada">
          Pida a la administración del sistema que asigne su Dirección Departamental; sin ella no verá solicitudes.
        </Notice>
      ) : (
        <CaseQueue
          basePath="/direccion"
          caseBasePath="/direccion/casos"
          filters={filters}
          {...queueOptions(STATES, DIDEDUC_PROCEDURES)}
          rows={toQueueRows(queue.rows)}
          total={queue.total}
          page={queue.page}
          pageCount={queue.pageCount}
          emptyText="No hay certificaciones pendientes de su firma."
        />
      )}
    </>
  );
}
