import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { accountThrottleKey, ipThrottleKey, minutesUntil, pairThrottleKey, type TThrottleScope } from "./login-throttle-policy";

export type TThrottleStatus =
  | { blocked: false }
  | { blocked: true; scope: TThrottleScope; until: Date; retryAfterMinutes: number };

export function loginThrottleKeys(email: string, ip: string | null): { key: string; scope: TThrottleScope }[] {
  return [
    ...(ip ? [{ key: pairThrottleKey(email, ip), scope: "pair" as const }, { key: ipThrottleKey(ip), scope: "client" as const }] : []),
    { key: accountThrottleKey(email), scope: "account" as const },
  ];
}

// Whether sign-in is refused right now for this account from this client (its own backoff, the
// client's limit over all accounts, or the account's global limit). Checked before the password,
// so while blocked even the right password is refused and nothing is learnt from it.
export async function checkLoginThrottle(
  args: { email: string; ip: string | null },
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<TThrottleStatus> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const keys = loginThrottleKeys(args.email, args.ip);
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) }, blockedUntil: { gt: now } } });
  if (rows.length === 0) return { blocked: false };
  // The block that lasts longest is the one the person has to wait for.
  const row = rows.reduce((a, b) => (a.blockedUntil!.getTime() >= b.blockedUntil!.getTime() ? a : b));
  const until = row.blockedUntil!;
  const scope = keys.find((k) => k.key === row.key)!.scope;
  return { blocked: true, scope, until, retryAfterMinutes: minutesUntil(until, now) };
}
