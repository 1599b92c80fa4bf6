import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CaseState, Role } from "@/lib/generated/prisma/enums";
import { dbOf, type TDbOptions } from "../db-options";
import { canReleaseOthers, isAssignmentIdle } from "./assignment-rule";
import { findIdleMinutes } from "./find-idle-minutes";
import { touchCaseAssignment } from "./check-case-assignment";

export type TCaseAssignmentView = {
  // Null: nobody holds the case.
  holder: { name: string; takenAt: Date; lastActivityAt: Date; idle: boolean; mine: boolean } | null;
  // The viewer held it and someone else took it over while the viewer was idle.
  takenFromMe: boolean;
  canRelease: boolean;
  idleMinutes: number;
};

// What the staff case page shows of "Tomar", for this viewer. Opening the page is activity: the
// holder's own visit refreshes the idle time first (decision 0023).
export async function loadCaseAssignment(
  input: { actor: { id: string; roles: readonly Role[]; dideducId: string | null }; caseRow: { id: string; state: CaseState; dideducId: string | null }; now?: Date },
  options: TDbOptions = {},
): Promise<TCaseAssignmentView> {
  const db: PrismaClient = await dbOf(options);
  const now = input.now ?? new Date();
  await touchCaseAssignment(db, input.caseRow.id, input.actor.id, now);
  const [a, idleMinutes] = await Promise.all([
    db.caseAssignment.findUnique({ where: { caseId: input.caseRow.id }, include: { user: { select: { name: true } } } }),
    findIdleMinutes(db),
  ]);
  if (!a) return { holder: null, takenFromMe: false, canRelease: false, idleMinutes };
  const mine = a.userId === input.actor.id;
  return {
    holder: { name: a.user.name, takenAt: a.takenAt, lastActivityAt: a.lastActivityAt, idle: isAssignmentIdle(a, idleMinutes, now), mine },
    takenFromMe: !mine && a.previousUserId === input.actor.id,
    canRelease: mine || canReleaseOthers(input.actor, input.caseRow),
    idleMinutes,
  };
}
