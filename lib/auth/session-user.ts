import type { Role } from "@/lib/generated/prisma/enums";
import type { TActor } from "./actor";
import { expandRoles } from "./roles";

// What the session token carries and what server code gets back from getActor(). `roles` are the
// roles the person holds; `delegatedRoles` are held through an active delegation (Nota 2/3) and
// only open route segments: the workflow engine looks the delegation up itself, so that the audit
// trail records it.
export type TSessionUser = TActor & { delegatedRoles: Role[] };

// Roles that open route segments and navigation entries.
export function accessRolesOf(user: Pick<TSessionUser, "roles" | "delegatedRoles">): Role[] {
  return [...new Set([...user.roles, ...(user.delegatedRoles ?? [])])];
}

// Whether the person may act as one of `allowed`: held roles, what they imply (coordinator →
// assistant) and delegated roles.
export function actorHasAnyRole(user: Pick<TSessionUser, "roles" | "delegatedRoles">, allowed: readonly Role[]): boolean {
  const held = expandRoles(accessRolesOf(user));
  return allowed.some((r) => held.includes(r));
}

// What a successful sign-in hands to the session token (authorize() → jwt callback): the person,
// the account's session version at that moment, and whether the second factor was passed.
export type TSessionGrant = { user: TSessionUser; sessionVersion: number; secondFactor: boolean };
