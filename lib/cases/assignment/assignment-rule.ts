import { expandRoles } from "@/lib/auth/roles";
import type { CaseState, Role } from "@/lib/generated/prisma/enums";

// "Tomar" (issue #14, decision 0023): the pure rule, shared by the domain, the screens and the unit
// tests. Client-safe: no database.

// The idle time when the administration has not set one: long enough to read a case and its scans,
// short enough that a case left open over lunch does not block the office.
export const DEFAULT_IDLE_MINUTES = 30;
export const MIN_IDLE_MINUTES = 5;
export const MAX_IDLE_MINUTES = 8 * 60;

// The audit actions of the assignment (labels in lib/audit/audit-actions.ts). They record who was
// reviewing, not a decision on the request: the applicant's timeline and the "no staff action yet"
// rule of a withdrawal (decision 0020) leave them out.
export const ASSIGNMENT_ACTIONS = { take: "case.take", release: "case.release", takeover: "case.takeover" } as const;
export const ASSIGNMENT_ACTION_SET: ReadonlySet<string> = new Set(Object.values(ASSIGNMENT_ACTIONS));

export type TAssignmentLike = { userId: string; lastActivityAt: Date };

// Idle: nothing done on the case by its holder for the whole idle time (the limit itself included).
export function isAssignmentIdle(a: Pick<TAssignmentLike, "lastActivityAt">, idleMinutes: number, now: Date): boolean {
  return now.getTime() - a.lastActivityAt.getTime() >= idleMinutes * 60_000;
}

// Whether the assignment keeps `actorId` from taking or acting on the case: held by someone else
// and not idle. A free case, one's own, or an idle one's never does.
export function assignmentBlocks(a: TAssignmentLike | null | undefined, actorId: string, idleMinutes: number, now: Date): boolean {
  return !!a && a.userId !== actorId && !isAssignmentIdle(a, idleMinutes, now);
}

// Guatemala's time of day (UTC−6 all year), as components/cases/format-date.ts shows it.
const TIME = new Intl.DateTimeFormat("es-GT", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "America/Guatemala" });

// "En revisión por Lucía X. desde las 14:05." The words, with the time the holder took it.
export function heldByText(holderName: string, takenAt: Date): string {
  return `En revisión por ${holderName.trim().replace(/\.$/, "")} desde las ${TIME.format(takenAt)}.`;
}

// What someone refused because another person holds the case reads.
export function heldByMessage(holderName: string, takenAt: Date): string {
  return `${heldByText(holderName, takenAt)} Esa persona debe liberarla, o puede tomarla cuando lleve un tiempo sin actividad.`;
}

// States whose staff work is a DIDEDUC's; every other staff state is the central office's.
const DIDEDUC_STATES: ReadonlySet<CaseState> = new Set(["DIDEDUC_REVIEW", "DIDEDUC_SIGNATURE"]);

// Who may release someone else's assignment (decision 0023): the head of the office whose stage the
// case is in. At a DIDEDUC its Director (DIDEDUC_SIGNER of that DIDEDUC, who distributes the
// reviewers' work and delegates review, Nota 2/3); centrally the Encargado (CENTRAL_MANAGER) or the
// coordination (CENTRAL_COORDINATOR), who assign the central office's work.
export function canReleaseOthers(
  actor: { roles: readonly Role[]; dideducId: string | null },
  c: { state: CaseState; dideducId: string | null },
): boolean {
  const roles = expandRoles(actor.roles);
  if (DIDEDUC_STATES.has(c.state)) return roles.includes("DIDEDUC_SIGNER") && c.dideducId !== null && actor.dideducId === c.dideducId;
  return roles.includes("CENTRAL_MANAGER") || roles.includes("CENTRAL_COORDINATOR");
}
