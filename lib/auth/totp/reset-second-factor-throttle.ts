import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { secondFactorThrottleKey } from "./second-factor-throttle-policy";

// After a right code (or an administrator's reset) the count of wrong codes starts over.
export async function resetSecondFactorThrottle(userId: string, options: { db: PrismaClient }): Promise<void> {
  await options.db.loginThrottle.deleteMany({ where: { key: secondFactorThrottleKey(userId) } });
}
