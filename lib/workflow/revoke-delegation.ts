import "server-only";
import { z } from "zod";
import type { Delegation } from "@/lib/generated/prisma/client";
import type { TWorkflowActor } from "./check-transition";
import type { TDelegationOptions } from "./create-delegation";
import { DelegationError } from "./delegation-error";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

// The reason is optional: ending a delegation early needs no justification, but when one is given
// it stays in the audit event's note.
export const ZRevokeDelegationReason = z
  .string()
  .trim()
  .max(500, { error: "El motivo no puede tener más de 500 caracteres." })
  .optional()
  .transform((v) => (v ? v : undefined));

// Ends a delegation early. The DIDEDUC's signers (who grant them) and administrators may do it;
// the record stays, with revokedAt, so past audit events still point at it.
export async function revokeDelegation(
  actor: TWorkflowActor,
  delegationId: string,
  options: TDelegationOptions & { reason?: string } = {},
): Promise<Delegation> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const reason = ZRevokeDelegationReason.safeParse(options.reason);
  if (!reason.success) throw new DelegationError("INVALID_INPUT", "Revise los datos indicados.", { reason: reason.error.issues.map((i) => i.message) });
  return db.$transaction(async (tx) => {
    const delegation = await tx.delegation.findUnique({ where: { id: delegationId } });
    if (!delegation) throw new DelegationError("NOT_FOUND", "La delegación no existe.");
    const isSigner = actor.roles.includes("DIDEDUC_SIGNER") && actor.dideducId === delegation.dideducId;
    const isAdmin = actor.roles.includes("ADMIN");
    if (!isSigner && !isAdmin) throw new DelegationError("FORBIDDEN", "No puede revocar delegaciones de otra Dirección Departamental.");
    if (delegation.revokedAt) return delegation;
    // Conditional, like lib/admin/end-outdated-authority.ts: two revocations at once record one event.
    const { count } = await tx.delegation.updateMany({ where: { id: delegationId, revokedAt: null }, data: { revokedAt: now } });
    const updated = await tx.delegation.findUniqueOrThrow({ where: { id: delegationId } });
    if (count === 0) return updated;
    await appendAuditEvent(tx, {
      data: {
        actorId: actor.id,
        role: isSigner ? "DIDEDUC_SIGNER" : "ADMIN",
        action: "revoke_delegation",
        note: reason.data ?? null,
        data: { dideducId: delegation.dideducId, delegateId: delegation.delegateId, grantorId: delegation.grantorId },
        ip: options.ip ?? null,
        delegationId,
        createdAt: now,
      },
    });
    return updated;
  });
}
