import { renderMail, type TRenderedMail } from "./render-mail";
import type { TCaseMailData } from "./types";

export type TIssuanceMailData = TCaseMailData & {
  // Public page reached from the QR code, e.g. https://…/verificar/ABCD-1234.
  verificationUrl: string;
  verificationCode: string;
  // A corrected re-issue: the certification it replaces, which is no longer valid.
  replaces?: { caseNumber: string; verificationCode: string | null } | null;
};

export function issuanceMail(d: TIssuanceMailData): TRenderedMail {
  return renderMail(`Su certificación ${d.caseNumber} fue emitida`, d.applicantName, [
    {
      type: "paragraph",
      text: `Su certificación (${d.procedureLabel}) fue emitida y firmada electrónicamente. Descargue el PDF desde su solicitud en Certifica.`,
    },
    ...(d.replaces
      ? [
          {
            type: "paragraph" as const,
            text:
              `Esta certificación corregida reemplaza a la de la solicitud ${d.replaces.caseNumber}` +
              (d.replaces.verificationCode ? ` (código de verificación ${d.replaces.verificationCode})` : "") +
              ", que ya no es válida: su página de verificación indica que fue anulada y enlaza a esta. Use en adelante solo el documento nuevo.",
          },
        ]
      : []),
    { type: "action", label: "Descargar mi certificación", url: d.caseUrl },
    {
      type: "details",
      rows: [
        ["Número de solicitud", d.caseNumber],
        ["Código de verificación", d.verificationCode],
      ],
    },
    {
      type: "paragraph",
      text:
        "Cualquier persona o institución puede comprobar que el documento es auténtico escaneando el código QR " +
        "del PDF o ingresando a la siguiente dirección:",
    },
    { type: "action", label: "Verificar la certificación", url: d.verificationUrl },
    {
      type: "paragraph",
      text:
        "Apostilla: si va a usar el documento en el extranjero y necesita apostillarlo, suba este mismo archivo PDF " +
        "a la plataforma de apostilla electrónica del Ministerio de Relaciones Exteriores.",
    },
    {
      type: "paragraph",
      text:
        "Guarde el archivo original. La firma electrónica es válida en el PDF tal como lo descargó: una copia impresa " +
        "o escaneada, o un archivo modificado, ya no la conserva.",
    },
  ]);
}
