// Cookie names and flags. Whether cookies are `Secure` (and `__Secure-`-prefixed) follows the
// public address the app is configured with (APP_BASE_URL), never a request header such as
// X-Forwarded-Proto that a client or a misconfigured proxy could set. No server imports: the proxy
// loads this file.

export function secureCookiesFor(appBaseUrl: string | undefined): boolean {
  if (!appBaseUrl?.trim()) return false;
  try {
    return new URL(appBaseUrl.trim()).protocol === "https:";
  } catch {
    return false;
  }
}

// Auth.js's own session cookie name for that setting (its defaultCookies); the token is also
// encrypted with a key salted by this name, so every reader must agree on it.
export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
}

// The second-factor challenge (lib/auth/totp/challenge-cookie.ts): same rule, only sent to the
// sign-in pages, gone after `maxAge` seconds.
export function challengeCookie(secure: boolean, maxAge: number) {
  return {
    name: `${secure ? "__Secure-" : ""}certifica.second-factor`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/ingresar", secure, maxAge },
  };
}
