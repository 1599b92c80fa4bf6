import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appUrl } from "@/lib/http/app-url";
import { sendMail } from "@/lib/mail/send-mail";
import { passwordResetMail } from "@/lib/mail/templates";
import { countAttempt } from "./count-attempt";
import { clientKey, minutesUntil } from "./login-throttle-policy";
import {
  hashPasswordResetToken,
  PASSWORD_RESET,
  passwordResetAddressKey,
  passwordResetClientKey,
  passwordResetRateLimitedMessage,
  RESET_PASSWORD_PATH,
} from "./password-reset-policy";
import { ZEmail } from "./schemas";

export const ZPasswordResetRequest = z.object({ email: ZEmail });
export type TPasswordResetRequest = z.infer<typeof ZPasswordResetRequest>;

export type TPasswordResetRequested = {
  // The page says "Si hay una cuenta con … le enviamos un enlace" with it, whatever happened.
  email: string;
  // Outbox rows written; the caller delivers them after answering (deliverNotification).
  outboxIds: string[];
};

// "¿Olvidó su contraseña?": answers the same whether or not the address has an account, so the form
// cannot tell who has one. Only an active account gets a mail: a single-use link valid one hour
// whose token is stored as its SHA-256 (PasswordReset.tokenHash). Limited per client
// (PASSWORD_RESET.client, refused with a message that says nothing about accounts) and per address
// (PASSWORD_RESET.address, silently: no more mail this hour). Counted on the LoginThrottle table,
// like sign-in and registration, so every server instance agrees.
export async function requestPasswordReset(
  input: TPasswordResetRequest,
  options: { db?: PrismaClient; now?: Date; ip?: string | null } = {},
): Promise<TPasswordResetRequested> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  if (options.ip) {
    const { count, resetsAt } = await countAttempt(db, passwordResetClientKey(clientKey(options.ip)), PASSWORD_RESET.client.windowMs, now);
    if (count > PASSWORD_RESET.client.max) throw new DomainError("RATE_LIMITED", passwordResetRateLimitedMessage(minutesUntil(resetsAt, now)));
  }
  // Counted for every address, with or without an account, so the limit itself reveals nothing.
  const { count } = await countAttempt(db, passwordResetAddressKey(email), PASSWORD_RESET.address.windowMs, now);
  if (count > PASSWORD_RESET.address.max) return { email, outboxIds: [] };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, active: true, totpEnabledAt: true } });
  if (!user || !user.active) return { email, outboxIds: [] };

  // Links that expired a day ago are of no use to anyone.
  await db.passwordReset.deleteMany({ where: { expiresAt: { lte: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  const token = randomBytes(32).toString("base64url");
  const outboxId = await db.$transaction(async (tx) => {
    await tx.passwordReset.create({
      data: { tokenHash: hashPasswordResetToken(token), userId: user.id, expiresAt: new Date(now.getTime() + PASSWORD_RESET.validMs), ip: options.ip ?? null, createdAt: now },
    });
    await appendAuditEvent(tx, { data: { caseId: null, actorId: null, action: "auth.request_password_reset", ip: options.ip ?? null, data: { userId: user.id }, createdAt: now } });
    const mail = passwordResetMail({
      name: user.name,
      resetUrl: appUrl(`${RESET_PASSWORD_PATH}?token=${token}`),
      validMinutes: PASSWORD_RESET.validMs / 60_000,
      secondFactor: user.totpEnabledAt !== null,
    });
    // transport null: written to the outbox only, so the answer does not wait for (or reveal) SMTP.
    const sent = await sendMail({ to: user.email, subject: mail.subject, text: mail.text, html: mail.html }, { db: tx as PrismaClient, transport: null, now: () => now });
    return sent.outboxId;
  });
  return { email, outboxIds: [outboxId] };
}
