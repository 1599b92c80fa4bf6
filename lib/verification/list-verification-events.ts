import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { VerificationChannel } from "@/lib/generated/prisma/enums";
import { dbOf, type TDbOptions } from "@/lib/cases/db-options";

export type TVerificationLogEntry = {
  id: string;
  createdAt: Date;
  channel: VerificationChannel;
  matched: boolean | null;
  // The holder's own label of the share link used, for SHARE_LINK and SHARE_DOWNLOAD.
  shareLinkLabel: string | null;
};

export type TVerificationLog = { total: number; entries: TVerificationLogEntry[] };

export const VERIFICATION_LOG_LIMIT = 50;

// The holder's log of verifications of their certification: the newest `limit` and the count of
// all, or null when the case is not theirs. No IP addresses: those stay in the server log.
export async function listVerificationEvents(
  input: { actor: { id: string }; caseId: string; limit?: number; db?: PrismaClient },
  options: TDbOptions = {},
): Promise<TVerificationLog | null> {
  const db = await dbOf(options, input);
  const c = await db.case.findUnique({ where: { id: input.caseId }, select: { applicantId: true } });
  if (!c || c.applicantId !== input.actor.id) return null;
  const [total, rows] = await Promise.all([
    db.verificationEvent.count({ where: { caseId: input.caseId } }),
    db.verificationEvent.findMany({
      where: { caseId: input.caseId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit ?? VERIFICATION_LOG_LIMIT,
      select: { id: true, createdAt: true, channel: true, matched: true, shareLink: { select: { label: true } } },
    }),
  ]);
  return {
    total,
    entries: rows.map((r) => ({ id: r.id.toString(), createdAt: r.createdAt, channel: r.channel, matched: r.matched, shareLinkLabel: r.shareLink?.label ?? null })),
  };
}
