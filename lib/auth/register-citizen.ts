import "server-only";
import { randomBytes } from "node:crypto";
import { DomainError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appUrl } from "@/lib/http/app-url";
import { sendMail, type TMail } from "@/lib/mail/send-mail";
import { accountExistsMail, cuiInUseMail, registrationConfirmationMail, registrationRefusedMail, type TRenderedMail } from "@/lib/mail/templates";
import { countAttempt } from "./count-attempt";
import { hashPassword } from "./hash-password";
import { clientKey, minutesUntil } from "./login-throttle-policy";
import {
  CONFIRM_REGISTRATION_PATH,
  hashRegistrationToken,
  REGISTRATION,
  registrationAddressKey,
  registrationClientKey,
  registrationRateLimitedMessage,
} from "./registration-policy";
import type { TCitizenRegistration } from "./schemas";

export type TRegistrationRequested = {
  // Where the mail went: the page after the form says "Le enviamos un correo a …" with it.
  email: string;
  // Outbox rows written; the caller delivers them after answering (deliverNotification).
  outboxIds: string[];
};

async function queue(db: PrismaClient, to: string, mail: TRenderedMail, now: Date, sent: string[]): Promise<void> {
  const m: TMail = { to, subject: mail.subject, text: mail.text, html: mail.html };
  // transport null: written to the outbox only, so the answer does not wait for (or reveal) SMTP.
  const result = await sendMail(m, { db, transport: null, now: () => now });
  sent.push(result.outboxId);
}

// Whether another mail may go to this address this hour (counted whether or not it then goes).
async function mayMail(db: PrismaClient, email: string, now: Date): Promise<boolean> {
  const { count } = await countAttempt(db, registrationAddressKey(email), REGISTRATION.address.windowMs, now);
  return count <= REGISTRATION.address.max;
}

// Self-registration (the only way accounts are created outside the admin screens): a citizen, or
// a sworn translator who will then file the D.4 registration. Staff roles are never given here.
//
// It answers the same whatever the e-mail and the CUI are, so the form cannot tell who has an
// account: every path validates, hashes the password and looks both up, and returns the address
// typed. Only the mail differs:
// - neither has an account: a PendingRegistration (token hash, argon2 hash, 24 h) and the link
//   that creates the account (confirmRegistration);
// - the e-mail has an account: its owner is told someone tried, nothing is created (and the CUI's
//   owner too, when the CUI is another account's);
// - only the CUI has an account: its owner is told, and the address typed learns that this CUI
//   cannot open another account.
// Limited per client (REGISTRATION.client, refused with a message that says nothing about
// accounts) and per receiving address (REGISTRATION.address, silently: no more mail this hour).
export async function registerCitizen(
  input: TCitizenRegistration,
  options: { db?: PrismaClient; now?: Date; ip?: string | null } = {},
): Promise<TRegistrationRequested> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  if (options.ip) {
    const { count, resetsAt } = await countAttempt(db, registrationClientKey(clientKey(options.ip)), REGISTRATION.client.windowMs, now);
    if (count > REGISTRATION.client.max) throw new DomainError("RATE_LIMITED", registrationRateLimitedMessage(minutesUntil(resetsAt, now)));
  }

  const passwordHash = await hashPassword(input.password);
  const [emailOwner, cuiOwner] = await Promise.all([
    db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, name: true } }),
    db.user.findUnique({ where: { cui: input.cui }, select: { id: true, email: true, name: true } }),
  ]);
  // Links expired a week ago are of no use to anyone (until then, opening one says it expired
  // rather than that it does not exist).
  await db.pendingRegistration.deleteMany({ where: { expiresAt: { lte: new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000) } } });

  const outboxIds: string[] = [];
  const signInUrl = appUrl("/ingresar");
  if (cuiOwner && cuiOwner.id !== emailOwner?.id && (await mayMail(db, cuiOwner.email, now))) {
    await queue(db, cuiOwner.email, cuiInUseMail({ name: cuiOwner.name, signInUrl }), now, outboxIds);
  }
  if (!(await mayMail(db, input.email, now))) return { email: input.email, outboxIds };

  if (emailOwner) {
    await queue(db, input.email, accountExistsMail({ name: emailOwner.name, signInUrl }), now, outboxIds);
  } else if (cuiOwner) {
    await queue(db, input.email, registrationRefusedMail({ name: input.name, signInUrl }), now, outboxIds);
  } else {
    const token = randomBytes(32).toString("base64url");
    await db.pendingRegistration.create({
      data: {
        tokenHash: hashRegistrationToken(token),
        email: input.email,
        name: input.name,
        cui: input.cui,
        phone: input.phone ?? null,
        passwordHash,
        isTranslator: input.isTranslator,
        ip: options.ip ?? null,
        expiresAt: new Date(now.getTime() + REGISTRATION.confirmationValidMs),
        createdAt: now,
      },
    });
    const confirmUrl = appUrl(`${CONFIRM_REGISTRATION_PATH}?token=${token}`);
    await queue(db, input.email, registrationConfirmationMail({ name: input.name, confirmUrl, validHours: REGISTRATION.confirmationValidMs / 3_600_000 }), now, outboxIds);
  }
  return { email: input.email, outboxIds };
}
