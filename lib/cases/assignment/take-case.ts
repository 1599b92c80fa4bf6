import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { DomainError } from "@/lib/errors";
import { availableActions, type TWorkflowActor } from "@/lib/workflow/check-transition";
import { getDefinition } from "@/lib/workflow/definitions";
import { findActiveDelegations } from "@/lib/workflow/find-active-delegation";
import { hasStaffActed, type TTx } from "@/lib/workflow/transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { dbOf, type TDbOptions } from "../db-options";
import { ASSIGNMENT_ACTIONS, heldByMessage, isAssignmentIdle } from "./assignment-rule";
import { findIdleMinutes } from "./find-idle-minutes";

export type TTakeCaseInput = { actor: TWorkflowActor; caseId: string; ip?: string | null; now?: Date };
export type TTakeCaseResult = { outcome: "taken" | "already_yours" | "taken_over"; previousUserId: string | null };

// Same wait as transition(): concurrent attempts on one case queue on its row lock.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export const NOT_ACTIONABLE_MESSAGE = "Usted no puede actuar sobre esta solicitud en su estado actual, así que no puede tomarla.";

// Locks the case's row (FOR UPDATE) first: takes on one case, and transitions (whose guarded
// update takes the same lock), run one after the other, so exactly one of two people taking a free
// case at once gets it and the other is told who did.
export async function lockCaseRow(tx: TTx, caseId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Case" WHERE id = ${caseId} FOR UPDATE`;
  if (rows.length === 0) throw new TransitionError("NOT_FOUND");
}

// "Tomar": the actor becomes the one reviewing the case. Only someone who could act on it now (a
// staff step of the workflow definition, the same rule as the case page's buttons). A case held by
// someone else is refused while that person is active, and taken over once idle.
export async function takeCase(input: TTakeCaseInput, options: TDbOptions = {}): Promise<TTakeCaseResult> {
  const db: PrismaClient = await dbOf(options);
  const now = input.now ?? new Date();
  const { actor } = input;
  return db.$transaction(async (tx) => {
    await lockCaseRow(tx, input.caseId);
    const row = await tx.case.findUniqueOrThrow({ where: { id: input.caseId } });
    const delegations = await findActiveDelegations(tx, actor.id, now);
    const staffActed = await hasStaffActed(tx, row);
    const steps = availableActions(getDefinition(row.procedure), { ...row, staffActed }, actor, delegations, now).filter((t) => t.scope !== "APPLICANT");
    if (steps.length === 0) throw new DomainError("NOT_ACTIONABLE", NOT_ACTIONABLE_MESSAGE);

    const current = await tx.caseAssignment.findUnique({ where: { caseId: row.id }, include: { user: { select: { name: true } } } });
    if (current?.userId === actor.id) {
      await tx.caseAssignment.update({ where: { caseId: row.id }, data: { lastActivityAt: now } });
      return { outcome: "already_yours", previousUserId: null };
    }
    const idleMinutes = await findIdleMinutes(tx);
    if (current && !isAssignmentIdle(current, idleMinutes, now)) throw new TransitionError("HELD", heldByMessage(current.user.name, current.takenAt));

    // The role recorded: a staff role the person holds, or the delegated one (a delegate reviewer).
    const role = actor.roles.find((r) => r !== "CITIZEN" && r !== "TRANSLATOR") ?? delegations[0]?.role ?? null;
    if (current) {
      await tx.caseAssignment.update({
        where: { caseId: row.id },
        data: { userId: actor.id, takenAt: now, lastActivityAt: now, previousUserId: current.userId },
      });
    } else {
      await tx.caseAssignment.create({ data: { caseId: row.id, userId: actor.id, takenAt: now, lastActivityAt: now } });
    }
    await appendAuditEvent(tx, {
      data: {
        caseId: row.id,
        actorId: actor.id,
        role,
        action: current ? ASSIGNMENT_ACTIONS.takeover : ASSIGNMENT_ACTIONS.take,
        data: current
          ? { state: row.state, previousUserId: current.userId, previousTakenAt: current.takenAt.toISOString(), lastActivityAt: current.lastActivityAt.toISOString(), idleMinutes }
          : { state: row.state },
        ip: input.ip ?? null,
        createdAt: now,
      },
    });
    return { outcome: current ? "taken_over" : "taken", previousUserId: current?.userId ?? null };
  }, TRANSACTION_OPTIONS);
}
