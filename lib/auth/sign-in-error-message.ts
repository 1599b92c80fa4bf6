import { INACTIVE_ACCOUNT_MESSAGE, INVALID_CREDENTIALS_MESSAGE } from "./authenticate-messages";
import { blockedMessage } from "./login-throttle-policy";
import { secondFactorErrorMessage } from "./totp/second-factor-messages";

export const SECOND_FACTOR_FORM_MESSAGE =
  "Su cuenta pide además un código de verificación: ingrese desde este formulario con su correo y su contraseña, y luego escriba el código.";

// The Spanish message for a refusal code carried by Auth.js (LoginRefused in auth.ts, or the
// ?error=&code= of a redirect to /ingresar).
export function signInErrorMessage(error: string | null | undefined, code: string | null | undefined): string | null {
  if (!error && !code) return null;
  const blocked = code?.match(/^blocked-(\d{1,3})$/);
  if (blocked) return blockedMessage(Number(blocked[1]));
  if (code === "inactive") return INACTIVE_ACCOUNT_MESSAGE;
  if (code === "second-factor") return SECOND_FACTOR_FORM_MESSAGE;
  const codeStep = secondFactorErrorMessage(code);
  if (codeStep) return codeStep;
  if (error === "CredentialsSignin" || code === "invalid" || code === "credentials") return INVALID_CREDENTIALS_MESSAGE;
  return "No se pudo iniciar sesión. Intente de nuevo.";
}
