import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { accountThrottleKey } from "./login-throttle-policy";

// After a successful sign-in the account's failures are forgotten. The address counter is kept:
// otherwise signing in to one's own account would wipe the record of guesses at others.
export async function resetLoginThrottle(email: string, options: { db?: PrismaClient } = {}): Promise<void> {
  const db = options.db ?? (await import("@/lib/db")).db;
  await db.loginThrottle.deleteMany({ where: { key: accountThrottleKey(email) } });
}
