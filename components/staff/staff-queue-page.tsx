import type { ReactNode } from "react";
import { PageHeading } from "@/components/layout/page-heading";
import { Notice } from "@/components/ui/notice";
import { findActorOffice } from "@/lib/auth/find-actor-office";
import type { TSessionUser } from "@/lib/auth/session-user";
import { BATCH_SIGNING_LIMIT, findSignableQueueRows } from "@/lib/cases/find-batch-signing-cases";
import { listCaseQueue, queueStatesFor, type TQueueSegment } from "@/lib/cases/list-case-queue";
import { listDideducs } from "@/lib/cases/list-dideducs";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { loadServiceLevels } from "@/lib/service-levels/load-service-levels";
import { PROCEDURES, getDefinition } from "@/lib/workflow/definitions";
import { ALL_STATES, TAKEN_BY_ME } from "./case-queue";
import { CaseQueue, QUEUE_PAGE_SIZE, queueOptions, readQueueFilters } from "./queue-page";
import { toQueueRows } from "./to-queue-rows";

// The procedures a segment's queue offers: a DIDEDUC's, those it reviews; the central office's, all
// of them but sworn translators' registrations (D.4) unless the person is the central manager.
// The signature each office signs from its queue in a batch (issue #13), and the state it waits in.
const BATCH_SIGNING = {
  direccion: { action: "sign", state: "DIDEDUC_SIGNATURE" },
  atencion: { action: "sign_and_issue", state: "CENTRAL_REVIEW" },
} as const;

function queueProcedures(segment: TQueueSegment, states: readonly CaseState[]): Procedure[] {
  if (segment !== "atencion") return PROCEDURES.filter((p) => getDefinition(p).requiresDideduc);
  return states.includes("MANAGER_REVIEW") ? PROCEDURES : PROCEDURES.filter((p) => p !== "TRANSLATOR_REGISTRATION");
}

// The queue page of /dideduc, /direccion and /atencion. The route checks the segment (its first
// line) and passes the actor. A DIDEDUC segment lists the actor's DIDEDUC only, and says so when
// the account has none.
export async function StaffQueuePage({
  actor,
  segment,
  searchParams,
  title,
  intro,
  emptyText,
}: {
  actor: TSessionUser;
  segment: TQueueSegment;
  searchParams: Record<string, string | string[] | undefined>;
  title: string;
  intro: ReactNode;
  emptyText: string;
}) {
  const departmental = segment !== "atencion";
  const office = departmental ? await findActorOffice(actor.dideducId) : null;
  const states = queueStatesFor(segment, actor.roles);
  const procedures = queueProcedures(segment, states);
  // The central queue filters by DIDEDUC; a DIDEDUC's queue is its own office's.
  const dideducOptions = departmental ? undefined : (await listDideducs()).map((d) => ({ value: d.id, label: d.name }));
  const filters = readQueueFilters(searchParams, states, procedures, dideducOptions?.map((o) => o.value));
  const batchSigning = segment === "dideduc" ? null : BATCH_SIGNING[segment];
  const mine = filters.state === "";
  // Filtered to the cases waiting for a signature (or to this person's work, which is that), a page holds a whole batch.
  const pageSize = batchSigning && (mine || filters.state === batchSigning.state) ? BATCH_SIGNING_LIMIT : QUEUE_PAGE_SIZE;
  const queue =
    !departmental || office
      ? await listCaseQueue({
          actor,
          segment,
          mine,
          takenByMe: filters.state === TAKEN_BY_ME,
          state: (mine || filters.state === ALL_STATES || filters.state === TAKEN_BY_ME ? undefined : filters.state) as CaseState | undefined,
          procedure: (filters.procedure || undefined) as Procedure | undefined,
          dideducId: filters.dideduc || undefined,
          q: filters.q || undefined,
          page: filters.page,
          pageSize,
        })
      : null;
  // Targets and holidays once per request: each row's «Vencida»/«Por vencer» is computed in memory.
  const serviceLevels = queue ? await loadServiceLevels() : undefined;
  // The rows this person can sign now (role, scope, state: the workflow definition, as the case page's buttons).
  const selectableIds = queue && batchSigning ? await findSignableQueueRows({ actor, rows: queue.rows, action: batchSigning.action }) : [];
  return (
    <>
      <PageHeading title={title}>
        <p>{intro}</p>
        {office ? <p className="mt-2 font-semibold">Dirección Departamental de Educación de {office.name}</p> : null}
      </PageHeading>
      {!queue ? (
        <Notice tone="warning" title="Su cuenta no tiene DIDEDUC asignada">
          Pida a la administración del sistema que asigne su Dirección Departamental; sin ella no verá solicitudes.
        </Notice>
      ) : (
        <CaseQueue
          basePath={`/${segment}`}
          caseBasePath={`/${segment}/casos`}
          filters={filters}
          {...queueOptions(states, procedures)}
          dideducOptions={dideducOptions}
          rows={toQueueRows(queue.rows, new Date(), serviceLevels)}
          total={queue.total}
          capped={queue.capped}
          page={queue.page}
          pageCount={queue.pageCount}
          showDideduc={!departmental}
          emptyText={emptyText}
          batch={batchSigning ? { reviewPath: `/${segment}/firmar`, selectableIds, max: BATCH_SIGNING_LIMIT } : undefined}
        />
      )}
    </>
  );
}
