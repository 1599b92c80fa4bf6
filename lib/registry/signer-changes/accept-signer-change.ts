import "server-only";
import { z } from "zod";
import { addAuthorizedSigner } from "@/lib/admin/add-authorized-signer";
import { parseOrThrow } from "@/lib/admin/admin-options";
import { endAuthorizedSigner } from "@/lib/admin/end-authorized-signer";
import { deliverNotification } from "@/lib/cases/deliver-notification";
import { DomainError, isDomainError } from "@/lib/errors";
import { readCertificate } from "@/lib/pki/read-certificate";
import { assertCentralReviewer, resolveSignerChangeDeps, type TSignerChangeActor, type TSignerChangeOptions } from "./signer-change-options";
import { writeSignerChangeMail } from "./write-signer-change-mail";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZAcceptSignerChange = z.object({ requestId: z.string().trim().min(1).max(100) });
export type TAcceptSignerChange = z.input<typeof ZAcceptSignerChange>;

export const ALREADY_REVIEWED_MESSAGE = "Esta notificación ya fue revisada. Recargue la página.";

// Nota 3: Atención al Ciudadano accepts a DIDEDUC's notice. The registry changes through the very
// operations the administrator uses (addAuthorizedSigner / endAuthorizedSigner: every check again,
// as things stand now — the DIDEDUC's type, the account, the dates), in one transaction with the
// notice's status, its audit event and the Director's mail; the mail is delivered after the commit.
// A notice that can no longer be accepted as it stands is refused with the reason, to reject it.
export async function acceptSignerChange(actor: TSignerChangeActor, input: TAcceptSignerChange, options: TSignerChangeOptions = {}): Promise<{ authorizedSignerId: string }> {
  const role = assertCentralReviewer(actor);
  const { db, now, ip } = await resolveSignerChangeDeps(options);
  const { requestId } = parseOrThrow(ZAcceptSignerChange, input);
  let outboxId: string | null = null;
  const result = await db.$transaction(async (tx) => {
    // Locks the notice: two reviewers at once accept it once.
    const claimed = await tx.signerChangeRequest.updateMany({ where: { id: requestId, status: "PENDING" }, data: { status: "ACCEPTED", reviewedById: actor.id, reviewedAt: now } });
    if (claimed.count === 0) throw new DomainError("ALREADY_REVIEWED", ALREADY_REVIEWED_MESSAGE);
    const request = await tx.signerChangeRequest.findUniqueOrThrow({ where: { id: requestId } });
    const audit = { actorId: actor.id, role, ip, now, data: { signerChangeRequestId: request.id } };
    let authorizedSignerId: string;
    let endAt: Date | null = null;
    try {
      if (request.kind === "ADD") {
        const info = readCertificate(request.certPem!);
        ({ id: authorizedSignerId } = await addAuthorizedSigner(
          tx,
          {
            office: "DIDEDUC",
            dideducId: request.dideducId,
            signerPost: request.signerPost,
            gender: request.gender,
            name: request.name,
            userId: request.userId,
            validFrom: request.validFrom,
            validTo: request.validTo,
            certificate: { info, fingerprint: request.certFingerprint! },
          },
          { ...audit, action: "signer_change.register_signer" },
        ));
      } else {
        // Accepted after the notified date: the entry ends now, never in the past.
        endAt = request.endAt && request.endAt.getTime() > now.getTime() ? request.endAt : now;
        authorizedSignerId = request.authorizedSignerId!;
        await endAuthorizedSigner(tx, { signerId: authorizedSignerId, reason: request.note ?? "Cambio de personal notificado por la Dirección Departamental", at: endAt }, { ...audit, action: "signer_change.end_signer" });
      }
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const details = Object.values(error.fieldErrors).flat();
      throw new DomainError("CANNOT_ACCEPT", `No se puede aceptar esta notificación: ${(details.length > 0 ? details : [error.message]).join(" ")} Recházela indicando el motivo.`);
    }
    await tx.signerChangeRequest.update({ where: { id: request.id }, data: { resultingSignerId: request.kind === "ADD" ? authorizedSignerId : null, ...(endAt ? { endAt } : {}) } });
    await appendAuditEvent(tx, {
      data: {
        actorId: actor.id,
        role,
        action: "signer_change.accept",
        ip,
        createdAt: now,
        data: { signerChangeRequestId: request.id, kind: request.kind, dideducId: request.dideducId, authorizedSignerId, ...(endAt ? { endAt: endAt.toISOString() } : {}) },
      },
    });
    outboxId = await writeSignerChangeMail(tx, request, { accepted: true, reason: null, endAt });
    return { authorizedSignerId };
  });
  await deliverNotification(db, outboxId);
  return result;
}
