import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";
import { deriveShareLinkToken } from "./derive-share-link-token";
import { shareLinkState, type TShareLinkState } from "./share-link-policy";
import { shareLinkUrl } from "./share-link-url";

export type TShareLinkRow = {
  id: string;
  label: string;
  // Derived again each time (never stored), so the holder can copy a link whenever they need it.
  url: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  state: TShareLinkState;
  // Page views and downloads through this link.
  views: number;
  downloads: number;
};

// The holder's links of one case, newest first, or null when the case is not theirs.
export async function listShareLinks(
  input: { actor: { id: string }; caseId: string; now?: Date; secret?: string; baseUrl?: string; db?: PrismaClient },
  options: TDbOptions = {},
): Promise<TShareLinkRow[] | null> {
  const db = await dbOf(options, input);
  const now = input.now ?? new Date();
  const c = await db.case.findUnique({ where: { id: input.caseId }, select: { applicantId: true } });
  if (!c || c.applicantId !== input.actor.id) return null;
  const links = await db.shareLink.findMany({ where: { caseId: input.caseId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const uses = await db.verificationEvent.groupBy({
    by: ["shareLinkId", "channel"],
    where: { caseId: input.caseId, shareLinkId: { not: null } },
    _count: { _all: true },
  });
  const count = (id: string, channel: "SHARE_LINK" | "SHARE_DOWNLOAD") =>
    uses.find((u) => u.shareLinkId === id && u.channel === channel)?._count._all ?? 0;
  return links.map((l) => ({
    id: l.id,
    label: l.label,
    url: shareLinkUrl(deriveShareLinkToken(l.id, { secret: input.secret }), input.baseUrl),
    createdAt: l.createdAt,
    expiresAt: l.expiresAt,
    revokedAt: l.revokedAt,
    state: shareLinkState(l, now),
    views: count(l.id, "SHARE_LINK"),
    downloads: count(l.id, "SHARE_DOWNLOAD"),
  }));
}
