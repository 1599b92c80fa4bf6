import "server-only";
import { z } from "zod";
import { parseOrThrow } from "@/lib/admin/admin-options";
import { deliverNotification } from "@/lib/cases/deliver-notification";
import { DomainError } from "@/lib/errors";
import { safeText } from "@/lib/validation/safe-text";
import { ALREADY_REVIEWED_MESSAGE } from "./accept-signer-change";
import { assertCentralReviewer, resolveSignerChangeDeps, type TSignerChangeActor, type TSignerChangeOptions } from "./signer-change-options";
import { writeSignerChangeMail } from "./write-signer-change-mail";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZRejectSignerChange = z.object({
  requestId: z.string().trim().min(1).max(100),
  reason: safeText({ error: "Escriba el motivo del rechazo." })
    .trim()
    .min(5, { error: "Escriba el motivo del rechazo (al menos 5 caracteres)." })
    .max(500, { error: "El motivo no puede tener más de 500 caracteres." }),
});
export type TRejectSignerChange = z.input<typeof ZRejectSignerChange>;

// Nota 3: Atención al Ciudadano rejects a DIDEDUC's notice with a reason the Director reads; the
// registry does not change. Status, audit event and mail commit together.
export async function rejectSignerChange(actor: TSignerChangeActor, input: TRejectSignerChange, options: TSignerChangeOptions = {}): Promise<{ id: string }> {
  const role = assertCentralReviewer(actor);
  const { db, now, ip } = await resolveSignerChangeDeps(options);
  const data = parseOrThrow(ZRejectSignerChange, input);
  let outboxId: string | null = null;
  await db.$transaction(async (tx) => {
    const claimed = await tx.signerChangeRequest.updateMany({
      where: { id: data.requestId, status: "PENDING" },
      data: { status: "REJECTED", reviewedById: actor.id, reviewedAt: now, reviewReason: data.reason },
    });
    if (claimed.count === 0) throw new DomainError("ALREADY_REVIEWED", ALREADY_REVIEWED_MESSAGE);
    const request = await tx.signerChangeRequest.findUniqueOrThrow({ where: { id: data.requestId } });
    await appendAuditEvent(tx, {
      data: {
        actorId: actor.id,
        role,
        action: "signer_change.reject",
        note: data.reason,
        ip,
        createdAt: now,
        data: { signerChangeRequestId: request.id, kind: request.kind, dideducId: request.dideducId },
      },
    });
    outboxId = await writeSignerChangeMail(tx, request, { accepted: false, reason: data.reason });
  });
  await deliverNotification(db, outboxId);
  return { id: data.requestId };
}
