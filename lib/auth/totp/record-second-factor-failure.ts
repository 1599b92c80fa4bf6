import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { minutesLeft, SECOND_FACTOR_THROTTLE, secondFactorThrottleKey } from "./second-factor-throttle-policy";

// Counts one wrong code in one statement, so simultaneous wrong codes each count. The counter
// starts over when its window has passed or its last block has ended. Returns the block, if this
// failure reached the limit.
export async function recordSecondFactorFailure(
  userId: string,
  options: { db: PrismaClient; now: Date },
): Promise<{ blocked: false } | { blocked: true; retryAfterMinutes: number }> {
  const { db, now } = options;
  const { maxFailures, windowMs, blockMs } = SECOND_FACTOR_THROTTLE;
  const key = secondFactorThrottleKey(userId);
  const windowStart = new Date(now.getTime() - windowMs);
  const blockUntil = new Date(now.getTime() + blockMs);
  const rows = await db.$queryRaw<{ blockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "blockedUntil", "updatedAt")
    VALUES (${key}, 1, ${now}, CASE WHEN 1 >= ${maxFailures}::int THEN ${blockUntil}::timestamp(3) ELSE NULL END, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE
        WHEN "LoginThrottle"."windowStart" < ${windowStart} OR "LoginThrottle"."blockedUntil" <= ${now} THEN 1
        ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE
        WHEN "LoginThrottle"."windowStart" < ${windowStart} OR "LoginThrottle"."blockedUntil" <= ${now} THEN ${now}
        ELSE "LoginThrottle"."windowStart" END,
      "blockedUntil" = CASE
        WHEN "LoginThrottle"."windowStart" < ${windowStart} OR "LoginThrottle"."blockedUntil" <= ${now}
          THEN CASE WHEN 1 >= ${maxFailures}::int THEN ${blockUntil}::timestamp(3) ELSE NULL END
        WHEN "LoginThrottle"."failures" + 1 >= ${maxFailures}::int THEN ${blockUntil}::timestamp(3)
        ELSE "LoginThrottle"."blockedUntil" END,
      "updatedAt" = ${now}
    RETURNING "blockedUntil"`;
  const until = rows[0]?.blockedUntil;
  return until && until > now ? { blocked: true, retryAfterMinutes: minutesLeft(until, now) } : { blocked: false };
}
