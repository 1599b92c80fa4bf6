"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { removeSupervisionOfficeAction } from "@/app/admin/actions/remove-supervision-office";
import { failureOf } from "@/components/ui/action-state";
import { SubmitButton } from "@/components/ui/submit-button";

export function SupervisionRemoveForm({ officeId, name }: { officeId: string; name: string }) {
  const [state, formAction] = useFormAction(removeSupervisionOfficeAction);
  const failure = failureOf(state);
  return (
    <form action={formAction} aria-label={`Quitar ${name}`}>
      <input type="hidden" name="officeId" value={officeId} />
      {failure ? <p role="alert" className="font-semibold text-red-800">{failure.formError}</p> : null}
      <SubmitButton variant="danger" pendingLabel="Quitando…">Quitar</SubmitButton>
    </form>
  );
}
