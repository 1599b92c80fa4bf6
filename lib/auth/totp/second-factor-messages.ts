// What the person reads at the code step, from the refusal codes authorize() throws. Client-safe.

export type TSecondFactorRefusal = "INVALID" | "REPLAYED" | "BLOCKED" | "EXPIRED" | "RECOVERY_INVALID";

export const SECOND_FACTOR_MESSAGES = {
  INVALID: "El código no es correcto. Escriba el de 6 dígitos que su aplicación de autenticación muestra ahora.",
  REPLAYED: "Ese código ya se usó. Espere a que su aplicación muestre el siguiente (cambia cada 30 segundos) y escríbalo.",
  EXPIRED: "Su ingreso expiró o ya no es válido. Escriba de nuevo su correo y su contraseña.",
  RECOVERY_INVALID: "El código de recuperación no es correcto o ya se usó.",
} as const;

export function secondFactorBlockedMessage(minutes: number): string {
  return `Demasiados códigos incorrectos. Por seguridad, espere ${minutes} ${minutes === 1 ? "minuto" : "minutos"} e intente de nuevo.`;
}

// The code carried by Auth.js (LoginRefused) → the refusal, e.g. "code-blocked-15".
export function secondFactorRefusalCode(reason: TSecondFactorRefusal, retryAfterMinutes?: number): string {
  return reason === "BLOCKED" ? `code-blocked-${retryAfterMinutes ?? 15}` : `code-${reason.toLowerCase().replace("_", "-")}`;
}

export function secondFactorErrorMessage(code: string | null | undefined): string | null {
  if (!code?.startsWith("code-")) return null;
  const blocked = code.match(/^code-blocked-(\d{1,3})$/);
  if (blocked) return secondFactorBlockedMessage(Number(blocked[1]));
  switch (code) {
    case "code-invalid":
      return SECOND_FACTOR_MESSAGES.INVALID;
    case "code-replayed":
      return SECOND_FACTOR_MESSAGES.REPLAYED;
    case "code-expired":
      return SECOND_FACTOR_MESSAGES.EXPIRED;
    case "code-recovery-invalid":
      return SECOND_FACTOR_MESSAGES.RECOVERY_INVALID;
    default:
      return SECOND_FACTOR_MESSAGES.INVALID;
  }
}
