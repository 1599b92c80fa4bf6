"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { auth, SecondFactorRequired, signIn, signOut } from "@/auth";
import { createAction } from "@/lib/action";
import { deliverNotification } from "@/lib/cases/deliver-notification";
import { DomainError } from "@/lib/errors";
import { changePassword, ZChangePassword } from "./change-password";
import { confirmRegistration } from "./confirm-registration";
import { endAllSessions } from "./end-all-sessions";
import { findSessionUser } from "./find-session-user";
import { reissueSession } from "./reissue-session";
import { registerCitizen } from "./register-citizen";
import { requestPasswordReset, ZPasswordResetRequest } from "./request-password-reset";
import { resetPassword, ZResetPassword } from "./reset-password";
import { homePathFor } from "./roles";
import { safeCallbackPath } from "./route-access";
import { ZCitizenRegistration, ZRegistrationConfirmation, ZSignIn } from "./schemas";
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

// The same answer whatever the e-mail and CUI are (see registerCitizen): the form then says
// "Le enviamos un correo a …". The mail leaves after the answer, so its delivery time tells nothing.
export const registerAction = createAction({
  name: "auth.register",
  public: true,
  schema: ZCitizenRegistration,
  sensitiveFields: ["password", "passwordConfirmation"],
  handler: async (input, { ip }) => {
    const { db } = await import("@/lib/db");
    const { email, outboxIds } = await registerCitizen(input, { db, ip });
    after(async () => {
      for (const id of outboxIds) await deliverNotification(db, id);
    });
    return { email };
  },
});

// The button on the confirmation page: creates the account, then the person signs in.
export const confirmRegistrationAction = createAction({
  name: "auth.confirm-registration",
  public: true,
  schema: ZRegistrationConfirmation,
  handler: async ({ token }) => {
    await confirmRegistration(token);
    redirect("/ingresar?registrado=1");
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

// "¿Olvidó su contraseña?": the same answer whether or not the e-mail has an account (see
// requestPasswordReset). The mail leaves after the answer, so its delivery time tells nothing.
export const requestPasswordResetAction = createAction({
  name: "auth.request-password-reset",
  public: true,
  schema: ZPasswordResetRequest,
  handler: async (input, { ip }) => {
    const { db } = await import("@/lib/db");
    const { email, outboxIds } = await requestPasswordReset(input, { db, ip });
    after(async () => {
      for (const id of outboxIds) await deliverNotification(db, id);
    });
    return { email };
  },
});

// The reset link's form: the new password; every session of the account ends, so the person
// signs in again (with the second factor, when the account has one).
export const resetPasswordAction = createAction({
  name: "auth.reset-password",
  public: true,
  schema: ZResetPassword,
  sensitiveFields: ["token", "newPassword", "newPasswordConfirmation"],
  handler: async (input, { ip }) => {
    await resetPassword(input, { ip });
    redirect("/ingresar?contrasena=restablecida");
  },
});
