import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { availableActions } from "@/lib/workflow/check-transition";
import { getDefinition } from "@/lib/workflow/definitions";
import { findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import type { TCaseLike } from "@/lib/workflow/types";
import { assignmentBlocks, heldByText } from "./assignment/assignment-rule";
import { findIdleMinutes } from "./assignment/find-idle-minutes";
import { canSeeCase, type TViewer } from "./can-see-case";
import { dbOf, type TDbOptions } from "./db-options";
import { QUEUE_ROW_SELECT } from "./list-case-queue";

// Up to this many cases are signed in one batch (issue #13: "Hasta 50 documentos por lote").
export const BATCH_SIGNING_LIMIT = 50;

export type TBatchSigningAction = "sign" | "sign_and_issue";

// The workflow's word on one case of a batch: this person may take `action` on it now (role, scope
// and state, as the case page's buttons). Shared by the review screen and the queue's checkboxes.
function offersAction(row: TCaseLike, actor: TWorkflowActor, action: TBatchSigningAction, delegations: Awaited<ReturnType<typeof findActiveDelegations>>, now: Date): boolean {
  return availableActions(getDefinition(row.procedure), row, actor, delegations, now).some((t) => t.action === action);
}

// The cases of a batch signature as this person may see them now, in the order asked for, each with
// whether they may take `action` on it now (role, scope and state, read from the workflow
// definition as the case page's buttons are) and the version read now: the version the browser
// prepares against, so a case changed after this read is refused (STALE_VERSION), never signed
// on a state the signer did not review. Ids this person may not see are left out, as the case page
// answers "not found" for them. A case someone else has taken ("Tomar", decision 0023) and not left
// idle is not signable either, and says who holds it: transition() would refuse it (HELD).
// Used by the queue (which rows get a checkbox) and the review screen.
export async function findBatchSigningCases(
  input: { actor: TViewer & TWorkflowActor; caseIds: readonly string[]; action: TBatchSigningAction; now?: Date },
  options: TDbOptions = {},
) {
  const db: PrismaClient = await dbOf(options);
  const now = input.now ?? new Date();
  const ids = [...new Set(input.caseIds)].slice(0, BATCH_SIGNING_LIMIT * 2);
  if (ids.length === 0) return [];
  const rows = await db.case.findMany({
    where: { id: { in: ids } },
    select: QUEUE_ROW_SELECT,
  });
  const [delegations, idleMinutes] = await Promise.all([
    findActiveDelegations(db, input.actor.id, now),
    rows.some((r) => r.assignment) ? findIdleMinutes(db) : Promise.resolve(0),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const found = byId.get(id);
    if (!found || !canSeeCase(input.actor, found, delegations)) return [];
    const { assignment, ...row } = found;
    const heldBy = assignment && assignmentBlocks(assignment, input.actor.id, idleMinutes, now) ? heldByText(assignment.user.name, assignment.takenAt) : null;
    const signable = !heldBy && offersAction(row, input.actor, input.action, delegations, now);
    return [{ row, signable, heldBy }];
  });
}

export type TBatchSigningCase = Awaited<ReturnType<typeof findBatchSigningCases>>[number];

// A queue page's row as listCaseQueue read it: state, scope and its holder ("Tomar") already known.
type TQueueRowLike = TCaseLike & { id: string; reissueOfId?: string | null; holder?: { mine: boolean; idle: boolean } | null };

// Which rows of a queue page get a checkbox: the same rule as findBatchSigningCases (seeing the
// case, the workflow's action for this person now, nobody else holding it), on the rows the queue
// has just read, so a page of 50 is not read a second time; only the delegations are.
export async function findSignableQueueRows(
  input: { actor: TViewer & TWorkflowActor; rows: readonly TQueueRowLike[]; action: TBatchSigningAction; now?: Date },
  options: TDbOptions = {},
): Promise<string[]> {
  if (input.rows.length === 0) return [];
  const db: PrismaClient = await dbOf(options);
  const now = input.now ?? new Date();
  const delegations = await findActiveDelegations(db, input.actor.id, now);
  return input.rows
    .filter(
      (row) =>
        !(row.holder && !row.holder.mine && !row.holder.idle) &&
        canSeeCase(input.actor, row, delegations) &&
        offersAction(row, input.actor, input.action, delegations, now),
    )
    .map((row) => row.id);
}
