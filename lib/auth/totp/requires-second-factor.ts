import type { Role } from "@/lib/generated/prisma/enums";

// Accounts that administer the platform or sign certifications must pass a second factor (TOTP or
// a recovery code) after their password. Held roles and delegated ones alike, should a signing
// role ever be delegated. Pure: forms and pages may use it.
export const SECOND_FACTOR_ROLES: readonly Role[] = ["ADMIN", "DIDEDUC_SIGNER", "CENTRAL_ASSISTANT", "CENTRAL_COORDINATOR", "CENTRAL_MANAGER"];

export function requiresSecondFactor(roles: readonly Role[], delegatedRoles: readonly Role[] = []): boolean {
  return [...roles, ...delegatedRoles].some((r) => SECOND_FACTOR_ROLES.includes(r));
}
