import "server-only";
import { revokeDelegation } from "@/lib/workflow/revoke-delegation";
import { assertAdmin, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";

// Ends a delegation early through lib/workflow (which records "revoke_delegation" with role ADMIN).
export async function revokeAdminDelegation(actor: TAdminActor & { dideducId?: string | null }, delegationId: string, options: TAdminOptions = {}): Promise<{ id: string }> {
  assertAdmin(actor);
  const { db, now, ip } = await resolveAdminDeps(options);
  const revoked = await revokeDelegation({ id: actor.id, roles: actor.roles, dideducId: actor.dideducId ?? null }, delegationId, { db, now, ip });
  return { id: revoked.id };
}
