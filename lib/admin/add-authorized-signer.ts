import "server-only";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { checkAuthorizedSignerEntry, type TAuthorizedSignerEntry } from "./check-authorized-signer-entry";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const DUPLICATE_SIGNER_MESSAGE = "Este certificado ya está registrado para esa oficina.";

export type TAddSignerAudit = {
  actorId: string;
  role: Role;
  // "admin.register_signer" by hand; "signer_change.register_signer" when a DIDEDUC's notice is accepted.
  action: string;
  ip: string | null;
  now: Date;
  // Added to the event's data (e.g. the change request's id).
  data?: Record<string, string | null>;
};

// THE write of a new entry in the registry of authorized signers (Nota 3), inside the caller's
// transaction: the entry's checks again, the same certificate not already standing for that office,
// the row, its audit event. The administrator's registration and the acceptance of a DIDEDUC's
// change request both come here.
export async function addAuthorizedSigner(
  tx: Prisma.TransactionClient,
  input: TAuthorizedSignerEntry,
  audit: TAddSignerAudit,
): Promise<{ id: string; fingerprint: string }> {
  const entry = await checkAuthorizedSignerEntry(tx, input, audit.now);
  const { info, fingerprint } = entry.certificate;
  const existing = await tx.authorizedSigner.findFirst({
    where: { certFingerprint: fingerprint, office: entry.office, dideducId: entry.dideducId, OR: [{ revokedAt: null }, { revokedAt: { gt: audit.now } }] },
  });
  if (existing) throw new DomainError("DUPLICATE_SIGNER", DUPLICATE_SIGNER_MESSAGE, { certificate: [`${DUPLICATE_SIGNER_MESSAGE} (${existing.name}).`] });
  const row = await tx.authorizedSigner.create({
    data: {
      name: entry.name,
      post: entry.post,
      signerPost: entry.signerPost,
      gender: entry.gender,
      office: entry.office,
      dideducId: entry.dideducId,
      userId: entry.userId,
      certFingerprint: fingerprint,
      certSubject: info.subject,
      certPem: info.pem,
      validFrom: entry.validFrom,
      validTo: entry.validTo,
    },
    select: { id: true },
  });
  await appendAuditEvent(tx, {
    data: {
      caseId: null,
      actorId: audit.actorId,
      role: audit.role,
      action: audit.action,
      ip: audit.ip,
      data: {
        authorizedSignerId: row.id,
        name: entry.name,
        post: entry.post,
        signerPost: entry.signerPost,
        gender: entry.gender,
        office: entry.office,
        dideducId: entry.dideducId,
        userId: entry.userId,
        fingerprint,
        subject: info.subject,
        validFrom: entry.validFrom.toISOString(),
        validTo: entry.validTo.toISOString(),
        ...audit.data,
      },
    },
  });
  return { id: row.id, fingerprint };
}
