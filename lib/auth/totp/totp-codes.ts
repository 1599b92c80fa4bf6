import { generateSecret, generateURI, verifySync } from "otplib";

// TOTP as authenticator apps do it (RFC 6238: SHA-1, 6 digits, 30-second steps), through otplib.
// Not `server-only`: the demo command and the e2e sign-in helper compute codes with it too.

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_ISSUER = "Certifica MINEDUC";
// One step either side: a phone's clock a little off, or a code typed as it changes.
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export function generateTotpSecret(): string {
  // 20 random bytes (160 bits, RFC 4226's recommendation), base32.
  return generateSecret({ length: 20 });
}

// The otpauth:// address a QR carries to the authenticator app.
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret, period: TOTP_PERIOD_SECONDS });
}

// "123 456", "123-456" → "123456"; null when it is not six digits.
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

export type TTotpCheck = { ok: true; step: number } | { ok: false; reason: "INVALID" | "REPLAYED" };

// Whether `code` is right now, refusing any step at or before `lastStep` (a code already used, or
// an older one): otplib's afterTimeStep does the refusing; the second look only tells the person
// why ("ya se usó") instead of "incorrecto".
export function checkTotpCode(secret: string, code: string, options: { lastStep: number | null; now: Date }): TTotpCheck {
  const token = normalizeTotpCode(code);
  if (!token) return { ok: false, reason: "INVALID" };
  const epoch = Math.floor(options.now.getTime() / 1000);
  const base = { secret, token, epoch, period: TOTP_PERIOD_SECONDS, epochTolerance: TOLERANCE_SECONDS };
  try {
    const fresh = verifySync(options.lastStep === null ? base : { ...base, afterTimeStep: options.lastStep });
    // The TOTP strategy always reports the step it matched (the HOTP one has none).
    if (fresh.valid && "timeStep" in fresh) return { ok: true, step: fresh.timeStep };
    if (options.lastStep !== null && verifySync(base).valid) return { ok: false, reason: "REPLAYED" };
  } catch {
    // A malformed secret: no code can be right.
  }
  return { ok: false, reason: "INVALID" };
}

export function totpStepAt(date: Date): number {
  return Math.floor(date.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}
