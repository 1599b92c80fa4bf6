import "server-only";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

// THE end of an entry of the registry of authorized signers, inside the caller's transaction: from
// `at` on the certificate no longer signs for that office; signatures made before stay valid (the
// checks compare revokedAt with the signing time). `at` may be later than now (a departure
// notified ahead). The administrator's revocation and an accepted DIDEDUC notice both come here.
export async function endAuthorizedSigner(
  tx: Prisma.TransactionClient,
  input: { signerId: string; reason: string; at: Date },
  audit: { actorId: string; role: Role; action: string; ip: string | null; now: Date; data?: Record<string, string | null> },
): Promise<{ revokedAt: Date; name: string }> {
  const entry = await tx.authorizedSigner.findUnique({ where: { id: input.signerId } });
  if (!entry) throw new DomainError("NOT_FOUND", "El firmante no existe en el registro.");
  const changed = await tx.authorizedSigner.updateMany({
    where: { id: entry.id, OR: [{ revokedAt: null }, { revokedAt: { gt: audit.now } }] },
    data: { revokedAt: input.at, revokedReason: input.reason },
  });
  if (changed.count === 0) throw new DomainError("NO_CHANGE", `El certificado de ${entry.name} ya estaba revocado.`);
  await appendAuditEvent(tx, {
    data: {
      caseId: null,
      actorId: audit.actorId,
      role: audit.role,
      action: audit.action,
      note: input.reason,
      ip: audit.ip,
      data: {
        authorizedSignerId: entry.id,
        name: entry.name,
        office: entry.office,
        dideducId: entry.dideducId,
        fingerprint: entry.certFingerprint,
        ...(input.at.getTime() !== audit.now.getTime() ? { endsAt: input.at.toISOString() } : {}),
        ...audit.data,
      },
    },
  });
  return { revokedAt: input.at, name: entry.name };
}
