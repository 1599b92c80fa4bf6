// Wrong second-factor codes, per account (the password throttle is separate and keyed otherwise).
// Five wrong codes in 15 minutes block codes for 15 minutes: a guesser gets ≈ 480 tries a day
// against 3 valid codes in a million (one step either side), so about one success in 700 days,
// while the person still has their password throttle untouched.
export const SECOND_FACTOR_THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailures: 5,
  blockMs: 15 * 60 * 1000,
} as const;

export function secondFactorThrottleKey(userId: string): string {
  return `second-factor:${userId}`;
}

export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
