import type { NextAuthConfig } from "next-auth";
import { resolveAuthSecret } from "@/lib/auth/resolve-auth-secret";
import { decideRouteAccess, FORBIDDEN_PATH, signInPathFor } from "@/lib/auth/route-access";
import { claimsFromSessionUser, sessionUserFromClaims } from "@/lib/auth/session-claims";
import type { TSessionUser } from "@/lib/auth/session-user";

// The part of the Auth.js configuration the proxy loads: no database, no argon2, no providers.
// auth.ts adds the Credentials provider. The proxy only redirects early; every layout, page,
// route handler and server action checks the person again against the database.
export const authConfig = {
  trustHost: true,
  secret: resolveAuthSecret(),
  pages: { signIn: "/ingresar", error: "/ingresar" },
  // A working day; the token is re-issued while the person keeps using the site.
  session: { strategy: "jwt", maxAge: 8 * 60 * 60, updateAge: 60 * 60 },
  providers: [],
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
      // `user` is present only right after authorize(): copy what the session needs, once.
      if (user) return { ...token, ...claimsFromSessionUser(user as TSessionUser) };
      return token;
    },
    session({ session, token }) {
      const user = sessionUserFromClaims(token);
      return { ...session, user: user ? { ...user, id: user.id } : session.user };
    },
  },
} satisfies NextAuthConfig;
