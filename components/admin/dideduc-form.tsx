"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { updateDideducAction } from "@/app/admin/actions/update-dideduc";
import { failureOf, fieldErrorsOf, valuesOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "./select-field";

type TDideduc = { id: string; name: string; type: string; address: string; phone: string; email: string };

// One DIDEDUC per page (/admin/dideduc/[id]), so the fields keep their plain ids.
export function DideducForm({ dideduc }: { dideduc: TDideduc }) {
  const [state, formAction] = useFormAction(updateDideducAction);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  const v = failure ? valuesOf(state) : dideduc;
  const k = JSON.stringify(v);
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label={`Datos de ${dideduc.name}`}>
      {state?.ok ? <Notice tone="success">Datos guardados.</Notice> : null}
      <FormAlert message={failure?.formError} />
      <input type="hidden" name="dideducId" value={dideduc.id} />
      <div className="grid gap-4 md:grid-cols-2" key={k}>
        <TextField name="name" label="Nombre" defaultValue={v.name ?? ""} errors={errors.name} />
        <SelectField name="type" label="Tipo" options={["A", "B", "C"].map((t) => ({ value: t, label: `Tipo ${t}` }))} defaultValue={v.type ?? ""} errors={errors.type} />
        <TextField name="address" label="Dirección" defaultValue={v.address ?? ""} errors={errors.address} />
        <TextField name="phone" type="tel" label="Teléfono" defaultValue={v.phone ?? ""} errors={errors.phone} />
        <TextField name="email" type="email" label="Correo electrónico" defaultValue={v.email ?? ""} errors={errors.email} />
      </div>
      <SubmitButton variant="secondary" pendingLabel="Guardando…">Guardar datos de la DIDEDUC</SubmitButton>
    </form>
  );
}
