import NextAuth from "next-auth";
import { authConfig } from "./auth.config";

// Redirects only: signed-out visitors of a staff or citizen area go to /ingresar, signed-in people
// without the area's role to /no-autorizado. It is never the only check (see lib/auth/require-*).
const { auth } = NextAuth(authConfig);
export { auth as proxy };

export const config = {
  // Only the role-protected areas. Upload routes are left out even there: a proxied request body is
  // cut at 10 MB (docs: stack-notes.md), and those routes check the session themselves.
  matcher: [
    "/(ciudadano|dideduc|direccion|atencion|admin)",
    "/(ciudadano|dideduc|direccion|atencion|admin)/((?!(?:.*/)?(?:api|uploads?|archivos|subir)(?:/|$)).*)",
  ],
};
