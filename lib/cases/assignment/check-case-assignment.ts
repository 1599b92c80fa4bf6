import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { TransitionError } from "@/lib/workflow/transition-error";
import { assignmentBlocks, heldByMessage } from "./assignment-rule";
import { findIdleMinutes } from "./find-idle-minutes";

type TDb = PrismaClient | Prisma.TransactionClient;

// Refuses (TransitionError HELD, naming the holder) when someone else holds the case and is not
// idle. transition() calls it after its guarded update, i.e. holding the case's row lock, which
// takeCase also takes first: a take and a transition on one case never interleave.
export async function assertNotHeldByOther(db: TDb, caseId: string, actorId: string, now: Date): Promise<void> {
  const a = await db.caseAssignment.findUnique({ where: { caseId }, select: { userId: true, takenAt: true, lastActivityAt: true, user: { select: { name: true } } } });
  if (!a || a.userId === actorId) return;
  if (assignmentBlocks(a, actorId, await findIdleMinutes(db), now)) throw new TransitionError("HELD", heldByMessage(a.user.name, a.takenAt));
}

// Activity of the holder on the case (opening its page, saving, acting): the idle time starts
// again. Anyone else's activity changes nothing. One indexed update, no read.
export async function touchCaseAssignment(db: TDb, caseId: string, actorId: string, now: Date = new Date()): Promise<void> {
  await db.caseAssignment.updateMany({ where: { caseId, userId: actorId }, data: { lastActivityAt: now } });
}
