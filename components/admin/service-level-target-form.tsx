"use client";

import { saveServiceLevelTargetAction } from "@/app/admin/actions/save-service-level-target";
import { failureOf, fieldErrorsOf, valuesOf } from "@/components/ui/action-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { PrefixedTextField } from "./prefixed-text-field";

// One stage's target, in business days; empty removes it.
export function ServiceLevelTargetForm({ procedure, state, label, businessDays }: { procedure: string; state: string; label: string; businessDays: number | null }) {
  const [result, formAction] = useFormAction(saveServiceLevelTargetAction);
  const failure = failureOf(result);
  const typed = failure ? valuesOf(result).businessDays : undefined;
  const value = typed ?? (businessDays === null ? "" : String(businessDays));
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3" aria-label={`Plazo: ${label}`}>
      <input type="hidden" name="procedure" value={procedure} />
      <input type="hidden" name="state" value={state} />
      <PrefixedTextField
        key={value}
        prefix={`target-${procedure}-${state}`}
        name="businessDays"
        label="Días hábiles"
        inputMode="numeric"
        defaultValue={value}
        errors={fieldErrorsOf(result).businessDays}
        className="w-32"
      />
      <SubmitButton variant="secondary" pendingLabel="Guardando…">Guardar</SubmitButton>
      {result?.ok ? <p role="status" className="font-semibold text-green-800">Plazo guardado.</p> : null}
      {failure && !fieldErrorsOf(result).businessDays ? <p role="alert" className="font-semibold text-red-800">{failure.formError}</p> : null}
    </form>
  );
}
