import { renderMail, type TRenderedMail } from "./render-mail";
import type { TCaseMailData } from "./types";

export type TCorrectionRequestedMailData = TCaseMailData & { reason: string };

export function correctionRequestedMail(d: TCorrectionRequestedMailData): TRenderedMail {
  return renderMail(`Su solicitud ${d.caseNumber} necesita una corrección`, d.applicantName, [
    {
      type: "paragraph",
      text: `Revisamos su solicitud ${d.caseNumber} (${d.procedureLabel}) y necesitamos que corrija la información o los documentos antes de continuar.`,
    },
    { type: "quote", label: "Lo que debe corregir", text: d.reason },
    {
      type: "paragraph",
      text:
        "Ingrese a Certifica, abra la solicitud, haga los cambios indicados y envíela de nuevo. " +
        "No necesita empezar una solicitud nueva: se conserva lo que ya ingresó.",
    },
    { type: "action", label: "Corregir mi solicitud", url: d.caseUrl },
  ]);
}
