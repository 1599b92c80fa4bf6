import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { accountThrottleKey, ipThrottleKey, minutesUntil, type TThrottleScope } from "./login-throttle-policy";

export type TThrottleStatus =
  | { blocked: false }
  | { blocked: true; scope: TThrottleScope; until: Date; retryAfterMinutes: number };

// Whether sign-in is refused right now for this account or this address. Checked before the
// password, so while blocked even the right password is refused and nothing is learnt from it.
export async function checkLoginThrottle(
  args: { email: string; ip: string | null },
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<TThrottleStatus> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const keys = [accountThrottleKey(args.email), ...(args.ip ? [ipThrottleKey(args.ip)] : [])];
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, blockedUntil: { gt: now } } });
  if (rows.length === 0) return { blocked: false };
  // The block that lasts longest is the one the person has to wait for.
  const row = rows.reduce((a, b) => (a.blockedUntil!.getTime() >= b.blockedUntil!.getTime() ? a : b));
  const until = row.blockedUntil!;
  return { blocked: true, scope: row.key.startsWith("ip:") ? "ip" : "account", until, retryAfterMinutes: minutesUntil(until, now) };
}
