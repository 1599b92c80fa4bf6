import "server-only";
import { z } from "zod";
import { createDelegation, type TCreateDelegationInput } from "@/lib/workflow/create-delegation";
import { assertAdmin, invalidInput, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";

export const ZCreateAdminDelegation = z.object({ grantorId: z.string().trim().max(100).default("") });

// lib/workflow only lets a DIDEDUC's signer grant a delegation (Nota 2/3): the administrator records
// it on the director's behalf (the director is the grantor), and a second audit event names the
// administrator who typed it in.
export async function createAdminDelegation(
  actor: TAdminActor,
  input: TCreateDelegationInput & { grantorId: string },
  options: TAdminOptions = {},
): Promise<{ id: string }> {
  assertAdmin(actor);
  const { db, now, ip } = await resolveAdminDeps(options);
  const { grantorId, ...rest } = input;
  if (!grantorId) throw invalidInput({ grantorId: ["Elija al Director o firmante de la DIDEDUC que delega."] });
  const grantor = await db.user.findUnique({ where: { id: grantorId }, select: { id: true, roles: true, dideducId: true, active: true } });
  if (!grantor || !grantor.active || !grantor.roles.includes("DIDEDUC_SIGNER") || !grantor.dideducId) {
    throw invalidInput({ grantorId: ["Quien delega debe ser un firmante activo de una Dirección Departamental."] });
  }
  const delegation = await createDelegation({ id: grantor.id, roles: grantor.roles, dideducId: grantor.dideducId }, rest, { db, now, ip });
  await db.auditEvent.create({
    data: {
      caseId: null,
      actorId: actor.id,
      role: "ADMIN",
      action: "admin.create_delegation",
      ip,
      delegationId: delegation.id,
      data: { grantorId: grantor.id, delegateId: delegation.delegateId, dideducId: delegation.dideducId, validFrom: delegation.validFrom.toISOString(), validTo: delegation.validTo.toISOString() },
    },
  });
  return { id: delegation.id };
}
