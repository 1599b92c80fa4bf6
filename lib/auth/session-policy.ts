import type { Role } from "@/lib/generated/prisma/enums";

// How long a session lives. Pure, with no database or server imports: the proxy checks these times
// too. Reasons and sources in docs/decisions/0005-sessions-and-second-factor.md.
//
// - Staff (any role besides citizen/translator, or a delegation): NIST SP 800-63B's AAL2 limits,
//   which the second factor puts them at: 30 minutes without a request, 12 hours in all.
// - Citizens and translators: an hour idle (a shared computer in a café is the risk), a day in all.
//   Their form autosaves keep an active session alive.
export const SESSION_LIMITS = {
  staff: { idleSeconds: 30 * 60, absoluteSeconds: 12 * 60 * 60 },
  citizen: { idleSeconds: 60 * 60, absoluteSeconds: 24 * 60 * 60 },
} as const;

export type TSessionKind = keyof typeof SESSION_LIMITS;

// The cookie and the token's own `exp` follow the longest idle limit; the shorter one of staff is
// enforced through the `seenAt` claim.
export const SESSION_MAX_AGE_SECONDS = Math.max(SESSION_LIMITS.staff.idleSeconds, SESSION_LIMITS.citizen.idleSeconds);

const CITIZEN_ROLES: readonly Role[] = ["CITIZEN", "TRANSLATOR"];

export function sessionKindOf(roles: readonly Role[], delegatedRoles: readonly Role[] = []): TSessionKind {
  return delegatedRoles.length > 0 || roles.some((r) => !CITIZEN_ROLES.includes(r)) ? "staff" : "citizen";
}

export type TSessionTimes = { authTime: number; seenAt: number; kind: TSessionKind };

// Whether a session that started at `authTime` and was last used at `seenAt` (seconds) is still
// alive at `now`. A token without these times (issued before they existed, or not by us) is dead.
export function isSessionAlive(times: Partial<TSessionTimes>, now: number): boolean {
  const { authTime, seenAt, kind } = times;
  if (typeof authTime !== "number" || typeof seenAt !== "number" || (kind !== "staff" && kind !== "citizen")) return false;
  const limits = SESSION_LIMITS[kind];
  if (authTime > now + 60 || seenAt < authTime) return false;
  return now - authTime < limits.absoluteSeconds && now - seenAt < limits.idleSeconds;
}
