import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { bumpThrottleWindow as bumpWindow, type TThrottleCounter } from "./bump-throttle-window";
import { accountThrottleKey, ipThrottleKey, LOGIN_THROTTLE, pairDelayMs, pairThrottleKey } from "./login-throttle-policy";

export type { TThrottleCounter } from "./bump-throttle-window";

// The (account, client) pair: failures in a row, forgotten after a day without one; past the free
// ones each sets a wait that doubles (pairDelayMs). The wait only ever grows (GREATEST), so two
// simultaneous failures cannot shorten each other's.
async function bumpBackoff(db: PrismaClient, key: string, now: Date): Promise<TThrottleCounter> {
  const forgetBefore = new Date(now.getTime() - LOGIN_THROTTLE.pair.forgetAfterMs);
  const [row] = await db.$queryRaw<TThrottleCounter[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "blockedUntil", "updatedAt")
    VALUES (${key}, 1, ${now}, NULL, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."updatedAt" < ${forgetBefore} THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."updatedAt" < ${forgetBefore} THEN ${now} ELSE "LoginThrottle"."windowStart" END,
      "updatedAt" = ${now}
    RETURNING "key", "failures", "blockedUntil"`;
  const delay = pairDelayMs(row.failures);
  if (delay === 0) return row;
  const until = new Date(now.getTime() + delay);
  const [updated] = await db.$queryRaw<TThrottleCounter[]>`
    UPDATE "LoginThrottle" SET "blockedUntil" = GREATEST(COALESCE("blockedUntil", ${until}::timestamp(3)), ${until}::timestamp(3))
    WHERE "key" = ${key}
    RETURNING "key", "failures", "blockedUntil"`;
  return updated ?? row;
}

// Counts one failed sign-in against the (account, client) pair, the client and the account.
export async function recordLoginFailure(
  args: { email: string; ip: string | null },
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<{ pair: TThrottleCounter | null; client: TThrottleCounter | null; account: TThrottleCounter }> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const pair = args.ip ? await bumpBackoff(db, pairThrottleKey(args.email, args.ip), now) : null;
  const client = args.ip ? await bumpWindow(db, ipThrottleKey(args.ip), LOGIN_THROTTLE.client, now) : null;
  const account = await bumpWindow(db, accountThrottleKey(args.email), LOGIN_THROTTLE.account, now);
  return { pair, client, account };
}
