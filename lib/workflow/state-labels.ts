import type { CaseState } from "@/lib/generated/prisma/enums";

// The one place where a case state gets its Spanish name; badges, queues and e-mails read it here.
export const STATE_LABELS: Record<CaseState, string> = {
  DRAFT: "Borrador",
  DIDEDUC_REVIEW: "En revisión en la Dirección Departamental",
  NEEDS_CORRECTION: "Requiere corrección",
  DIDEDUC_SIGNATURE: "Pendiente de firma de la Dirección Departamental",
  CENTRAL_REVIEW: "En revisión en Atención al Ciudadano",
  MANAGER_REVIEW: "En revisión del Encargado de Atención al Ciudadano",
  REJECTED: "Rechazada",
  ISSUED: "Emitida",
  REGISTERED: "Registrado",
  REVOKED: "Anulada",
  WITHDRAWN: "Retirada",
  DISCARDED: "Borrador eliminado",
};

// What the applicant reads under the badge while the case sits in that state.
export const STATE_DESCRIPTIONS: Record<CaseState, string> = {
  DRAFT: "Su solicitud aún no ha sido enviada. Complete los datos y los documentos y envíela.",
  DIDEDUC_REVIEW: "La Dirección Departamental de Educación está revisando sus documentos.",
  NEEDS_CORRECTION: "Debe corregir la información o los documentos según el motivo indicado y volver a enviar la solicitud.",
  DIDEDUC_SIGNATURE: "La certificación espera la firma electrónica de la Dirección Departamental de Educación.",
  CENTRAL_REVIEW: "Atención al Ciudadano del Ministerio de Educación está revisando su solicitud.",
  MANAGER_REVIEW: "El Encargado de Atención al Ciudadano está revisando su solicitud de registro.",
  REJECTED: "Su solicitud fue rechazada. Lea el motivo indicado.",
  ISSUED: "Su certificación fue emitida. Puede descargar el PDF firmado.",
  REGISTERED: "Su registro como traductor jurado fue realizado.",
  REVOKED: "Su certificación fue emitida y luego anulada: ya no es válida. Lea el motivo indicado.",
  WITHDRAWN: "Usted retiró esta solicitud antes de que fuera revisada. Si lo necesita, puede iniciar una nueva.",
  DISCARDED: "Usted eliminó este borrador.",
};

// A case in one of these states never changes again.
// ISSUED is closed too: it only leaves for REVOKED (anulación), which keeps closedAt.
export const TERMINAL_STATES: readonly CaseState[] = ["REJECTED", "ISSUED", "REGISTERED", "REVOKED", "WITHDRAWN", "DISCARDED"];

export function isTerminalState(state: CaseState): boolean {
  return TERMINAL_STATES.includes(state);
}
