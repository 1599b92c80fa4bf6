import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { VerificationChannel } from "@/lib/generated/prisma/enums";
import { log } from "@/lib/log";

export type TRecordVerificationInput = {
  caseId: string;
  channel: VerificationChannel;
  // FILE_CHECK only: whether the file was the issued one.
  matched?: boolean;
  shareLinkId?: string;
  // Goes to the server log only, never to the table the holder reads.
  ip?: string | null;
  requestId?: string;
};

// The holder's log of who looked at their certification: one row per page view, API call, file
// check or share-link use. Never fails the request that triggered it: a verification answered is
// worth more than its log line, and a failure is logged.
export async function recordVerificationEvent(input: TRecordVerificationInput, options: { db?: PrismaClient; now?: Date } = {}): Promise<void> {
  const db = options.db ?? (await import("@/lib/db")).db;
  try {
    await db.verificationEvent.create({
      data: {
        caseId: input.caseId,
        channel: input.channel,
        matched: input.matched ?? null,
        shareLinkId: input.shareLinkId ?? null,
        createdAt: options.now ?? new Date(),
      },
    });
    log.info("verification", { caseId: input.caseId, channel: input.channel, matched: input.matched, shareLinkId: input.shareLinkId, requestId: input.requestId });
  } catch (error) {
    log.error("verification event not recorded", { caseId: input.caseId, channel: input.channel, requestId: input.requestId, error });
  }
}
