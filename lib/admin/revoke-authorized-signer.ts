import "server-only";
import { z } from "zod";
import { endAuthorizedSigner } from "./end-authorized-signer";
import { assertAdmin, parseOrThrow, resolveAdminDeps, type TAdminActor, type TAdminOptions } from "./admin-options";

export const ZRevokeAuthorizedSigner = z.object({
  signerId: z.string().trim().min(1).max(100),
  reason: z.string({ error: "Escriba el motivo de la revocación." }).trim().min(5, { error: "Escriba el motivo de la revocación (al menos 5 caracteres)." }).max(500, { error: "El motivo no puede tener más de 500 caracteres." }),
});
export type TRevokeAuthorizedSigner = z.input<typeof ZRevokeAuthorizedSigner>;

// From now on the certificate no longer signs for that office; signatures made before stay valid
// (the checks compare revokedAt with the signing time).
export async function revokeAuthorizedSigner(actor: TAdminActor, input: TRevokeAuthorizedSigner, options: TAdminOptions = {}): Promise<{ revokedAt: Date }> {
  assertAdmin(actor);
  const { db, now, ip } = await resolveAdminDeps(options);
  const data = parseOrThrow(ZRevokeAuthorizedSigner, input);
  return db.$transaction(async (tx) => {
    const { revokedAt } = await endAuthorizedSigner(tx, { signerId: data.signerId, reason: data.reason, at: now }, { actorId: actor.id, role: "ADMIN", action: "admin.revoke_signer", ip, now });
    return { revokedAt };
  });
}
