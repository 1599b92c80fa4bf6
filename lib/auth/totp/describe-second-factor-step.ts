import "server-only";
import QRCode from "qrcode";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { decryptTotpSecret } from "./decrypt-totp-secret";
import { readSecondFactorChallenge, type TChallengeStage } from "./second-factor-challenge";
import { totpUri } from "./totp-codes";

export type TSecondFactorStep =
  | { kind: "expired" }
  | {
      kind: "step";
      stage: TChallengeStage;
      email: string;
      // While enrolling: the pending secret as a QR (a data: URL image, which the CSP allows) and
      // as text for typing it in by hand. null once the enrolment is confirmed.
      enrolment: { qrDataUrl: string; secret: string } | null;
    };

// What the code step shows for the challenge in the browser's cookie.
export async function describeSecondFactorStep(challengeToken: string | null, options: { db?: PrismaClient; now?: Date } = {}): Promise<TSecondFactorStep> {
  const db = options.db ?? (await import("@/lib/db")).db;
  const challenge = readSecondFactorChallenge(challengeToken, { now: options.now });
  if (!challenge) return { kind: "expired" };
  const user = await db.user.findUnique({
    where: { id: challenge.userId },
    select: { id: true, email: true, active: true, sessionVersion: true, totpSecret: true, totpEnabledAt: true },
  });
  if (!user || !user.active || user.sessionVersion !== challenge.sessionVersion) return { kind: "expired" };
  if (challenge.stage === "verify" || user.totpEnabledAt) return { kind: "step", stage: challenge.stage, email: user.email, enrolment: null };
  const secret = user.totpSecret ? decryptTotpSecret(user.totpSecret, user.id) : null;
  if (!secret) return { kind: "expired" };
  const qrDataUrl = await QRCode.toDataURL(totpUri(secret, user.email), { errorCorrectionLevel: "M", margin: 2, width: 240 });
  return { kind: "step", stage: "enrol", email: user.email, enrolment: { qrDataUrl, secret } };
}
