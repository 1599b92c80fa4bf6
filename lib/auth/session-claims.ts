import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "./roles";
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
