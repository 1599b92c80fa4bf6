"use client";

import { useActionForm } from "@/components/ui/use-form-action";
import { createDelegationAction } from "@/app/admin/actions/create-delegation";
import { errorSummaryItems } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "./select-field";

type TPerson = { id: string; name: string; dideduc: { name: string } | null };

export function DelegationForm({ signers, staff }: { signers: readonly TPerson[]; staff: readonly TPerson[] }) {
  const { state, formAction, failure, errors, values } = useActionForm(createDelegationAction);
  const label = (p: TPerson) => `${p.name} — ${p.dideduc?.name ?? ""}`;
  return (
    <form action={formAction} noValidate className="space-y-5" aria-label="Crear delegación">
      {state?.ok ? <Notice tone="success" title="Delegación creada">La persona podrá revisar expedientes de esa DIDEDUC durante esas fechas.</Notice> : null}
      <FormAlert message={failure?.formError} items={errorSummaryItems(state, ["grantorId", "delegateId", "validFrom", "validTo", "note"])} />
      <div className="grid gap-5 md:grid-cols-2" key={JSON.stringify(values)}>
        <SelectField name="grantorId" label="Quien delega (Director o firmante de la DIDEDUC)" placeholder="Elija" options={signers.map((p) => ({ value: p.id, label: label(p) }))} defaultValue={values.grantorId ?? ""} errors={errors.grantorId} />
        <SelectField name="delegateId" label="Persona delegada (personal de la misma DIDEDUC)" placeholder="Elija" options={staff.map((p) => ({ value: p.id, label: label(p) }))} defaultValue={values.delegateId ?? ""} errors={errors.delegateId} />
        <TextField name="validFrom" type="date" label="Desde" defaultValue={values.validFrom ?? ""} errors={errors.validFrom} />
        <TextField name="validTo" type="date" label="Hasta (inclusive)" defaultValue={values.validTo ?? ""} errors={errors.validTo} />
        <TextField name="note" label="Nota" optional maxLength={500} className="md:col-span-2" defaultValue={values.note ?? ""} errors={errors.note} />
      </div>
      <SubmitButton pendingLabel="Creando…">Crear delegación</SubmitButton>
    </form>
  );
}
