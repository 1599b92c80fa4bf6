import "server-only";
import type { Case, PrismaClient } from "@/lib/generated/prisma/client";
import { checkTransition, type TAuthority, type TWorkflowActor } from "@/lib/workflow/check-transition";
import { findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import { TransitionError } from "@/lib/workflow/transition-error";

// The same checks transition() will make (role, delegation, scope, version, state), done before
// the slow part of an operation (rendering, signing) so a refused click costs nothing and stores
// nothing. transition() checks again under the row lock: this is only the early answer.
export async function precheckTransition(
  db: PrismaClient,
  args: { caseId: string; action: string; actor: TWorkflowActor; expectedVersion?: number; now: Date },
): Promise<{ row: Case; authority: TAuthority }> {
  const row = await db.case.findUnique({ where: { id: args.caseId } });
  if (!row) throw new TransitionError("NOT_FOUND");
  const delegations = await findActiveDelegations(db, args.actor.id, args.now);
  const check = checkTransition({
    caseLike: row,
    action: args.action,
    actor: args.actor,
    delegations,
    input: {},
    expectedVersion: args.expectedVersion,
    now: args.now,
  });
  if (!check.ok) throw check.error;
  return { row, authority: check.authority };
}
