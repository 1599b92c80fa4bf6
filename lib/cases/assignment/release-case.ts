import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { DomainError } from "@/lib/errors";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { dbOf, type TDbOptions } from "../db-options";
import { ASSIGNMENT_ACTIONS, canReleaseOthers } from "./assignment-rule";
import { lockCaseRow } from "./take-case";

export type TReleaseCaseInput = { actor: TWorkflowActor; caseId: string; ip?: string | null; now?: Date };

export const NOT_HELD_MESSAGE = "Nadie tiene tomada esta solicitud.";
export const NOT_YOURS_MESSAGE = "Solo quien tomó la solicitud, o quien dirige la oficina en la que está, puede liberarla.";

// "Liberar": the holder, or the head of the office whose stage the case is in (decision 0023),
// ends the assignment; anyone who can act may then take the case.
export async function releaseCase(input: TReleaseCaseInput, options: TDbOptions = {}): Promise<{ holderId: string }> {
  const db: PrismaClient = await dbOf(options);
  const now = input.now ?? new Date();
  const { actor } = input;
  return db.$transaction(async (tx) => {
    await lockCaseRow(tx, input.caseId);
    const row = await tx.case.findUniqueOrThrow({ where: { id: input.caseId }, select: { id: true, state: true, dideducId: true } });
    const current = await tx.caseAssignment.findUnique({ where: { caseId: row.id } });
    if (!current) throw new DomainError("NOT_HELD", NOT_HELD_MESSAGE);
    const byHolder = current.userId === actor.id;
    if (!byHolder && !canReleaseOthers(actor, row)) throw new DomainError("FORBIDDEN", NOT_YOURS_MESSAGE);
    await tx.caseAssignment.delete({ where: { caseId: row.id } });
    await appendAuditEvent(tx, {
      data: {
        caseId: row.id,
        actorId: actor.id,
        action: ASSIGNMENT_ACTIONS.release,
        data: { state: row.state, holderId: current.userId, byHolder, takenAt: current.takenAt.toISOString() },
        ip: input.ip ?? null,
        createdAt: now,
      },
    });
    return { holderId: current.userId };
  }, { maxWait: 15_000, timeout: 30_000 });
}
