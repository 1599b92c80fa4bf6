import { renderMail, type TRenderedMail } from "./render-mail";

// To the owner of an active account who asked for a new password (lib/auth/request-password-reset).
// Addresses without an account receive nothing: the page says the same either way.
export function passwordResetMail(d: { name: string; resetUrl: string; validMinutes: number; secondFactor: boolean }): TRenderedMail {
  return renderMail("Restablezca su contraseña de Certifica", d.name, [
    { type: "paragraph", text: "Recibimos una solicitud para restablecer la contraseña de su cuenta de Certifica. Para elegir una nueva, abra el enlace:" },
    { type: "action", label: "Elegir una nueva contraseña", url: d.resetUrl },
    {
      type: "paragraph",
      text: `El enlace vale ${d.validMinutes} minutos y sirve una sola vez. Al cambiar la contraseña se cerrarán todas las sesiones abiertas de su cuenta.`,
    },
    ...(d.secondFactor
      ? [{ type: "paragraph" as const, text: "Su cuenta tiene verificación en dos pasos: después de cambiar la contraseña, al ingresar se le seguirá pidiendo el código de su aplicación de autenticación." }]
      : []),
    { type: "paragraph", text: "Si usted no lo pidió, ignore este mensaje: su contraseña no cambiará." },
  ]);
}
