import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { decryptTotpSecret } from "./decrypt-totp-secret";
import { encryptTotpSecret } from "./encrypt-totp-secret";
import { issueSecondFactorChallenge, type TChallengeStage } from "./second-factor-challenge";
import { generateTotpSecret } from "./totp-codes";

// After a correct password on an account that must use a second factor: the challenge for the code
// step. An account not yet enrolled (new, or reset by an administrator) gets a pending secret
// (stored encrypted, totpEnabledAt still null) that the enrolment screen shows as a QR; the same
// pending secret is shown again until a code confirms it, so a person who scanned it and came back
// later is not made to scan again.
export async function beginSecondFactor(
  userId: string,
  options: { db: PrismaClient; now: Date },
): Promise<{ challenge: string; stage: TChallengeStage }> {
  const { db, now } = options;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true, totpSecret: true, totpEnabledAt: true } });
  let stage: TChallengeStage = "verify";
  if (!user.totpEnabledAt) {
    stage = "enrol";
    const pending = user.totpSecret ? decryptTotpSecret(user.totpSecret, userId) : null;
    if (!pending) {
      // Conditional: two sign-ins at once keep one pending secret, not one each.
      await db.user.updateMany({
        where: { id: userId, totpEnabledAt: null, totpSecret: user.totpSecret },
        data: { totpSecret: encryptTotpSecret(generateTotpSecret(), userId), totpLastStep: null },
      });
    }
  }
  return { challenge: issueSecondFactorChallenge({ userId, sessionVersion: user.sessionVersion, stage }, { now }), stage };
}
