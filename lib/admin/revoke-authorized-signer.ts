import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
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
    const entry = await tx.authorizedSigner.findUnique({ where: { id: data.signerId } });
    if (!entry) throw new DomainError("NOT_FOUND", "El firmante no existe en el registro.");
    const changed = await tx.authorizedSigner.updateMany({ where: { id: entry.id, revokedAt: null }, data: { revokedAt: now, revokedReason: data.reason } });
    if (changed.count === 0) throw new DomainError("NO_CHANGE", `El certificado de ${entry.name} ya estaba revocado.`);
    await tx.auditEvent.create({
      data: {
        caseId: null,
        actorId: actor.id,
        role: "ADMIN",
        action: "admin.revoke_signer",
        note: data.reason,
        ip,
        data: { authorizedSignerId: entry.id, name: entry.name, office: entry.office, dideducId: entry.dideducId, fingerprint: entry.certFingerprint },
      },
    });
    return { revokedAt: now };
  });
}
