import "server-only";
import { checkNewPasswordConfirmation, invalidPasswordForm, newPasswordFields } from "./new-password-fields";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { checkLoginThrottle } from "./check-login-throttle";
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH } from "./check-password-policy";
import { hashPassword, verifyPassword } from "./hash-password";
import { blockedMessage } from "./login-throttle-policy";
import { recordLoginFailure } from "./record-login-failure";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const ZChangePassword = z
  .object({
    currentPassword: z.string({ error: "Escriba su contraseña actual." }).min(1, { error: "Escriba su contraseña actual." }).max(PASSWORD_MAX_LENGTH, { error: "La contraseña actual no es correcta." }),
    ...newPasswordFields,
  })
  .superRefine(checkNewPasswordConfirmation);
export type TChangePassword = z.infer<typeof ZChangePassword>;

export const WRONG_CURRENT_PASSWORD_MESSAGE = "La contraseña actual no es correcta.";


// A signed-in person changes their own password: the current one first (a session left open on a
// shared computer is not enough; wrong guesses count like failed sign-ins), the new one under the
// registration policy. Every session of the account ends (the version moves on), audited; the
// caller re-issues this browser's session under the new version.
export async function changePassword(
  userId: string,
  input: TChangePassword,
  options: { db?: PrismaClient; now?: Date; ip?: string | null } = {},
): Promise<{ sessionVersion: number }> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const ip = options.ip ?? null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true, active: true } });
  if (!user || !user.active) throw new DomainError("UNAUTHENTICATED", "Su sesión terminó. Ingrese de nuevo para continuar.");

  const throttle = await checkLoginThrottle({ email: user.email, ip }, { db, now });
  if (throttle.blocked) throw new DomainError("BLOCKED", blockedMessage(throttle.retryAfterMinutes));
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordLoginFailure({ email: user.email, ip }, { db, now });
    throw invalidPasswordForm({ currentPassword: [WRONG_CURRENT_PASSWORD_MESSAGE] });
  }

  const problems = checkPasswordPolicy(input.newPassword, user.email);
  if (input.newPassword === input.currentPassword) problems.push("La nueva contraseña debe ser distinta de la actual.");
  if (problems.length > 0) throw invalidPasswordForm({ newPassword: problems });

  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const { sessionVersion } = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await appendAuditEvent(tx, { data: { caseId: null, actorId: user.id, action: "auth.change_password", ip, data: { userId: user.id } } });
    return { sessionVersion };
  });
}
