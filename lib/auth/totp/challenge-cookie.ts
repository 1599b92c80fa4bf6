import "server-only";
import { cookies } from "next/headers";
import { challengeCookie, secureCookiesFor } from "../session-cookies";
import { CHALLENGE_TTL_SECONDS } from "./second-factor-challenge";

// Where the browser keeps the second-factor challenge between the password and the code: httpOnly,
// only sent to the sign-in pages, gone after ten minutes. Secure and `__Secure-`-prefixed like the
// session cookie when APP_BASE_URL is https.
function cookie(maxAge = CHALLENGE_TTL_SECONDS) {
  return challengeCookie(secureCookiesFor(process.env.APP_BASE_URL), maxAge);
}

export async function setChallengeCookie(challenge: string): Promise<void> {
  const { name, options } = cookie();
  (await cookies()).set(name, challenge, options);
}

export async function readChallengeCookie(): Promise<string | null> {
  return (await cookies()).get(cookie().name)?.value ?? null;
}

export async function clearChallengeCookie(): Promise<void> {
  const { name, options } = cookie(0);
  (await cookies()).set(name, "", options);
}
