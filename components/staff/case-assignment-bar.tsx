"use client";

import { formatTime } from "@/components/cases/format-date";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { heldByText } from "@/lib/cases/assignment/assignment-rule";
import type { TStaffFormAction } from "./form-action";
import { useStaffForm } from "./use-staff-form";

export type TCaseAssignmentBarView = {
  holder: { name: string; takenAt: Date; lastActivityAt: Date; idle: boolean; mine: boolean } | null;
  takenFromMe: boolean;
  canRelease: boolean;
  idleMinutes: number;
  // Whether this person could act on the case now (the workflow definition's buttons).
  canAct: boolean;
};

function AssignmentForm({ formAction, caseId, label, pendingLabel, variant, id }: {
  formAction: TStaffFormAction;
  caseId: string;
  label: string;
  pendingLabel: string;
  variant: "primary" | "secondary";
  id: string;
}) {
  const { dispatch, onSubmit, failure } = useStaffForm(formAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-2" aria-label={label}>
      <FormAlert id={`${id}-error`} message={failure?.formError} />
      <input type="hidden" name="caseId" value={caseId} />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}

// "Tomar" (issue #14, decision 0023): who is reviewing the case, and the buttons to take or release
// it. Shown on every staff case view; nothing at all when nobody holds it and this person cannot act.
export function CaseAssignmentBar({ caseId, view, take, release }: { caseId: string; view: TCaseAssignmentBarView; take: TStaffFormAction; release: TStaffFormAction }) {
  const { holder } = view;
  const canTake = view.canAct && !holder?.mine && (!holder || holder.idle);
  if (!holder && !canTake) return null;
  return (
    <section aria-label="Quién revisa esta solicitud" className="space-y-3 rounded-md border border-slate-300 bg-white p-4" data-testid="case-assignment">
      {view.takenFromMe && holder ? (
        <p role="status" className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
          {holder.name} tomó esta solicitud a las {formatTime(holder.takenAt)} porque usted llevaba más de {view.idleMinutes} minutos sin actividad en ella.
        </p>
      ) : null}
      <p data-testid="case-holder">
        {holder
          ? holder.mine
            ? `Usted tiene tomada esta solicitud desde las ${formatTime(holder.takenAt)}. Nadie más puede actuar sobre ella mientras usted la revisa; si la deja ${view.idleMinutes} minutos sin actividad, otra persona podrá tomarla.`
            : holder.idle
              ? `${heldByText(holder.name, holder.takenAt)} Sin actividad desde las ${formatTime(holder.lastActivityAt)}: puede tomarla.`
              : heldByText(holder.name, holder.takenAt)
          : "Nadie tiene tomada esta solicitud. Tómela para que las demás personas sepan que usted la está revisando."}
      </p>
      <div className="flex flex-wrap gap-3">
        {canTake ? <AssignmentForm id="take-case" formAction={take} caseId={caseId} label="Tomar" pendingLabel="Tomando…" variant="primary" /> : null}
        {holder && view.canRelease ? (
          <AssignmentForm id="release-case" formAction={release} caseId={caseId} label="Liberar" pendingLabel="Liberando…" variant="secondary" />
        ) : null}
      </div>
    </section>
  );
}
