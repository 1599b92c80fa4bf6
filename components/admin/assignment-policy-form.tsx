"use client";

import { updateAssignmentPolicyAction } from "@/app/admin/actions/update-assignment-policy";
import { failureOf, fieldErrorsOf, valuesOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/components/ui/use-form-action";

// The idle time of "Tomar" (/admin/revision).
export function AssignmentPolicyForm({ idleMinutes, min, max }: { idleMinutes: number; min: number; max: number }) {
  const [state, formAction] = useFormAction(updateAssignmentPolicyAction);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  const value = failure ? (valuesOf(state).idleMinutes ?? "") : String(state?.ok ? state.data.idleMinutes : idleMinutes);
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label="Tiempo de inactividad">
      {state?.ok ? <Notice tone="success">Guardado: {state.data.idleMinutes} minutos.</Notice> : null}
      <FormAlert message={failure?.formError} />
      <TextField
        key={value}
        name="idleMinutes"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        label="Minutos sin actividad tras los que otra persona puede tomar una solicitud"
        hint={`Entre ${min} y ${max}. Cuentan desde la última vez que quien la tomó la abrió o actuó sobre ella.`}
        defaultValue={value}
        errors={errors.idleMinutes}
        className="max-w-md"
      />
      <SubmitButton variant="secondary" pendingLabel="Guardando…">Guardar</SubmitButton>
    </form>
  );
}
