import { ASSIGNMENT_ACTION_SET } from "@/lib/cases/assignment/assignment-rule";
import "server-only";
import { describeEvent } from "@/components/cases/case-timeline";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { PROCEDURE_LABELS } from "@/lib/workflow/definitions";
import type { TCaseView } from "@/lib/cases/get-case-for-actor";
import type { TStaffCaseHeader } from "./staff-case-header";
import type { TCaseFileItem } from "./case-files";

// What the staff case views render, from the domain's case view: plain values only, so that what
// reaches client components is serializable.
export function toCaseViewModel(view: TCaseView) {
  const c = view.case;
  // Who revoked it: the audit event of the transition that did (revoke, or a re-issue's replace).
  const revokedBy = c.state === "REVOKED" ? [...view.events].reverse().find((e) => e.toState === "REVOKED") : undefined;
  // Where the latest note comes from (lastNote is the note of the latest transition): e.g. the
  // central office's reason for a return to the DIDEDUC's signer, so the director knows who asks.
  // ("Tomar"/"Liberar" carry no note and are not transitions: skipped.)
  const last = view.events.findLast((e) => !ASSIGNMENT_ACTION_SET.has(e.action));
  const lastNoteEvent = c.lastNote && last?.note === c.lastNote ? last : undefined;
  const lastNoteFrom = lastNoteEvent
    ? [describeEvent(lastNoteEvent), [lastNoteEvent.actorName, lastNoteEvent.role ? ROLE_LABELS[lastNoteEvent.role] : null].filter(Boolean).join(", ")]
        .filter(Boolean)
        .join(" · ")
    : null;
  const header: TStaffCaseHeader = {
    number: c.number,
    procedureLabel: PROCEDURE_LABELS[c.procedure],
    state: c.state,
    dideducName: view.dideduc?.name ?? null,
    applicantName: view.applicant.name,
    applicantEmail: view.applicant.email ?? null,
    submittedAt: c.submittedAt,
    lastNote: c.lastNote,
    lastNoteFrom,
    lastNoteAction: lastNoteEvent?.action ?? null,
    verificationCode: c.verificationCode,
    revocation: c.revokedAt
      ? { revokedAt: c.revokedAt, category: c.revocationCategory, note: c.revokedReason, byName: revokedBy?.actorName ?? null, byRole: revokedBy?.role ?? null }
      : null,
  };
  const files: TCaseFileItem[] = view.files.map((f) => ({ id: f.id, originalName: f.originalName, pages: f.pages, size: f.size, kind: f.kind }));
  return {
    id: c.id,
    procedure: c.procedure,
    version: c.version,
    state: c.state,
    dideducId: c.dideducId,
    formData: c.formData,
    header,
    files,
    documents: view.documents,
    // The shared timeline names the applicant's own steps "Usted" (the citizen's view); staff read
    // the applicant's name instead.
    events: view.events.map((e) => (e.byApplicant ? { ...e, role: null, actorName: e.actorName ? `${e.actorName} (solicitante)` : "Solicitante" } : e)),
    actions: view.actions,
  };
}
