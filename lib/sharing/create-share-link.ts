import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import { DomainError } from "@/lib/errors";
import type { TWorkflowActor } from "@/lib/workflow/check-transition";
import { deriveShareLinkToken } from "./derive-share-link-token";
import { computeShareLinkExpiry, MAX_ACTIVE_SHARE_LINKS, ZShareLinkFields } from "./share-link-policy";
import { shareLinkUrl } from "./share-link-url";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export type TCreatedShareLink = { id: string; token: string; url: string; label: string; expiresAt: Date };

// A new link to the holder's issued certification. Only the applicant of the case (the holder),
// only while it is ISSUED and not revoked, at most MAX_ACTIVE_SHARE_LINKS working at once. The
// case row is locked so two creations arriving together cannot both pass the limit. The audit
// event names the link, never its token.
export async function createShareLink(
  input: {
    actor: Pick<TWorkflowActor, "id" | "roles">;
    caseId: string;
    label: string;
    expiresIn: string;
    expiresOn?: string;
    ip?: string | null;
    now?: Date;
    secret?: string;
    baseUrl?: string;
    db?: PrismaClient;
  },
  options: TDbOptions = {},
): Promise<TCreatedShareLink> {
  const db = await dbOf(options, input);
  const now = input.now ?? new Date();
  // The action validated the same schema; the domain checks again, since it is also called directly.
  const parsed = ZShareLinkFields.safeParse({ label: input.label, expiresIn: input.expiresIn, expiresOn: input.expiresOn });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
    throw new DomainError("INVALID_INPUT", "Revise los datos marcados en el formulario.", fieldErrors);
  }
  const expiry = computeShareLinkExpiry(parsed.data, now);
  if (!expiry.ok) throw new DomainError("INVALID_INPUT", "Revise los datos marcados en el formulario.", { [expiry.field]: [expiry.message] });

  const created = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${input.caseId} FOR UPDATE`;
    const c = await tx.case.findUnique({ where: { id: input.caseId }, select: { id: true, applicantId: true, state: true, revokedAt: true } });
    // Someone else's case reads as a missing one: a guessed id reveals nothing.
    if (!c || c.applicantId !== input.actor.id) throw new DomainError("NOT_FOUND", "La solicitud no existe.");
    if (c.state !== "ISSUED" || c.revokedAt) {
      throw new DomainError("NOT_SHAREABLE", "Solo se puede compartir una certificación emitida y vigente.");
    }
    const active = await tx.shareLink.count({ where: { caseId: c.id, revokedAt: null, expiresAt: { gt: now } } });
    if (active >= MAX_ACTIVE_SHARE_LINKS) {
      throw new DomainError(
        "TOO_MANY_SHARE_LINKS",
        `Ya tiene ${MAX_ACTIVE_SHARE_LINKS} enlaces activos, el máximo. Revoque los que ya no necesite y vuelva a intentarlo.`,
      );
    }
    const link = await tx.shareLink.create({
      data: { caseId: c.id, label: parsed.data.label, createdById: input.actor.id, createdAt: now, expiresAt: expiry.expiresAt },
    });
    await appendAuditEvent(tx, {
      data: {
        caseId: c.id,
        actorId: input.actor.id,
        role: input.actor.roles.includes("TRANSLATOR") && !input.actor.roles.includes("CITIZEN") ? "TRANSLATOR" : "CITIZEN",
        action: "share_link_created",
        note: link.label,
        data: { shareLinkId: link.id, label: link.label, expiresAt: link.expiresAt.toISOString() },
        ip: input.ip ?? null,
        createdAt: now,
      },
    });
    return link;
  });
  const token = deriveShareLinkToken(created.id, { secret: input.secret });
  return { id: created.id, token, url: shareLinkUrl(token, input.baseUrl), label: created.label, expiresAt: created.expiresAt };
}
