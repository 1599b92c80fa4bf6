"use server";

import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { auth, SecondFactorRequired, signIn, signOut } from "@/auth";
import { createAction } from "@/lib/action";
import { DomainError } from "@/lib/errors";
import { changePassword, ZChangePassword } from "./change-password";
import { endAllSessions } from "./end-all-sessions";
import { findSessionUser } from "./find-session-user";
import { reissueSession } from "./reissue-session";
import { registerCitizen } from "./register-citizen";
import { homePathFor } from "./roles";
import { safeCallbackPath } from "./route-access";
import { ZCitizenRegistration, ZSignIn } from "./schemas";
import { accessRolesOf } from "./session-user";
import { signInErrorMessage } from "./sign-in-error-message";
import { setChallengeCookie } from "./totp/challenge-cookie";

// Server actions of sign-in, registration and sign-out. Every export goes through createAction.

function isCredentialsRefusal(e: unknown): e is CredentialsSignin {
  return e instanceof CredentialsSignin || (e as { type?: string } | null)?.type === "CredentialsSignin";
}

export const signInAction = createAction({
  name: "auth.sign-in",
  public: true,
  schema: ZSignIn,
  handler: async ({ email, password, callbackUrl }) => {
    try {
      // Runs authorize() (throttle, password, active account) and sets the session cookie.
      await signIn("credentials", { email, password, redirect: false });
    } catch (e) {
      if (e instanceof SecondFactorRequired) {
        // Right password, no session yet: the code step, with the challenge in an httpOnly cookie.
        await setChallengeCookie(e.challenge);
        redirect(`/ingresar/verificacion${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
      }
      if (isCredentialsRefusal(e)) {
        throw new DomainError("SIGN_IN_REFUSED", signInErrorMessage("CredentialsSignin", e.code) ?? "No se pudo iniciar sesión.");
      }
      throw e;
    }
    const user = await findSessionUser({ email });
    const roles = user ? accessRolesOf(user) : [];
    redirect(safeCallbackPath(callbackUrl, roles) ?? homePathFor(roles));
  },
});

export const registerAction = createAction({
  name: "auth.register",
  public: true,
  schema: ZCitizenRegistration,
  sensitiveFields: ["password", "passwordConfirmation"],
  handler: async (input) => {
    await registerCitizen(input);
    try {
      await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    } catch (e) {
      // The account exists; if signing in is refused now (e.g. this address is throttled), the
      // person signs in by hand.
      if (isCredentialsRefusal(e)) redirect("/ingresar?registrado=1");
      throw e;
    }
    redirect("/ciudadano");
  },
});

export const signOutAction = createAction({
  name: "auth.sign-out",
  // Public, so that a session whose account was deactivated can still be closed.
  public: true,
  schema: z.object({}),
  handler: async (_input, { actor }) => {
    // Ends this account's sessions everywhere, not only this browser's cookie: a copy of the
    // cookie (another device, or a stolen one) stops working too.
    if (actor) await endAllSessions(actor.id);
    await signOut({ redirectTo: "/" });
  },
});

export const changePasswordAction = createAction({
  name: "auth.change-password",
  schema: ZChangePassword,
  sensitiveFields: ["currentPassword", "newPassword", "newPasswordConfirmation"],
  handler: async (input, { actor, ip }) => {
    const session = await auth();
    const { sessionVersion } = await changePassword(actor.id, input, { ip });
    // Every other session of the account has ended; this browser continues under the new version.
    if (session?.state) await reissueSession(actor, session.state, sessionVersion);
    // A redirect, not a re-render of this page: Next renders a redirect's target with the cookies
    // this action set, while a re-render would still read the old (now stale) session token.
    redirect("/cuenta?contrasena=cambiada");
  },
});
