import { renderMail, type TRenderedMail } from "./render-mail";
import type { TCaseMailData } from "./types";

export type TSubmissionReceivedMailData = TCaseMailData & {
  // Who reviews it first, e.g. "Dirección Departamental de Educación de Alta Verapaz".
  reviewingOffice?: string | null;
  // True when the citizen sent the case again after a correction.
  resubmitted?: boolean;
};

export function submissionReceivedMail(d: TSubmissionReceivedMailData): TRenderedMail {
  const verb = d.resubmitted ? "volvió a enviar" : "envió";
  return renderMail(`Recibimos su solicitud ${d.caseNumber}`, d.applicantName, [
    { type: "paragraph", text: `Recibimos la solicitud que ${verb} en Certifica. Estos son sus datos:` },
    {
      type: "details",
      rows: [
        ["Número de solicitud", d.caseNumber],
        ["Trámite", d.procedureLabel],
        ...(d.reviewingOffice ? ([["La revisa", d.reviewingOffice]] as [string, string][]) : []),
      ],
    },
    {
      type: "paragraph",
      text:
        "Le avisaremos por este medio si necesita corregir algo y cuando su certificación esté emitida. " +
        "Puede consultar el estado de la solicitud en cualquier momento con su usuario.",
    },
    { type: "action", label: "Ver mi solicitud", url: d.caseUrl },
  ]);
}
