"use client";

import { addHolidayAction } from "@/app/admin/actions/add-holiday";
import { failureOf, fieldErrorsOf, valuesOf } from "@/components/ui/action-state";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { PrefixedTextField } from "./prefixed-text-field";

export function HolidayForm() {
  const [state, formAction] = useFormAction(addHolidayAction);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  const v = failure ? valuesOf(state) : {};
  return (
    <form action={formAction} noValidate className="space-y-3" aria-label="Agregar día de asueto">
      {state?.ok ? <p role="status" className="font-semibold text-green-800">Día de asueto agregado.</p> : null}
      {failure ? <p role="alert" className="font-semibold text-red-800">{failure.formError}</p> : null}
      <div className="grid gap-3 md:grid-cols-[auto_1fr]" key={JSON.stringify(v)}>
        <PrefixedTextField prefix="holiday" name="date" type="date" label="Fecha" defaultValue={v.date ?? ""} errors={errors.date} />
        <PrefixedTextField prefix="holiday" name="name" label="Nombre" defaultValue={v.name ?? ""} errors={errors.name} maxLength={120} />
      </div>
      <CheckboxField name="halfDay" label="Medio día" hint="Se cuenta como día completo de asueto para los plazos." defaultChecked={v.halfDay === "on"} />
      <SubmitButton variant="secondary" pendingLabel="Agregando…">Agregar asueto</SubmitButton>
    </form>
  );
}
