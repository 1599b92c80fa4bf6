import { createHash } from "node:crypto";

// "¿Olvidó su contraseña?" (issue #14; reasons: docs/decisions/0020-password-reset-and-withdrawal.md).
export const PASSWORD_RESET = {
  // How long a reset link works.
  validMs: 60 * 60 * 1000,
  // Requests from one client (IP or IPv6 /64) in an hour: a family or a school lab behind one
  // address, not a way to probe or to burn the outbox.
  client: { windowMs: 60 * 60 * 1000, max: 10 },
  // Reset mails to one address in an hour: the form must not be a way to flood an inbox. Past it
  // the form answers the same, and no mail leaves.
  address: { windowMs: 60 * 60 * 1000, max: 3 },
} as const;

export { FORGOT_PASSWORD_PATH, RESET_PASSWORD_PATH } from "./password-reset-paths";

export function passwordResetClientKey(clientKey: string): string {
  return `reset:ip:${clientKey}`;
}

export function passwordResetAddressKey(email: string): string {
  return `reset:mail:${email.trim().toLowerCase()}`;
}

// Only the SHA-256 of a reset token is stored: a copy of the table resets nothing.
export function hashPasswordResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

// 32 random bytes, base64url: what a link carries.
export function isWellFormedPasswordResetToken(token: unknown): token is string {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function passwordResetRateLimitedMessage(minutes: number): string {
  return `Se enviaron demasiadas solicitudes desde su conexión. Espere ${minutes} ${minutes === 1 ? "minuto" : "minutos"} e intente de nuevo.`;
}

export const PASSWORD_RESET_LINK_INVALID_MESSAGE =
  "Este enlace para restablecer la contraseña no es válido o ya se usó. Si aún no puede ingresar, pida otro enlace.";
export const PASSWORD_RESET_LINK_EXPIRED_MESSAGE = "Este enlace para restablecer la contraseña venció: vale 1 hora. Pida otro enlace.";
