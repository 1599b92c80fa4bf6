import { formatGuatemalaTime } from "@/lib/pdf/format-guatemala-time";
import { renderMail, type TMailBlock, type TRenderedMail } from "./render-mail";

export type TStaffDigestCase = { number: string; procedureLabel: string; stateLabel: string; since: Date; cameBack: boolean; url: string };
export type TStaffDigestDue = { number: string; procedureLabel: string; stateLabel: string; dueLabel: string; overdue: boolean; url: string };

export type TStaffDigestMailData = {
  staffName: string;
  sections: { label: string; queueUrl: string; cases: TStaffDigestCase[]; total: number; more: boolean }[];
  // Cases of this person's queues past or near their service-level target.
  due: TStaffDigestDue[];
  accountUrl: string;
};

// "1 solicitud nueva o devuelta", "3 solicitudes nuevas o devueltas", "500 o más …".
function arrivedText(n: number, more: boolean): string {
  if (more) return `${n} o más solicitudes nuevas o devueltas`;
  return n === 1 ? "1 solicitud nueva o devuelta" : `${n} solicitudes nuevas o devueltas`;
}

export function staffDigestMail(d: TStaffDigestMailData): TRenderedMail {
  const arrived = d.sections.reduce((n, s) => n + s.total, 0);
  const more = d.sections.some((s) => s.more);
  const parts: string[] = [];
  if (arrived > 0) parts.push(arrivedText(arrived, more));
  if (d.due.length > 0) parts.push(d.due.length === 1 ? "1 vencida o por vencer" : `${d.due.length} vencidas o por vencer`);
  const blocks: TMailBlock[] = [
    { type: "paragraph", text: "Este es su resumen diario de Certifica: lo que llegó a sus bandejas desde el último resumen y lo que está cerca de su plazo." },
  ];
  for (const s of d.sections) {
    blocks.push({
      type: "list",
      heading: `${s.label}: ${arrivedText(s.total, s.more)}`,
      items: s.cases.map((c) => ({
        label: c.number,
        detail: `${c.procedureLabel} · ${c.stateLabel}${c.cameBack ? " (volvió a su bandeja)" : ""} · desde el ${formatGuatemalaTime(c.since)}`,
        url: c.url,
      })),
    });
    const rest = s.total - s.cases.length;
    if (rest > 0) blocks.push({ type: "action", label: s.more ? "Ver las demás en su bandeja" : rest === 1 ? "Ver la restante en su bandeja" : `Ver las ${rest} restantes en su bandeja`, url: s.queueUrl });
  }
  if (d.due.length > 0) {
    blocks.push({
      type: "list",
      heading: "Vencidas o por vencer",
      items: d.due.map((c) => ({ label: c.number, detail: `${c.procedureLabel} · ${c.stateLabel} · ${c.overdue ? "Vencida" : "Por vencer"} (${c.dueLabel})`, url: c.url })),
    });
  }
  blocks.push({
    type: "paragraph",
    text: "Recibe este correo una vez al día, solo cuando hay algo que informar. Puede cambiar la hora o dejar de recibirlo en Mi cuenta.",
  });
  blocks.push({ type: "action", label: "Mi cuenta", url: d.accountUrl });
  return renderMail(`Resumen diario de Certifica: ${parts.join(" y ") || "sin novedades"}`, d.staffName, blocks);
}
