"use client";

import { removeHolidayAction } from "@/app/admin/actions/remove-holiday";
import { failureOf } from "@/components/ui/action-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

export function HolidayRemoveForm({ holidayId, label }: { holidayId: string; label: string }) {
  const [state, formAction] = useFormAction(removeHolidayAction);
  const failure = failureOf(state);
  return (
    <form action={formAction} aria-label={`Quitar ${label}`}>
      <input type="hidden" name="holidayId" value={holidayId} />
      {failure ? <p role="alert" className="font-semibold text-red-800">{failure.formError}</p> : null}
      <SubmitButton variant="danger" pendingLabel="Quitando…">Quitar</SubmitButton>
    </form>
  );
}
