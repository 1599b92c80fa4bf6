import { renderMail, type TRenderedMail } from "./render-mail";
import type { TCaseMailData } from "./types";

export type TReissueStartedMailData = TCaseMailData & {
  // What Atención al Ciudadano says must be corrected.
  note: string;
  // The number of the request whose certification is being corrected.
  originalNumber: string;
};

// A corrected re-issue (reposición) was started: the new request (caseNumber, caseUrl) is a draft
// with the data of the old one, waiting for the holder to correct and send it.
export function reissueStartedMail(d: TReissueStartedMailData): TRenderedMail {
  return renderMail(`Corrija los datos de su certificación: solicitud ${d.caseNumber}`, d.applicantName, [
    {
      type: "paragraph",
      text:
        `Atención al Ciudadano del Ministerio de Educación inició una reposición corregida de su certificación de la solicitud ${d.originalNumber} ` +
        `(${d.procedureLabel}). Creamos la solicitud ${d.caseNumber} con los datos y documentos de la anterior, para que los corrija.`,
    },
    { type: "quote", label: "Qué hay que corregir", text: d.note },
    {
      type: "paragraph",
      text:
        "Ingrese a Certifica, abra la solicitud nueva, corrija lo indicado y envíela. Seguirá el mismo trámite que la anterior, con las " +
        "mismas firmas, y recibirá una certificación nueva con otro código de verificación. Cuando se emita, la certificación anterior " +
        "dejará de ser válida y su página de verificación enlazará a la nueva. Hasta entonces, la anterior no cambia.",
    },
    { type: "action", label: "Corregir mi solicitud", url: d.caseUrl },
  ]);
}
