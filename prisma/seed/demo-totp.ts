import { createHmac } from "node:crypto";
import { generateSync, ScureBase32Plugin } from "otplib";
import { requiresSecondFactor } from "../../lib/auth/totp/requires-second-factor";
import { TOTP_PERIOD_SECONDS } from "../../lib/auth/totp/totp-codes";
import { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN, type TDemoAccount } from "./demo-accounts";

// Demo data only, public like the demo passwords: the second-factor secrets of the demo staff
// accounts are derived from their e-mail and this fixed label, so `npm run demo:totp` and the e2e
// sign-in helper compute the current code without opening the database (which the running server
// holds) and without an authenticator app. A real install never runs the seed; its staff enrol
// their own random secret at their first sign-in.
const DEMO_TOTP_LABEL = "certifica-demo-totp-2026";

export function isDemoEmail(email: string): boolean {
  return email.trim().toLowerCase().endsWith(`@${DEMO_EMAIL_DOMAIN}`);
}

export function demoTotpSecret(email: string): string {
  const bytes = createHmac("sha256", DEMO_TOTP_LABEL).update(email.trim().toLowerCase()).digest().subarray(0, 20);
  return new ScureBase32Plugin().encode(new Uint8Array(bytes), { padding: false });
}

// The demo accounts that sign in with a second factor (enrolled by the seed).
export function demoSecondFactorAccounts(): TDemoAccount[] {
  return DEMO_ACCOUNTS.filter((a) => requiresSecondFactor(a.roles));
}

// The code an authenticator shows for `secret` at `at` (default now), and seconds until it changes.
export function totpCodeAt(secret: string, at: Date = new Date()): { code: string; secondsLeft: number; step: number } {
  const epoch = Math.floor(at.getTime() / 1000);
  return {
    code: generateSync({ secret, epoch, period: TOTP_PERIOD_SECONDS }),
    secondsLeft: TOTP_PERIOD_SECONDS - (epoch % TOTP_PERIOD_SECONDS),
    step: Math.floor(epoch / TOTP_PERIOD_SECONDS),
  };
}
