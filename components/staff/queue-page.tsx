import type { Procedure } from "@/lib/generated/prisma/enums";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import { CaseQueue, parseQueueFilters, type TQueueFilters } from "./case-queue";

export const QUEUE_PAGE_SIZE = 20;

export function queueOptions(states: readonly CaseState[], procedures: readonly Procedure[]) {
  return {
    stateOptions: states.map((s) => ({ value: s, label: STATE_LABELS[s] })),
    procedureOptions: procedures.map((p) => ({ value: p, label: PROCEDURE_LABELS[p] })),
  };
}

export function readQueueFilters(
  searchParams: Record<string, string | string[] | undefined>,
  states: readonly CaseState[],
  procedures: readonly Procedure[],
  dideducs?: readonly string[],
): TQueueFilters {
  return parseQueueFilters(searchParams, { states, procedures, dideducs });
}

export { CaseQueue };
