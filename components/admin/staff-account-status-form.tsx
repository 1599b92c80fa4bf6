"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { setStaffAccountActiveAction } from "@/app/admin/actions/set-staff-account-active";
import { failureOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

export function StaffAccountStatusForm({ userId, active }: { userId: string; active: boolean }) {
  const [state, formAction] = useFormAction(setStaffAccountActiveAction);
  const failure = failureOf(state);
  const verb = active ? "Desactivar cuenta" : "Reactivar cuenta";
  return (
    <form action={formAction} className="space-y-3" aria-label={verb}>
      <FormAlert message={failure?.formError} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <TextField name="reason" label="Motivo" optional maxLength={500} defaultValue={failure?.values?.reason ?? ""} errors={failure?.fieldErrors?.reason} />
      <SubmitButton variant={active ? "danger" : "secondary"} pendingLabel="Guardando…">
        {verb}
      </SubmitButton>
    </form>
  );
}
