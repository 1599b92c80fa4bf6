import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import type { TSessionGrant } from "@/lib/auth/session-user";
import { completeSecondFactor } from "@/lib/auth/totp/complete-second-factor";
import type { TChallengeStage } from "@/lib/auth/totp/second-factor-challenge";
import { secondFactorRefusalCode } from "@/lib/auth/totp/second-factor-messages";
import { clientIpFromHeaders } from "@/lib/request-context";

// Carries the refusal to the sign-in action (and, for a plain POST to the Auth.js endpoint, into
// the ?code= of the redirect): "invalid", "inactive" or "blocked-<minutes>", or a code step's
// "code-…". Never says which part of the credentials was wrong.
class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

// The password was right but the account must also pass a second factor: no session. The sign-in
// action (which calls signIn in-process, so it receives this very object) keeps the challenge in
// an httpOnly cookie for the code step; a direct POST to /api/auth/callback/credentials gets only
// the redirect's ?code=second-factor, never the challenge.
export class SecondFactorRequired extends CredentialsSignin {
  constructor(
    readonly challenge: string,
    readonly stage: TChallengeStage,
  ) {
    super();
    this.code = "second-factor";
  }
}

// What authorize() hands to the jwt callback (auth.config.ts) for the session token.
function sessionFor(grant: TSessionGrant) {
  return { id: grant.user.id, name: grant.user.name, email: grant.user.email, grant };
}

function text(v: unknown): string {
  return typeof v === "string" ? v : "";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: {
        email: { label: "Correo electrónico", type: "email" },
        password: { label: "Contraseña", type: "password" },
        challenge: {},
        code: {},
        recoveryCode: {},
      },
      async authorize(credentials, request) {
        // Second step: the challenge of a correct password, with a code or a recovery code.
        if (credentials.challenge !== undefined) {
          const recoveryCode = credentials.recoveryCode !== undefined ? text(credentials.recoveryCode) : undefined;
          const result = await completeSecondFactor({ challenge: text(credentials.challenge), code: text(credentials.code), recoveryCode, ip: clientIpFromHeaders(request.headers) });
          if (!result.ok) throw new LoginRefused(secondFactorRefusalCode(result.reason, result.retryAfterMinutes));
          return sessionFor(result.grant);
        }
        const email = text(credentials.email);
        const password = text(credentials.password);
        const result = await authenticateCredentials({ email, password, ip: clientIpFromHeaders(request.headers) });
        if (!result.ok) {
          if (result.reason === "SECOND_FACTOR_REQUIRED") throw new SecondFactorRequired(result.challenge, result.stage);
          throw new LoginRefused(result.reason === "BLOCKED" ? `blocked-${result.retryAfterMinutes ?? 15}` : result.reason.toLowerCase());
        }
        return sessionFor({ user: result.user, sessionVersion: result.sessionVersion, secondFactor: false });
      },
    }),
  ],
});
