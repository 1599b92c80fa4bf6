import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { minutesLeft, secondFactorThrottleKey } from "./second-factor-throttle-policy";

// Whether codes are refused right now for this account; checked before looking at the code.
export async function checkSecondFactorThrottle(
  userId: string,
  options: { db: PrismaClient; now: Date },
): Promise<{ blocked: false } | { blocked: true; retryAfterMinutes: number }> {
  const row = await options.db.loginThrottle.findFirst({ where: { key: secondFactorThrottleKey(userId), blockedUntil: { gt: options.now } } });
  return row?.blockedUntil ? { blocked: true, retryAfterMinutes: minutesLeft(row.blockedUntil, options.now) } : { blocked: false };
}
