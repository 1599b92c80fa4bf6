import type { NextAuthConfig } from "next-auth";
import { resolveAuthSecret } from "@/lib/auth/resolve-auth-secret";
import { decideRouteAccess, FORBIDDEN_PATH, signInPathFor } from "@/lib/auth/route-access";
import { newSessionClaims, sessionStateFromClaims, sessionUserFromClaims } from "@/lib/auth/session-claims";
import { secureCookiesFor, sessionCookieName, sessionCookieOptions } from "@/lib/auth/session-cookies";
import { isSessionAlive, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-policy";
import { log } from "@/lib/log";
import type { TSessionGrant } from "@/lib/auth/session-user";
import type { TSessionState } from "@/lib/auth/session-claims";

// The part of the Auth.js configuration the proxy loads: no database, no argon2, no providers.
// auth.ts adds the Credentials provider. The proxy only redirects early; every layout, page,
// route handler and server action checks the person again against the database (getActor, which
// also refuses a token whose session version is stale).
//
// A factory so tests can build it for another address or clock; the app uses `authConfig`.
export function createAuthConfig(options: { env?: NodeJS.ProcessEnv; now?: () => number } = {}) {
  const env = options.env ?? process.env;
  const nowSeconds = options.now ?? (() => Math.floor(Date.now() / 1000));
  const secure = secureCookiesFor(env.APP_BASE_URL);
  return {
    trustHost: true,
    secret: resolveAuthSecret(env),
    // From the configured address, not from X-Forwarded-Proto: `__Secure-` names and the Secure
    // flag in production (https), plain cookies on http://localhost.
    useSecureCookies: secure,
    cookies: { sessionToken: { name: sessionCookieName(secure), options: sessionCookieOptions(secure) } },
    pages: { signIn: "/ingresar", error: "/ingresar" },
    // The token and its cookie expire after the longest idle time; the idle time of staff and the
    // absolute lifetime of everyone are claims checked below, wherever the token is read.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    providers: [],
    // Auth.js's own errors and warnings as JSON log lines, in the proxy (a token it cannot read) as
    // in the server; by default it prints plain text. Its debug output is never turned on.
    logger: {
      // A refused sign-in is an expected outcome, not a server error: the throttle table records it.
      // A cookie that cannot be read (a rotated AUTH_SECRET, tampering) or a post without its CSRF
      // token is the client's doing: a warning. `authError` names it (the class names are minified).
      error(error) {
        const type = (error as { type?: string }).type;
        if (type === "CredentialsSignin") return;
        const level = type === "JWTSessionError" || type === "MissingCSRF" ? "warn" : "error";
        log[level]("auth error", { authError: type, error });
      },
      warn(code) {
        log.warn("auth warning", { code });
      },
    },
    callbacks: {
      authorized({ request, auth }) {
        const { pathname, search } = request.nextUrl;
        const user = sessionUserFromClaims(auth?.user as Record<string, unknown> | undefined);
        switch (decideRouteAccess(pathname, user)) {
          case "sign-in":
            return Response.redirect(new URL(signInPathFor(pathname + search), request.nextUrl));
          case "forbidden":
            return Response.redirect(new URL(FORBIDDEN_PATH, request.nextUrl));
          default:
            return true;
        }
      },
      jwt({ token, user }) {
        const now = nowSeconds();
        // `user` is present only right after authorize(): the whole session is decided there, once.
        if (user) {
          const grant = (user as { grant?: TSessionGrant }).grant;
          if (!grant) return null;
          return { ...token, ...newSessionClaims(grant.user, grant, now) };
        }
        // Every other read (proxy, auth(), /api/auth/session). Returning null clears the cookie:
        // a token past its idle or absolute limit is never re-issued with a fresh expiry.
        const state = sessionStateFromClaims(token);
        if (!state || !isSessionAlive(state, now)) return null;
        return { ...token, seenAt: now };
      },
      session({ session, token }) {
        const user = sessionUserFromClaims(token);
        const state = sessionStateFromClaims(token);
        return { ...session, user: user ? { ...user, id: user.id } : session.user, state };
      },
    },
  } satisfies NextAuthConfig;
}

export const authConfig = createAuthConfig();

declare module "next-auth" {
  interface Session {
    // The token's own state (version, times, second factor), for getActor's checks.
    state?: TSessionState | null;
  }
}
