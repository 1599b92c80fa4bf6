import "server-only";
import type { Case, PrismaClient } from "@/lib/generated/prisma/client";
import { checkTransition, type TAuthority, type TWorkflowActor } from "@/lib/workflow/check-transition";
import { findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import { TransitionError } from "@/lib/workflow/transition-error";
import { assertNotHeldByOther } from "../assignment/check-case-assignment";

// The same checks transition() will make (role, delegation, scope, version, state), done before
// the slow part of an operation (rendering, signing) so a refused click costs nothing and stores
// nothing. transition() checks again under the row lock: this is only the early answer.
export async function precheckTransition(
  db: PrismaClient,
  // checkAssignment false: looking (a preview), not acting, so another person's "Tomar" does not refuse it.
  args: { caseId: string; action: string; actor: TWorkflowActor; expectedVersion?: number; now: Date; checkAssignment?: boolean },
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
  // Signing's prepare and complete, and generating the certification, are acting: refused up front
  // while another person holds the case (transition() refuses again under the lock).
  if (args.checkAssignment !== false) await assertNotHeldByOther(db, row.id, args.actor.id, args.now);
  return { row, authority: check.authority };
}
