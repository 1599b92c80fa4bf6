import "server-only";
import { z } from "zod";
import type { Delegation } from "@/lib/generated/prisma/client";
import { DIDEDUC_SIGNER_WHO } from "@/lib/registry/dideduc-signer-posts";
import { zodFieldErrors, type TWorkflowActor } from "./check-transition";
import type { TDelegationOptions } from "./create-delegation";
import { DelegationError } from "./delegation-error";
import { revokeDelegation, ZRevokeDelegationReason } from "./revoke-delegation";

export const ZRevokeOfficeDelegationForm = z.object({
  delegationId: z.string({ error: "Falta la delegación." }).trim().min(1, { error: "Falta la delegación." }).max(100),
  reason: ZRevokeDelegationReason,
});
export type TRevokeOfficeDelegationForm = Partial<Record<keyof z.input<typeof ZRevokeOfficeDelegationForm>, string>>;

// The Director ends one of their own office's delegations early, from /direccion. Only that
// office's: an account that is also an administrator does not reach other offices' delegations
// through this page (the administration has its own, /admin/delegaciones), and a delegation of
// another DIDEDUC reads as not found, so its existence is not revealed.
export async function revokeOfficeDelegation(
  actor: TWorkflowActor,
  rawInput: TRevokeOfficeDelegationForm,
  options: TDelegationOptions = {},
): Promise<Delegation> {
  if (!actor.roles.includes("DIDEDUC_SIGNER") || !actor.dideducId) {
    throw new DelegationError("FORBIDDEN", `Solo ${DIDEDUC_SIGNER_WHO} puede revocar sus delegaciones.`);
  }
  const db = options.db ?? (await import("@/lib/db")).db;
  const parsed = ZRevokeOfficeDelegationForm.safeParse(rawInput);
  if (!parsed.success) throw new DelegationError("INVALID_INPUT", "Revise los datos indicados.", zodFieldErrors(parsed.error));
  const now = options.now ?? new Date();
  const owned = await db.delegation.findFirst({ where: { id: parsed.data.delegationId, dideducId: actor.dideducId }, select: { id: true, validTo: true, revokedAt: true } });
  if (!owned) throw new DelegationError("NOT_FOUND", "La delegación no existe o no es de su Dirección Departamental.");
  // One that ran its course stays "terminada" in the history: revoking it now would rewrite that.
  if (!owned.revokedAt && owned.validTo.getTime() < now.getTime()) throw new DelegationError("INVALID_INPUT", "Esa delegación ya terminó: no hace falta revocarla.");
  return revokeDelegation(actor, owned.id, { db, now, ip: options.ip, reason: parsed.data.reason });
}
