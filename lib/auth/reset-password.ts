import "server-only";
import { checkNewPasswordConfirmation, invalidPasswordForm, newPasswordFields } from "./new-password-fields";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH } from "./check-password-policy";
import { hashPassword } from "./hash-password";
import {
  hashPasswordResetToken,
  isWellFormedPasswordResetToken,
  PASSWORD_RESET_LINK_EXPIRED_MESSAGE,
  PASSWORD_RESET_LINK_INVALID_MESSAGE,
} from "./password-reset-policy";

export const ZResetPassword = z
  .object({
    token: z.string().max(200).default(""),
    newPassword: newPasswordFields.newPassword.max(PASSWORD_MAX_LENGTH + 1),
    newPasswordConfirmation: newPasswordFields.newPasswordConfirmation,
  })
  .superRefine(checkNewPasswordConfirmation);
export type TResetPassword = z.infer<typeof ZResetPassword>;


// The reset page's form: sets the new password through the link of the "forgotten password" mail.
// - The password policy is checked before the link is spent, so a refused password lets the person
//   try again with the same link.
// - The link is spent (usedAt) in the transaction that changes the password, guarded on "not used
//   yet": of two submissions racing, one changes it and the other is told the link was used. Every
//   other unused link of the account is spent with it.
// - Every session of the account ends (sessionVersion + 1), as "Cambiar contraseña" in Mi cuenta;
//   this browser has no session to keep: the person signs in again, and an account with a second
//   factor is still asked for its code (the reset never touches the TOTP secret; decision 0020).
// - Audited (auth.reset_password).
export async function resetPassword(
  input: TResetPassword,
  options: { db?: PrismaClient; now?: Date; ip?: string | null } = {},
): Promise<{ userId: string; email: string }> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const ip = options.ip ?? null;
  if (!isWellFormedPasswordResetToken(input.token)) throw new DomainError("RESET_INVALID", PASSWORD_RESET_LINK_INVALID_MESSAGE);
  const tokenHash = hashPasswordResetToken(input.token);

  const reset = await db.passwordReset.findUnique({ where: { tokenHash }, include: { user: { select: { id: true, email: true, active: true } } } });
  if (!reset || reset.usedAt || !reset.user.active) throw new DomainError("RESET_INVALID", PASSWORD_RESET_LINK_INVALID_MESSAGE);
  if (reset.expiresAt <= now) throw new DomainError("RESET_EXPIRED", PASSWORD_RESET_LINK_EXPIRED_MESSAGE);

  const problems = checkPasswordPolicy(input.newPassword, reset.user.email);
  if (problems.length > 0) throw invalidPasswordForm({ newPassword: problems });
  const passwordHash = await hashPassword(input.newPassword);

  return db.$transaction(async (tx) => {
    // Claims the link: a second transaction with the same token waits on the row, then updates nothing.
    const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) throw new DomainError("RESET_INVALID", PASSWORD_RESET_LINK_INVALID_MESSAGE);
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    const user = await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 } },
      select: { id: true, email: true },
    });
    await appendAuditEvent(tx, {
      data: { caseId: null, actorId: user.id, action: "auth.reset_password", ip, data: { userId: user.id, passwordResetId: reset.id }, createdAt: now },
    });
    return { userId: user.id, email: user.email };
  });
}
