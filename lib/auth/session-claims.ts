import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "./roles";
import { sessionKindOf, type TSessionKind } from "./session-policy";
import type { TSessionUser } from "./session-user";

// The token is data from a cookie: even signed, read it defensively, keeping only known roles.
function roleList(v: unknown): Role[] {
  return Array.isArray(v) ? v.filter((r): r is Role => (ROLES as readonly string[]).includes(r as string)) : [];
}

// What the JWT stores about the person (no password hash, nothing else from the user row).
export function sessionUserFromClaims(claims: Record<string, unknown> | null | undefined): TSessionUser | null {
  if (!claims) return null;
  const id = typeof claims.sub === "string" ? claims.sub : typeof claims.id === "string" ? claims.id : null;
  if (!id) return null;
  return {
    id,
    name: typeof claims.name === "string" ? claims.name : "",
    email: typeof claims.email === "string" ? claims.email : "",
    roles: roleList(claims.roles),
    delegatedRoles: roleList(claims.delegatedRoles),
    dideducId: typeof claims.dideducId === "string" ? claims.dideducId : null,
  };
}

export function claimsFromSessionUser(user: TSessionUser): Record<string, unknown> {
  return {
    sub: user.id,
    name: user.name,
    email: user.email,
    roles: user.roles,
    delegatedRoles: user.delegatedRoles,
    dideducId: user.dideducId,
  };
}

// What the server checks about the session itself, besides who it is: the account's session
// version it was issued under (stale once the account's version moves on), when it started and was
// last used (seconds), which limits apply, and whether the second factor was passed.
export type TSessionState = {
  sessionVersion: number;
  authTime: number;
  seenAt: number;
  kind: TSessionKind;
  secondFactor: boolean;
};

export function sessionStateFromClaims(claims: Record<string, unknown> | null | undefined): TSessionState | null {
  if (!claims) return null;
  const { sv, authTime, seenAt, kind, mfa } = claims;
  if (typeof sv !== "number" || !Number.isInteger(sv)) return null;
  if (typeof authTime !== "number" || typeof seenAt !== "number") return null;
  if (kind !== "staff" && kind !== "citizen") return null;
  return { sessionVersion: sv, authTime, seenAt, kind, secondFactor: mfa === true };
}

// Everything a new session token carries. `authTime` is kept when a session is re-issued (after a
// password change): re-issuing never extends the absolute lifetime.
export function newSessionClaims(
  user: TSessionUser,
  session: { sessionVersion: number; secondFactor: boolean; authTime?: number },
  now: number,
): Record<string, unknown> {
  return {
    ...claimsFromSessionUser(user),
    sv: session.sessionVersion,
    authTime: session.authTime ?? now,
    seenAt: now,
    kind: sessionKindOf(user.roles, user.delegatedRoles),
    mfa: session.secondFactor,
  };
}
