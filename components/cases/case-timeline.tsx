import type { CaseState, Role } from "@/lib/generated/prisma/enums";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import { formatDateTime } from "./format-date";

export type TTimelineEvent = {
  id: string | number | bigint;
  action: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  note: string | null;
  createdAt: Date | string;
  role?: Role | null;
  // Staff views name the person; the citizen's view names only the office (showActors=false).
  actorName?: string | null;
  // Acting through a delegation, as the audit event records it.
  delegated?: boolean;
};

// The same words for staff and applicants: what happened, in plain Spanish.
const ACTION_LABELS: Record<string, string> = {
  create: "Solicitud creada",
  submit: "Solicitud enviada",
  resubmit: "Correcciones enviadas",
  reject_for_correction: "Se solicitó una corrección",
  reject_with_guidance: "Rechazada con indicaciones de dónde acudir",
  reject_requesting_documents: "Rechazada: se solicitan documentos adicionales",
  reject_definitively: "Rechazada definitivamente",
  generate_certification: "Certificación generada y trasladada a firma",
  sign: "Certificación firmada por la Dirección Departamental",
  return: "Devuelta para corrección interna",
  return_to_signer: "Devuelta a la firma de la Dirección Departamental",
  sign_and_issue: "Certificación firmada y emitida",
  accept: "Registro aceptado",
  reject: "Rechazada",
  revoke: "Certificación anulada",
  start_reissue: "Reposición corregida iniciada",
  replace: "Anulada: reemplazada por la certificación corregida",
  // The applicant's own ways out (issue #14).
  withdraw: "Solicitud retirada por la persona solicitante",
  discard_draft: "Borrador eliminado",
  // The holder's share links (lib/sharing); the note is the link's label, never its token.
  share_link_created: "Enlace para compartir creado",
  share_link_revoked: "Enlace para compartir revocado",
  // "Tomar" (decision 0023): staff timelines only (getCaseForActor leaves them out for the applicant).
  "case.take": "Tomada para revisión",
  "case.release": "Liberada: ya nadie la tiene tomada",
  "case.takeover": "Tomada por otra persona tras la inactividad de quien la revisaba",
};

// Who acted, as an office (the citizen does not need the staff member's name).
const ROLE_OFFICES: Partial<Record<Role, string>> = {
  CITIZEN: "Usted",
  TRANSLATOR: "Usted",
  DIDEDUC_REVIEWER: "Departamento Técnico Pedagógico de la Dirección Departamental",
  DIDEDUC_SIGNER: "Dirección Departamental de Educación",
  CENTRAL_ASSISTANT: "Atención al Ciudadano, Ministerio de Educación",
  CENTRAL_COORDINATOR: "Atención al Ciudadano, Ministerio de Educación",
  CENTRAL_MANAGER: "Encargado de Atención al Ciudadano, Ministerio de Educación",
  ADMIN: "Administración del sistema",
};

// Notes between offices (a return to the previous step) are for staff, not for the applicant.
const INTERNAL_NOTE_ACTIONS = new Set(["return", "return_to_signer"]);

export function describeEvent(event: Pick<TTimelineEvent, "action" | "toState">): string {
  const known = ACTION_LABELS[event.action];
  if (known) return known;
  if (event.toState) return `Cambio de estado: ${STATE_LABELS[event.toState]}`;
  return event.action.replace(/_/g, " ");
}

// Every event of a case, oldest first, as an ordered list (the order is the meaning).
export function CaseTimeline({
  events,
  showActors = false,
  headingId = "historial",
  title = "Historial de la solicitud",
}: {
  events: readonly TTimelineEvent[];
  showActors?: boolean;
  headingId?: string;
  title?: string;
}) {
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {events.length === 0 ? (
        <p>Todavía no hay movimientos.</p>
      ) : (
        <ol className="relative space-y-4 border-l-2 border-slate-300 pl-5" data-testid="case-timeline">
          {events.map((event) => {
            const office = event.role ? ROLE_OFFICES[event.role] : undefined;
            const who = showActors && event.actorName ? `${event.actorName}${office ? ` (${office})` : ""}` : office;
            return (
              <li key={String(event.id)} className="relative">
                <span aria-hidden="true" className="absolute -left-[1.72rem] top-1.5 size-3 rounded-full border-2 border-white bg-brand-700" />
                <p className="font-semibold text-slate-900">{describeEvent(event)}</p>
                <p className="text-sm text-slate-700">
                  <time dateTime={new Date(event.createdAt).toISOString()}>{formatDateTime(event.createdAt)}</time>
                  {who ? ` · ${who}` : null}
                  {event.delegated ? " · por delegación" : null}
                </p>
                {event.toState && event.fromState !== event.toState ? (
                  <p className="text-sm text-slate-700">Estado: {STATE_LABELS[event.toState]}</p>
                ) : null}
                {event.note && (showActors || !INTERNAL_NOTE_ACTIONS.has(event.action)) ? (
                  <p className="mt-1 whitespace-pre-line rounded bg-slate-50 p-2 text-slate-900">
                    <span className="font-semibold">Motivo: </span>
                    {event.note}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
