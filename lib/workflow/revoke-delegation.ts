import "server-only";
import type { Delegation } from "@/lib/generated/prisma/client";
import type { TWorkflowActor } from "./check-transition";
import type { TDelegationOptions } from "./create-delegation";
import { DelegationError } from "./delegation-error";

// Ends a delegation early. The DIDEDUC's signers (who grant them) and administrators may do it;
// the record stays, with revokedAt, so past audit events still point at it.
export async function revokeDelegation(actor: TWorkflowActor, delegationId: string, options: TDelegationOptions = {}): Promise<Delegation> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const delegation = await tx.delegation.findUnique({ where: { id: delegationId } });
    if (!delegation) throw new DelegationError("NOT_FOUND", "La delegación no existe.");
    const isSigner = actor.roles.includes("DIDEDUC_SIGNER") && actor.dideducId === delegation.dideducId;
    const isAdmin = actor.roles.includes("ADMIN");
    if (!isSigner && !isAdmin) throw new DelegationError("FORBIDDEN", "No puede revocar delegaciones de otra Dirección Departamental.");
    if (delegation.revokedAt) return delegation;
    const updated = await tx.delegation.update({ where: { id: delegationId }, data: { revokedAt: now } });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        role: isSigner ? "DIDEDUC_SIGNER" : "ADMIN",
        action: "revoke_delegation",
        data: { dideducId: delegation.dideducId, delegateId: delegation.delegateId },
        ip: options.ip ?? null,
        delegationId,
        createdAt: now,
      },
    });
    return updated;
  });
}
