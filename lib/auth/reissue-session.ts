import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { resolveAuthSecret } from "./resolve-auth-secret";
import { newSessionClaims, type TSessionState } from "./session-claims";
import { secureCookiesFor, sessionCookieName, sessionCookieOptions } from "./session-cookies";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";
import type { TSessionUser } from "./session-user";

// After a password change has ended every session of the account, this browser (the one that
// changed it, having just proved the current password) keeps going under the new version. Written
// like Auth.js writes its own session cookie (same name, salt and secret as auth.config.ts), with
// the old session's start time and second-factor mark: re-issuing never extends a session's
// absolute lifetime, and is not a way around the second factor. Server actions only (sets a cookie).
export async function reissueSession(user: TSessionUser, previous: TSessionState, sessionVersion: number): Promise<void> {
  const secure = secureCookiesFor(process.env.APP_BASE_URL);
  const name = sessionCookieName(secure);
  const now = Math.floor(Date.now() / 1000);
  const token = await encode({
    token: newSessionClaims(user, { sessionVersion, secondFactor: previous.secondFactor, authTime: previous.authTime }, now),
    secret: resolveAuthSecret(),
    salt: name,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(name, token, { ...sessionCookieOptions(secure), expires: new Date((now + SESSION_MAX_AGE_SECONDS) * 1000) });
}
