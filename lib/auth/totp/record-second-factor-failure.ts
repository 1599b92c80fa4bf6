import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { bumpThrottleWindow } from "../bump-throttle-window";
import { minutesLeft, SECOND_FACTOR_THROTTLE, secondFactorThrottleKey } from "./second-factor-throttle-policy";

// Counts one wrong code (the same fixed-window counter as the sign-in throttle, under its own key).
// Returns the block, if this failure reached the limit.
export async function recordSecondFactorFailure(
  userId: string,
  options: { db: PrismaClient; now: Date },
): Promise<{ blocked: false } | { blocked: true; retryAfterMinutes: number }> {
  const { db, now } = options;
  const { blockedUntil: until } = await bumpThrottleWindow(db, secondFactorThrottleKey(userId), SECOND_FACTOR_THROTTLE, now);
  return until && until > now ? { blocked: true, retryAfterMinutes: minutesLeft(until, now) } : { blocked: false };
}
