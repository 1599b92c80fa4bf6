import { renderMail, type TMailBlock, type TRenderedMail } from "./render-mail";
import type { TCaseMailData, TOfficeContact } from "./types";

export type TRejectionMailData = TCaseMailData & {
  reason: string;
  // Where to go to obtain what is missing (rejection with guidance); absent for a definitive rejection.
  guidance?: TOfficeContact | null;
  // Documents to bring in the new request (e.g. "Cierre de pensum"), when the office asked for them.
  requestedDocuments?: string[] | null;
  // Absolute URL that starts a new request from this one, when that is offered.
  newRequestUrl?: string | null;
};

// The seed's invented offices (issue #12, point 10): the citizen must not travel to them.
export const PLACEHOLDER_CONTACT_NOTE =
  "Dato de demostración: el teléfono y la dirección de esta oficina son datos de ejemplo del sistema, no los reales. Confirme los datos de la oficina con la Dirección Departamental antes de acudir.";

export function rejectionMail(d: TRejectionMailData): TRenderedMail {
  const blocks: TMailBlock[] = [
    { type: "paragraph", text: `Su solicitud ${d.caseNumber} (${d.procedureLabel}) no pudo ser aprobada.` },
    { type: "quote", label: "Motivo", text: d.reason },
  ];
  if (d.requestedDocuments?.length) {
    blocks.push({ type: "paragraph", text: `Para continuar necesita presentar también: ${d.requestedDocuments.join(", ")}.` });
  }
  if (d.guidance) {
    blocks.push(
      { type: "paragraph", text: "Para obtener lo necesario, acuda a la siguiente oficina:" },
      {
        type: "details",
        rows: [
          ["Oficina", d.guidance.name],
          ["Teléfono", d.guidance.phone],
          ["Dirección", d.guidance.address],
        ],
      },
      ...(d.guidance.isPlaceholder ? [{ type: "paragraph" as const, text: PLACEHOLDER_CONTACT_NOTE }] : []),
      { type: "paragraph", text: "Cuando lo tenga, presente una solicitud nueva en Certifica con los documentos." },
    );
    if (d.newRequestUrl) blocks.push({ type: "action", label: "Iniciar una solicitud nueva a partir de esta", url: d.newRequestUrl });
  } else {
    blocks.push({
      type: "paragraph",
      text: "Esta solicitud quedó cerrada. Si corrige la causa indicada, puede presentar una solicitud nueva en Certifica.",
    });
  }
  blocks.push({ type: "action", label: "Ver mi solicitud", url: d.caseUrl });
  return renderMail(`Su solicitud ${d.caseNumber} fue rechazada`, d.applicantName, blocks);
}
