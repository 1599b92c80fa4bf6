"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { saveSupervisionOfficeAction } from "@/app/admin/actions/save-supervision-office";
import { failureOf, fieldErrorsOf, valuesOf } from "@/components/ui/action-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { PrefixedTextField } from "./prefixed-text-field";

type TOffice = { id: string; name: string; phone: string; address: string };

// Adds a supervision office (no `office`) or edits one.
export function SupervisionForm({ dideducId, office }: { dideducId: string; office?: TOffice }) {
  const [state, formAction] = useFormAction(saveSupervisionOfficeAction);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  const v: Partial<TOffice> = failure ? valuesOf(state) : (office ?? {});
  const prefix = office ? `office-${office.id}` : "new-office";
  return (
    <form action={formAction} noValidate className="space-y-3" aria-label={office ? `Editar ${office.name}` : "Agregar supervisión"}>
      {state?.ok && !office ? <p role="status" className="font-semibold text-green-800">Supervisión agregada.</p> : null}
      {state?.ok && office ? <p role="status" className="font-semibold text-green-800">Cambios guardados.</p> : null}
      {failure ? <p role="alert" className="font-semibold text-red-800">{failure.formError}</p> : null}
      <input type="hidden" name="dideducId" value={dideducId} />
      {office ? <input type="hidden" name="officeId" value={office.id} /> : null}
      <div className="grid gap-3 md:grid-cols-3" key={JSON.stringify(v)}>
        <PrefixedTextField prefix={prefix} name="name" label="Nombre" defaultValue={v.name ?? ""} errors={errors.name} />
        <PrefixedTextField prefix={prefix} name="phone" type="tel" label="Teléfono" defaultValue={v.phone ?? ""} errors={errors.phone} />
        <PrefixedTextField prefix={prefix} name="address" label="Dirección" defaultValue={v.address ?? ""} errors={errors.address} />
      </div>
      <SubmitButton variant="secondary" pendingLabel="Guardando…">{office ? "Guardar supervisión" : "Agregar supervisión"}</SubmitButton>
    </form>
  );
}
