import "server-only";
import { cookies } from "next/headers";
import { secureCookiesFor } from "../session-cookies";
import { CHALLENGE_TTL_SECONDS } from "./second-factor-challenge";

// Where the browser keeps the second-factor challenge between the password and the code: httpOnly,
// only sent to the sign-in pages, gone after ten minutes. Secure and `__Secure-`-prefixed like the
// session cookie when the app is served over https.
function cookieName(): { name: string; secure: boolean } {
  const secure = secureCookiesFor(process.env.APP_BASE_URL);
  return { name: `${secure ? "__Secure-" : ""}certifica.second-factor`, secure };
}

const PATH = "/ingresar";

export async function setChallengeCookie(challenge: string): Promise<void> {
  const { name, secure } = cookieName();
  (await cookies()).set(name, challenge, { httpOnly: true, sameSite: "lax", path: PATH, secure, maxAge: CHALLENGE_TTL_SECONDS });
}

export async function readChallengeCookie(): Promise<string | null> {
  return (await cookies()).get(cookieName().name)?.value ?? null;
}

export async function clearChallengeCookie(): Promise<void> {
  const { name, secure } = cookieName();
  (await cookies()).set(name, "", { httpOnly: true, sameSite: "lax", path: PATH, secure, maxAge: 0 });
}
