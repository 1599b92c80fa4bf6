import "server-only";
import { challengeKey } from "./derive-keys";
import { seal, unseal } from "./seal";

// The step between a correct password and the code. Not kept in any process's memory (any server
// instance can finish it) and carrying no password: an encrypted, authenticated token saying which
// account passed its password, under which session version (a password change or a reset since
// voids it) and until when. It is held in an httpOnly cookie; alone it opens nothing.

export const CHALLENGE_TTL_SECONDS = 10 * 60;

export type TChallengeStage = "enrol" | "verify";
export type TSecondFactorChallenge = { userId: string; sessionVersion: number; stage: TChallengeStage; expiresAt: number };

const AAD = "certifica/second-factor-challenge";

export function issueSecondFactorChallenge(
  args: { userId: string; sessionVersion: number; stage: TChallengeStage },
  options: { now?: Date; env?: NodeJS.ProcessEnv } = {},
): string {
  const now = options.now ?? new Date();
  const payload = { u: args.userId, v: args.sessionVersion, s: args.stage, e: Math.floor(now.getTime() / 1000) + CHALLENGE_TTL_SECONDS };
  return seal(JSON.stringify(payload), challengeKey(options.env), AAD);
}

// null when the token is not ours, was altered, or has expired.
export function readSecondFactorChallenge(token: string | null | undefined, options: { now?: Date; env?: NodeJS.ProcessEnv } = {}): TSecondFactorChallenge | null {
  if (!token || token.length > 1000) return null;
  const json = unseal(token, challengeKey(options.env), AAD);
  if (!json) return null;
  try {
    const p = JSON.parse(json) as { u?: unknown; v?: unknown; s?: unknown; e?: unknown };
    if (typeof p.u !== "string" || typeof p.v !== "number" || (p.s !== "enrol" && p.s !== "verify") || typeof p.e !== "number") return null;
    const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
    if (p.e <= now) return null;
    return { userId: p.u, sessionVersion: p.v, stage: p.s, expiresAt: p.e };
  } catch {
    return null;
  }
}
