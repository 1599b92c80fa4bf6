"use server";

import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { createAction } from "@/lib/action";
import { DomainError } from "@/lib/errors";
import { findSessionUser } from "../find-session-user";
import { homePathFor } from "../roles";
import { safeCallbackPath } from "../route-access";
import { accessRolesOf } from "../session-user";
import { readChallengeCookie, clearChallengeCookie } from "./challenge-cookie";
import { issueRecoveryCodes } from "./issue-recovery-codes";
import { readSecondFactorChallenge } from "./second-factor-challenge";
import { secondFactorErrorMessage, SECOND_FACTOR_MESSAGES } from "./second-factor-messages";
import { ZRecoveryCode, ZSecondFactorCode } from "./schemas";

// Server actions of the code step (/ingresar/verificacion). Both finish the sign-in through
// signIn("credentials", { challenge, … }): authorize() accepts nothing less than a valid challenge
// plus a right code.

type TStepResult = { recoveryCodes: string[]; next: string };

async function finish(credentials: { code: string } | { recoveryCode: string }, callbackUrl: string | undefined): Promise<TStepResult> {
  const challenge = await readChallengeCookie();
  const decoded = readSecondFactorChallenge(challenge);
  if (!challenge || !decoded) throw new DomainError("CHALLENGE_EXPIRED", SECOND_FACTOR_MESSAGES.EXPIRED);
  try {
    await signIn("credentials", { challenge, ...credentials, redirect: false });
  } catch (e) {
    if (e instanceof CredentialsSignin || (e as { type?: string } | null)?.type === "CredentialsSignin") {
      const code = (e as CredentialsSignin).code;
      if (code === "code-expired") await clearChallengeCookie();
      throw new DomainError("SECOND_FACTOR_REFUSED", secondFactorErrorMessage(code) ?? SECOND_FACTOR_MESSAGES.INVALID);
    }
    throw e;
  }
  const user = await findSessionUser({ id: decoded.userId });
  const roles = user ? accessRolesOf(user) : [];
  const next = safeCallbackPath(callbackUrl, roles) ?? homePathFor(roles);
  // A just-confirmed enrolment: its recovery codes, shown once on this same screen. The challenge
  // cookie stays (it expires by itself) so the screen re-rendered after this action still shows
  // them instead of sending the person back to the password.
  if (decoded.stage === "enrol") {
    const recoveryCodes = await issueRecoveryCodes(decoded.userId);
    if (recoveryCodes) return { recoveryCodes, next };
  }
  await clearChallengeCookie();
  redirect(next);
}

export const verifySecondFactorAction = createAction({
  name: "auth.second-factor",
  public: true,
  schema: ZSecondFactorCode,
  sensitiveFields: ["code"],
  handler: async ({ code, callbackUrl }) => finish({ code }, callbackUrl),
});

export const redeemRecoveryCodeAction = createAction({
  name: "auth.recovery-code",
  public: true,
  schema: ZRecoveryCode,
  sensitiveFields: ["recoveryCode"],
  handler: async ({ recoveryCode, callbackUrl }) => finish({ recoveryCode }, callbackUrl),
});
