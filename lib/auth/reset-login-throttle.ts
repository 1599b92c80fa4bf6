import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { pairThrottleKey } from "./login-throttle-policy";

// After a successful sign-in, this client's failures on this account are forgotten. The client's
// counter over all accounts is kept (signing in to one's own account must not wipe the record of
// guesses at others), and so is the account's global one (the owner signing in must not reset the
// count of an attack on the account from elsewhere).
export async function resetLoginThrottle(args: { email: string; ip: string | null }, options: { db?: PrismaClient } = {}): Promise<void> {
  if (!args.ip) return;
  const db = options.db ?? (await import("@/lib/db")).db;
  await db.loginThrottle.deleteMany({ where: { key: pairThrottleKey(args.email, args.ip) } });
}
