"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { updateStaffAccountAction } from "@/app/admin/actions/update-staff-account";
import { errorSummaryItems, failureOf, fieldErrorsOf, valuesOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { RoleCheckboxes } from "./role-checkboxes";
import { SelectField } from "./select-field";

type TAccount = { id: string; roles: string[]; dideducId: string | null; post: string | null };

export function StaffAccountEditForm({ account, dideducs }: { account: TAccount; dideducs: ReadonlyArray<{ id: string; name: string }> }) {
  const [state, formAction] = useFormAction(updateStaffAccountAction);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  const values = failure ? valuesOf(state) : null;
  const dideducId = values ? (values.dideducId ?? "") : (account.dideducId ?? "");
  return (
    <form action={formAction} noValidate className="space-y-5" aria-label="Editar roles y oficina">
      {state?.ok ? <Notice tone="success" title={state.data.changed ? "Cambios guardados" : "Sin cambios"}>{!state.data.changed ? "No había nada que cambiar." : state.data.sessionsEnded ? "Los cambios rigen de inmediato: las sesiones abiertas de la persona terminaron y deberá ingresar de nuevo. Las delegaciones y los registros de firmante que ya no le corresponden quedaron terminados (constan en la auditoría)." : "El puesto nuevo aparecerá en las próximas certificaciones que firme."}</Notice> : null}
      <FormAlert message={failure?.formError} items={errorSummaryItems(state, ["roles", "dideducId", "post"])} />
      <input type="hidden" name="userId" value={account.id} />
      <RoleCheckboxes key={`roles-${JSON.stringify(values)}`} checked={(r) => (values ? values[`role_${r}`] === "on" : account.roles.includes(r))} errors={errors.roles} />
      <SelectField
        name="dideducId"
        label="Dirección Departamental (DIDEDUC)"
        optional
        placeholder="Ninguna (planta central o administración)"
        options={dideducs.map((d) => ({ value: d.id, label: d.name }))}
        defaultValue={dideducId}
        key={`dideduc-${dideducId}`}
        errors={errors.dideducId}
      />
      <TextField name="post" label="Puesto" optional defaultValue={values ? (values.post ?? "") : (account.post ?? "")} key={`post-${values?.post ?? account.post}`} errors={errors.post} />
      <SubmitButton pendingLabel="Guardando…">Guardar cambios</SubmitButton>
    </form>
  );
}
