// Limits on failed sign-ins. Per account they stop guessing one person's password; per address
// they stop one machine from trying a few passwords on many accounts, hence the higher bound.

export const LOGIN_THROTTLE = {
  windowMs: 15 * 60 * 1000,
  account: { maxFailures: 5, blockMs: 15 * 60 * 1000 },
  ip: { maxFailures: 20, blockMs: 15 * 60 * 1000 },
} as const;

export type TThrottleScope = "account" | "ip";

export function accountThrottleKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

export function ipThrottleKey(ip: string): string {
  return `ip:${ip}`;
}

export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

export function blockedMessage(minutes: number): string {
  const unit = minutes === 1 ? "minuto" : "minutos";
  return `Demasiados intentos fallidos. Por seguridad, el ingreso está bloqueado: espere ${minutes} ${unit} e intente de nuevo.`;
}
