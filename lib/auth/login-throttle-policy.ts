import ipaddr from "ipaddr.js";

// Limits on failed sign-ins (numbers and reasons: docs/decisions/0006-throttling-and-enumeration.md).
// Three counters, each in the LoginThrottle table:
// - per (account, client): the first failures are free, then every failure doubles the wait. It is
//   what stops one machine guessing one password, and it never touches the account elsewhere, so
//   nobody can lock a known staff member out by typing wrong passwords from their own machine;
// - per client, over every account: one machine trying a few passwords on many accounts;
// - per account, from all clients together: high enough that only an attack from many addresses
//   reaches it; then the account is closed to every client for a while.
export const LOGIN_THROTTLE = {
  pair: { freeFailures: 4, baseDelayMs: 60 * 1000, maxDelayMs: 30 * 60 * 1000, forgetAfterMs: 24 * 60 * 60 * 1000 },
  client: { windowMs: 15 * 60 * 1000, maxFailures: 20, blockMs: 15 * 60 * 1000 },
  account: { windowMs: 60 * 60 * 1000, maxFailures: 100, blockMs: 60 * 60 * 1000 },
} as const;

export type TThrottleScope = "pair" | "client" | "account";

// How long the (account, client) pair waits after its n-th failure in a row: nothing for the free
// ones, then 1, 2, 4, 8, 16 minutes, then 30 minutes each.
export function pairDelayMs(failures: number): number {
  const { freeFailures, baseDelayMs, maxDelayMs } = LOGIN_THROTTLE.pair;
  if (failures <= freeFailures) return 0;
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(30, failures - freeFailures - 1));
}

// One client: an IPv4 address, or an IPv6 /64 (one subscriber line or host usually holds a whole
// /64, so counting single IPv6 addresses would give an attacker billions of fresh clients).
export function clientKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip.slice(0, 64);
  const parsed = ipaddr.process(ip);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}

export function accountThrottleKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function ipThrottleKey(ip: string): string {
  return `ip:${clientKey(ip)}`;
}

export function pairThrottleKey(email: string, ip: string): string {
  return `pair:${clientKey(ip)}|${email.trim().toLowerCase()}`;
}

export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

export function blockedMessage(minutes: number): string {
  const unit = minutes === 1 ? "minuto" : "minutos";
  return `Demasiados intentos fallidos. Por seguridad, el ingreso está bloqueado: espere ${minutes} ${unit} e intente de nuevo.`;
}
