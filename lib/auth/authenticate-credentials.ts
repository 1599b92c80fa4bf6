import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { SIGN_IN_ACTION } from "@/lib/audit/audit-actions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "./hash-password";
import { INACTIVE_ACCOUNT_MESSAGE, INVALID_CREDENTIALS_MESSAGE } from "./authenticate-messages";
import { checkLoginThrottle } from "./check-login-throttle";
import { findSessionUser } from "./find-session-user";
import { blockedMessage, minutesUntil } from "./login-throttle-policy";
import { recordLoginFailure } from "./record-login-failure";
import { resetLoginThrottle } from "./reset-login-throttle";
import type { TSessionUser } from "./session-user";
import { beginSecondFactor } from "./totp/begin-second-factor";
import type { TChallengeStage } from "./totp/second-factor-challenge";
import { requiresSecondFactor } from "./totp/requires-second-factor";

export type TAuthenticationRefusal = "INVALID" | "BLOCKED" | "INACTIVE";

export const SECOND_FACTOR_REQUIRED_MESSAGE = "Escriba el código de su aplicación de autenticación para terminar de ingresar.";

export type TAuthenticationResult =
  | { ok: true; user: TSessionUser; sessionVersion: number }
  | { ok: false; reason: TAuthenticationRefusal; message: string; retryAfterMinutes?: number }
  // The password was right, but it is not enough: no session until the code step (lib/auth/totp).
  | { ok: false; reason: "SECOND_FACTOR_REQUIRED"; message: string; challenge: string; stage: TChallengeStage; retryAfterMinutes?: never };


// Unknown e-mails still cost one argon2 verification, so response time does not tell which
// addresses have an account.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("certifica-no-such-account-0");
  return dummyHash;
}

// The Credentials provider's `authorize`, apart from Auth.js so it can be tested on a real
// database: throttle first, then the password, then whether the account is active.
export async function authenticateCredentials(
  args: { email: string; password: string; ip: string | null },
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<TAuthenticationResult> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const email = args.email.trim().toLowerCase();
  const password = args.password;
  if (!email || !password) return { ok: false, reason: "INVALID", message: INVALID_CREDENTIALS_MESSAGE };

  const throttle = await checkLoginThrottle({ email, ip: args.ip }, { db, now });
  if (throttle.blocked) {
    return { ok: false, reason: "BLOCKED", message: blockedMessage(throttle.retryAfterMinutes), retryAfterMinutes: throttle.retryAfterMinutes };
  }

  const account = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true } });
  const passwordOk = account ? await verifyPassword(account.passwordHash, password) : (await verifyPassword(await getDummyHash(), password), false);

  if (!passwordOk) {
    const counters = await recordLoginFailure({ email, ip: args.ip }, { db, now });
    // The failure that reaches the limit already says so, rather than leaving the next try to tell.
    const blocks = [counters.pair?.blockedUntil, counters.client?.blockedUntil, counters.account.blockedUntil].filter((d): d is Date => !!d && d > now);
    if (blocks.length > 0) {
      const minutes = minutesUntil(new Date(Math.max(...blocks.map((d) => d.getTime()))), now);
      return { ok: false, reason: "BLOCKED", message: blockedMessage(minutes), retryAfterMinutes: minutes };
    }
    return { ok: false, reason: "INVALID", message: INVALID_CREDENTIALS_MESSAGE };
  }

  // Told only to someone who knows the password: it reveals nothing to a guesser.
  if (!account!.active) return { ok: false, reason: "INACTIVE", message: INACTIVE_ACCOUNT_MESSAGE };

  await resetLoginThrottle({ email, ip: args.ip }, { db });
  const user = await findSessionUser({ id: account!.id }, { db, now });
  if (!user) return { ok: false, reason: "INACTIVE", message: INACTIVE_ACCOUNT_MESSAGE };
  // Administrators and signers: the password alone never makes a session.
  if (requiresSecondFactor(user.roles, user.delegatedRoles)) {
    const { challenge, stage } = await beginSecondFactor(user.id, { db, now });
    return { ok: false, reason: "SECOND_FACTOR_REQUIRED", message: SECOND_FACTOR_REQUIRED_MESSAGE, challenge, stage };
  }
  // A sign-in is audited (issue #14 §3); one that continues with the second factor is audited when it completes.
  const { sessionVersion } = await db.$transaction(async (tx) => {
    const row = await tx.user.update({ where: { id: account!.id }, data: { lastLoginAt: now }, select: { sessionVersion: true } });
    await appendAuditEvent(tx, { data: { actorId: account!.id, action: SIGN_IN_ACTION, ip: args.ip, createdAt: now, data: { userId: account!.id, secondFactor: false } } });
    return row;
  });
  return { ok: true, user, sessionVersion };
}
