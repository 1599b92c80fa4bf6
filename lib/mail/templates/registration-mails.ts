import { renderMail, type TRenderedMail } from "./render-mail";

// The mails of self-registration (lib/auth/register-citizen). The page after the form says the
// same whatever happened ("Le enviamos un correo a …"); what differs is only what arrives in the
// inbox, which only the person who controls it reads. None of them repeats another account's
// e-mail, name or CUI.

const IGNORE_IF_NOT_YOU = "Si usted no pidió crear una cuenta, ignore este mensaje: no se creará ninguna cuenta y nadie podrá usar este correo sin abrir el enlace.";
const HELP =
  "Si olvidó su contraseña, pida un enlace para elegir otra en «¿Olvidó su contraseña?», en la página de ingreso; si ya no tiene acceso a este correo, comuníquese con el Departamento de Atención al Ciudadano del Ministerio de Educación.";

// To the address typed in the form, when neither it nor the CUI has an account: the link that
// creates the account.
export function registrationConfirmationMail(d: { name: string; confirmUrl: string; validHours: number }): TRenderedMail {
  return renderMail("Confirme su correo para crear su cuenta en Certifica", d.name, [
    { type: "paragraph", text: "Recibimos una solicitud para crear una cuenta en Certifica con este correo. Para crearla, abra el enlace y confirme:" },
    { type: "action", label: "Confirmar mi correo y crear mi cuenta", url: d.confirmUrl },
    { type: "paragraph", text: `El enlace vale ${d.validHours} horas y sirve una sola vez. Después ingrese con este correo y la contraseña que eligió.` },
    { type: "paragraph", text: IGNORE_IF_NOT_YOU },
  ]);
}

// To the owner of an address that already has an account: nothing was created.
export function accountExistsMail(d: { name: string; signInUrl: string }): TRenderedMail {
  return renderMail("Alguien intentó crear una cuenta con su correo", d.name, [
    {
      type: "paragraph",
      text: "Alguien intentó crear una cuenta nueva en Certifica con este correo, pero usted ya tiene una cuenta con él, así que no se creó otra ni se cambió nada de la suya.",
    },
    { type: "paragraph", text: "Si fue usted, no necesita registrarse de nuevo: ingrese con este correo y su contraseña." },
    { type: "action", label: "Ingresar a Certifica", url: d.signInUrl },
    { type: "paragraph", text: HELP },
    { type: "paragraph", text: "Si no fue usted, no tiene que hacer nada: su cuenta sigue como estaba." },
  ]);
}

// To the owner of the account that holds a CUI someone typed with another address.
export function cuiInUseMail(d: { name: string; signInUrl: string }): TRenderedMail {
  return renderMail("Alguien intentó crear una cuenta con su CUI", d.name, [
    {
      type: "paragraph",
      text: "Alguien intentó crear una cuenta nueva en Certifica con el CUI de su cuenta y otro correo. No se creó ninguna cuenta ni se cambió nada de la suya.",
    },
    { type: "paragraph", text: "Si fue usted, no necesita otra cuenta: ingrese con este correo y su contraseña." },
    { type: "action", label: "Ingresar a Certifica", url: d.signInUrl },
    {
      type: "paragraph",
      text: "Si no fue usted, no tiene que hacer nada; si cree que alguien usa su número de DPI, comuníquese con el Departamento de Atención al Ciudadano del Ministerio de Educación.",
    },
  ]);
}

// To the address typed in the form when the CUI typed belongs to another account. It says only
// what the person who controls this inbox must know to go on (that CUI cannot open another
// account), nothing about that account.
export function registrationRefusedMail(d: { name: string; signInUrl: string }): TRenderedMail {
  return renderMail("No pudimos crear su cuenta en Certifica", d.name, [
    {
      type: "paragraph",
      text: "Recibimos una solicitud para crear una cuenta en Certifica con este correo, pero no se creó: el CUI que se escribió en el formulario ya pertenece a otra cuenta, y cada CUI puede tener una sola.",
    },
    {
      type: "paragraph",
      text: "Si ya tenía una cuenta, ingrese con el correo con que la creó (le enviamos allí un aviso). Si no la reconoce o ya no tiene acceso a ese correo, comuníquese con el Departamento de Atención al Ciudadano del Ministerio de Educación y tenga a mano su DPI.",
    },
    { type: "action", label: "Ingresar a Certifica", url: d.signInUrl },
    { type: "paragraph", text: "Si usted no pidió crear una cuenta, ignore este mensaje." },
  ]);
}
