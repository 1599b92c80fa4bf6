import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { log } from "@/lib/log";
import { clientIpFromHeaders } from "@/lib/request-context";

// Carries the refusal to the sign-in action (and, for a plain POST to the Auth.js endpoint, into
// the ?code= of the redirect): "invalid", "inactive" or "blocked-<minutes>". Never says which
// part of the credentials was wrong.
class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: {
        email: { label: "Correo electrónico", type: "email" },
        password: { label: "Contraseña", type: "password" },
      },
      async authorize(credentials, request) {
        const email = typeof credentials.email === "string" ? credentials.email : "";
        const password = typeof credentials.password === "string" ? credentials.password : "";
        const result = await authenticateCredentials({ email, password, ip: clientIpFromHeaders(request.headers) });
        if (!result.ok) {
          throw new LoginRefused(result.reason === "BLOCKED" ? `blocked-${result.retryAfterMinutes ?? 15}` : result.reason.toLowerCase());
        }
        return result.user;
      },
    }),
  ],
  logger: {
    // A refused sign-in is an expected outcome, not a server error: the throttle table records it.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      log.error("auth error", { error });
    },
    warn(code) {
      log.warn("auth warning", { code });
    },
  },
});
