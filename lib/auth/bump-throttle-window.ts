import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TThrottleCounter = { key: string; failures: number; blockedUntil: Date | null };

export type TThrottleWindow = { windowMs: number; maxFailures: number; blockMs: number };

// A fixed-window failure counter in the LoginThrottle table (sign-in per client and per account,
// second-factor codes per account): one statement per failure, so simultaneous failures each count
// (a read-then-write would lose some) on every server instance. The counter starts over when its
// window has passed or its block ended; the failure that reaches the limit sets the block.
export async function bumpThrottleWindow(db: PrismaClient, key: string, limit: TThrottleWindow, now: Date): Promise<TThrottleCounter> {
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const blockUntil = new Date(now.getTime() + limit.blockMs);
  const rows = await db.$queryRaw<TThrottleCounter[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "blockedUntil", "updatedAt")
    VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${limit.maxFailures}::int THEN ${blockUntil}::timestamp(3) ELSE NULL END, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN "LoginThrottle"."windowStart" < ${windowStart} OR "LoginThrottle"."blockedUntil" <= ${now} THEN 1
        ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE
        WHEN "LoginThrottle"."windowStart" < ${windowStart} OR "LoginThrottle"."blockedUntil" <= ${now} THEN ${now}
        ELSE "LoginThrottle"."windowStart" END,
      "blockedUntil" = CASE
        WHEN "LoginThrottle"."windowStart" < ${windowStart} OR "LoginThrottle"."blockedUntil" <= ${now}
          THEN CASE WHEN 1 >= ${limit.maxFailures}::int THEN ${blockUntil}::timestamp(3) ELSE NULL END
        WHEN "LoginThrottle"."failures" + 1 >= ${limit.maxFailures}::int THEN ${blockUntil}::timestamp(3)
        ELSE "LoginThrottle"."blockedUntil" END,
      "updatedAt" = ${now}
    RETURNING "key", "failures", "blockedUntil"`;
  return rows[0];
}
