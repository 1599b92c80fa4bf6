import { renderMail, type TRenderedMail } from "./render-mail";

export type TSignerChangeReviewedMailData = {
  directorName: string;
  dideducName: string;
  kind: "ADD" | "END";
  accepted: boolean;
  // The signer the notice was about, and their post as printed.
  signerName: string;
  signerPost: string | null;
  // ADD: validity; END: the date the signer stops signing.
  dates: string;
  // Rejected: why (Atención al Ciudadano's words).
  reason: string | null;
  pageUrl: string;
};

// Nota 3: Atención al Ciudadano answers a DIDEDUC's notice of a new signer or of a departure.
export function signerChangeReviewedMail(d: TSignerChangeReviewedMailData): TRenderedMail {
  const what = d.kind === "ADD" ? "el nuevo firmante" : "el fin de un firmante";
  const subject = `${d.accepted ? "Aceptada" : "Rechazada"}: su notificación sobre ${what}`;
  const outcome = d.accepted
    ? d.kind === "ADD"
      ? "El Departamento de Atención al Ciudadano aceptó su notificación: la persona ya está en el registro de firmantes autorizados de su Dirección Departamental y puede firmar con ese certificado en las fechas indicadas."
      : "El Departamento de Atención al Ciudadano aceptó su notificación: desde la fecha indicada, la persona ya no firma por su Dirección Departamental. Las firmas hechas antes siguen siendo válidas."
    : "El Departamento de Atención al Ciudadano rechazó su notificación; el registro de firmantes no cambió. Puede enviar una nueva con los datos corregidos.";
  return renderMail(subject, d.directorName, [
    { type: "paragraph", text: outcome },
    {
      type: "details",
      rows: [
        ["Dirección Departamental", d.dideducName],
        ["Firmante", d.signerName],
        ...(d.signerPost ? ([["Puesto", d.signerPost]] as [string, string][]) : []),
        [d.kind === "ADD" ? "Vigencia" : "Deja de firmar", d.dates],
      ],
    },
    ...(d.reason ? [{ type: "quote" as const, label: "Motivo", text: d.reason }] : []),
    { type: "action", label: "Ver los firmantes de su Dirección", url: d.pageUrl },
  ]);
}
