import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import { DomainError } from "@/lib/errors";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

// The holder withdraws a link: it stops working at once. Idempotent: revoking a revoked link
// (a double click, two tabs) succeeds and changes nothing, so only the first writes an audit event.
// Allowed in any state of the case: a holder may always withdraw what they shared.
export async function revokeShareLink(
  input: { actor: Pick<TWorkflowActor, "id" | "roles">; shareLinkId: string; ip?: string | null; now?: Date; db?: PrismaClient },
  options: TDbOptions = {},
): Promise<{ caseId: string; revokedAt: Date }> {
  const db = await dbOf(options, input);
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const link = await tx.shareLink.findUnique({ where: { id: input.shareLinkId }, include: { case: { select: { applicantId: true } } } });
    if (!link || link.case.applicantId !== input.actor.id) throw new DomainError("NOT_FOUND", "El enlace no existe.");
    const updated = await tx.shareLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: now } });
    if (updated.count === 0) {
      const current = await tx.shareLink.findUniqueOrThrow({ where: { id: link.id }, select: { revokedAt: true } });
      return { caseId: link.caseId, revokedAt: current.revokedAt ?? now };
    }
    await appendAuditEvent(tx, {
      data: {
        caseId: link.caseId,
        actorId: input.actor.id,
        role: input.actor.roles.includes("TRANSLATOR") && !input.actor.roles.includes("CITIZEN") ? "TRANSLATOR" : "CITIZEN",
        action: "share_link_revoked",
        note: link.label,
        data: { shareLinkId: link.id, label: link.label },
        ip: input.ip ?? null,
        createdAt: now,
      },
    });
    return { caseId: link.caseId, revokedAt: now };
  });
}
