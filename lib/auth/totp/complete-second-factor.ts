import "server-only";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { SIGN_IN_ACTION } from "@/lib/audit/audit-actions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { findSessionUser } from "../find-session-user";
import type { TSessionGrant } from "../session-user";
import { checkSecondFactorThrottle } from "./check-second-factor-throttle";
import { decryptTotpSecret } from "./decrypt-totp-secret";
import { recordSecondFactorFailure } from "./record-second-factor-failure";
import { redeemRecoveryCode } from "./redeem-recovery-code";
import { resetSecondFactorThrottle } from "./reset-second-factor-throttle";
import { readSecondFactorChallenge } from "./second-factor-challenge";
import type { TSecondFactorRefusal } from "./second-factor-messages";
import { checkTotpCode } from "./totp-codes";

export type TSecondFactorResult =
  | { ok: true; grant: TSessionGrant; enrolled: boolean }
  | { ok: false; reason: TSecondFactorRefusal; retryAfterMinutes?: number };

// The only way an account that must use a second factor gets a session: a valid challenge (its
// password was right a few minutes ago, and nothing ended its sessions since) plus a code from its
// authenticator, or one of its unused recovery codes. For an account still enrolling, the first
// right code confirms the pending secret. Wrong codes are throttled per account; a code's time
// step is recorded so that the same code cannot be used twice.
export async function completeSecondFactor(
  args: { challenge: string; code?: string; recoveryCode?: string; ip?: string | null },
  options: { db?: PrismaClient; now?: Date } = {},
): Promise<TSecondFactorResult> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const now = options.now ?? new Date();
  const challenge = readSecondFactorChallenge(args.challenge, { now });
  if (!challenge) return { ok: false, reason: "EXPIRED" };
  const user = await db.user.findUnique({
    where: { id: challenge.userId },
    select: { id: true, active: true, sessionVersion: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user || !user.active || user.sessionVersion !== challenge.sessionVersion) return { ok: false, reason: "EXPIRED" };

  const throttle = await checkSecondFactorThrottle(user.id, { db, now });
  if (throttle.blocked) return { ok: false, reason: "BLOCKED", retryAfterMinutes: throttle.retryAfterMinutes };

  const refuse = async (reason: TSecondFactorRefusal): Promise<TSecondFactorResult> => {
    const counted = await recordSecondFactorFailure(user.id, { db, now });
    return counted.blocked ? { ok: false, reason: "BLOCKED", retryAfterMinutes: counted.retryAfterMinutes } : { ok: false, reason };
  };

  const enrolling = !user.totpEnabledAt;
  if (args.recoveryCode !== undefined) {
    // Recovery codes exist only once enrolment is done.
    if (enrolling || !(await redeemRecoveryCode(user.id, args.recoveryCode, { db, now }))) return refuse("RECOVERY_INVALID");
    log.info("second factor: recovery code used", { userId: user.id });
  } else {
    const secret = user.totpSecret ? decryptTotpSecret(user.totpSecret, user.id) : null;
    if (!secret) {
      // Encrypted under another key (TOTP_ENCRYPTION_KEY or AUTH_SECRET changed): only a recovery
      // code or an administrator's reset gets this person in.
      log.error("second factor: stored TOTP secret cannot be decrypted", { userId: user.id });
      return refuse("INVALID");
    }
    const check = checkTotpCode(secret, args.code ?? "", { lastStep: user.totpLastStep, now });
    if (!check.ok) return check.reason === "REPLAYED" ? { ok: false, reason: "REPLAYED" } : refuse("INVALID");
    // Conditional on the step still being new (and, when enrolling, on this same pending secret):
    // of two requests with one code, only one gets through.
    const claimed = await db.user.updateMany({
      where: enrolling
        ? { id: user.id, totpEnabledAt: null, totpSecret: user.totpSecret }
        : { id: user.id, totpEnabledAt: { not: null }, OR: [{ totpLastStep: null }, { totpLastStep: { lt: check.step } }] },
      data: enrolling ? { totpEnabledAt: now, totpLastStep: check.step } : { totpLastStep: check.step },
    });
    if (claimed.count === 0) return { ok: false, reason: enrolling ? "EXPIRED" : "REPLAYED" };
  }

  await resetSecondFactorThrottle(user.id, { db });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await appendAuditEvent(tx, { data: { actorId: user.id, action: SIGN_IN_ACTION, ip: args.ip ?? null, createdAt: now, data: { userId: user.id, secondFactor: true } } });
  });
  const sessionUser = await findSessionUser({ id: user.id }, { db, now });
  if (!sessionUser) return { ok: false, reason: "EXPIRED" };
  return { ok: true, grant: { user: sessionUser, sessionVersion: user.sessionVersion, secondFactor: true }, enrolled: enrolling };
}
