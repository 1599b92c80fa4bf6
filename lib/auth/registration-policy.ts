import { createHash } from "node:crypto";

// Self-registration's limits (reasons: docs/decisions/0006-throttling-and-enumeration.md).
export const REGISTRATION = {
  // How long the confirmation link works.
  confirmationValidMs: 24 * 60 * 60 * 1000,
  // Registrations sent from one client (IP or IPv6 /64) in an hour: enough for a family or a school
  // lab behind one address, not for mass mailing or for burning argon2 time.
  client: { windowMs: 60 * 60 * 1000, max: 20 },
  // Registration mails to one address in an hour: the form must not be a way to flood an inbox.
  // Past it the form still answers the same, and no mail leaves.
  address: { windowMs: 60 * 60 * 1000, max: 3 },
} as const;

export const CONFIRM_REGISTRATION_PATH = "/registro/confirmar";

export function registrationClientKey(clientKey: string): string {
  return `register:ip:${clientKey}`;
}

export function registrationAddressKey(email: string): string {
  return `register:mail:${email.trim().toLowerCase()}`;
}

// Only the hash of a confirmation token is stored: a copy of the table confirms nothing.
export function hashRegistrationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

// 32 random bytes, base64url: what a link carries.
export function isWellFormedRegistrationToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function registrationRateLimitedMessage(minutes: number): string {
  return `Se enviaron demasiados registros desde su conexión. Espere ${minutes} ${minutes === 1 ? "minuto" : "minutos"} e intente de nuevo; lo que escribió se conserva.`;
}
