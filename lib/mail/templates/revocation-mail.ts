import { formatGuatemalaTime } from "@/lib/pdf/format-guatemala-time";
import { renderMail, type TRenderedMail } from "./render-mail";
import type { TCaseMailData } from "./types";

export type TRevocationMailData = TCaseMailData & {
  // The public reason, in Spanish (REVOCATION_CATEGORY_LABELS.es). The staff's internal note is
  // never part of this mail: it is not something the holder is given in writing.
  categoryLabel: string;
  revokedAt: Date;
  verificationCode: string;
  // The public page, which now says "Anulada".
  verificationUrl: string;
};

export function revocationMail(d: TRevocationMailData): TRenderedMail {
  return renderMail(`Su certificación ${d.caseNumber} fue anulada`, d.applicantName, [
    {
      type: "paragraph",
      text:
        `Atención al Ciudadano del Ministerio de Educación anuló su certificación (${d.procedureLabel}). ` +
        "Desde ahora el documento ya no es válido, aunque conserve el archivo PDF o una copia impresa.",
    },
    {
      type: "details",
      rows: [
        ["Número de solicitud", d.caseNumber],
        ["Código de verificación", d.verificationCode],
        ["Fecha de anulación", formatGuatemalaTime(d.revokedAt)],
        ["Motivo", d.categoryLabel],
      ],
    },
    {
      type: "paragraph",
      text:
        "Quien escanee el código QR del documento o consulte su código de verificación verá que la certificación está anulada, " +
        "con la fecha y el motivo. No presente este documento ante ninguna institución.",
    },
    { type: "action", label: "Ver la página de verificación", url: d.verificationUrl },
    {
      type: "paragraph",
      text:
        "Si necesita una certificación válida, puede presentar una nueva solicitud en Certifica. Si tiene dudas sobre la anulación, " +
        "comuníquese con Atención al Ciudadano del Ministerio de Educación e indique su número de solicitud.",
    },
    { type: "action", label: "Ver mi solicitud", url: d.caseUrl },
  ]);
}
