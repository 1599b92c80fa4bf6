import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { accountThrottleKey, ipThrottleKey, LOGIN_THROTTLE } from "./login-throttle-policy";

type TCounter = { key: string; failures: number; blockedUntil: Date | null };

// One statement per key, so simultaneous failures each count (a read-then-write would lose some).
// A counter starts over when its window has passed or its last block has ended.
async function bump(db: PrismaClient, key: string, maxFailures: number, blockMs: number, now: Date): Promise<TCounter> {
  const windowStart = new Date(now.getTime() - LOGIN_THROTTLE.windowMs);
  const blockUntil = new Date(now.getTime() + blockMs);
  const rows = await db.$queryRaw<TCounter[]>`
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
    RETURNING "key", "failures", "blockedUntil"`;
  return rows[0];
}

// Counts one failed sign-in against the account and against the address it came from.
export async function recordLoginFailure(
  args: { email: string; ip: string | null },
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<{ account: TCounter; ip: TCounter | null }> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const account = await bump(db, accountThrottleKey(args.email), LOGIN_THROTTLE.account.maxFailures, LOGIN_THROTTLE.account.blockMs, now);
  const ip = args.ip ? await bump(db, ipThrottleKey(args.ip), LOGIN_THROTTLE.ip.maxFailures, LOGIN_THROTTLE.ip.blockMs, now) : null;
  return { account, ip };
}
