"use client";

import { useActionForm } from "@/components/ui/use-form-action";
import { createStaffAccountAction } from "@/app/admin/actions/create-staff-account";
import { errorSummaryItems } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { PASSWORD_RULES_TEXT } from "@/lib/auth/check-password-policy";
import { RoleCheckboxes } from "./role-checkboxes";
import { SelectField } from "./select-field";

const ORDER = ["name", "email", "cui", "phone", "post", "roles", "dideducId", "password"] as const;

export function StaffAccountCreateForm({ dideducs }: { dideducs: ReadonlyArray<{ id: string; name: string }> }) {
  const { state, formAction, failure, errors, values } = useActionForm(createStaffAccountAction);
  return (
    <form action={formAction} noValidate className="space-y-5" aria-label="Crear cuenta del personal">
      {state?.ok ? <Notice tone="success" title="Cuenta creada">La persona ya puede ingresar con su correo y la contraseña inicial.</Notice> : null}
      <FormAlert message={failure?.formError} items={errorSummaryItems(state, ORDER)} />
      <div className="grid gap-5 md:grid-cols-2">
        <TextField name="name" label="Nombre completo" autoComplete="off" defaultValue={values.name ?? ""} errors={errors.name} />
        <TextField name="email" type="email" label="Correo electrónico" autoComplete="off" spellCheck={false} defaultValue={values.email ?? ""} errors={errors.email} />
        <TextField name="cui" label="CUI (número de DPI)" optional inputMode="numeric" maxLength={20} defaultValue={values.cui ?? ""} errors={errors.cui} />
        <TextField name="phone" type="tel" label="Teléfono" optional defaultValue={values.phone ?? ""} errors={errors.phone} />
        <TextField name="post" label="Puesto" optional defaultValue={values.post ?? ""} errors={errors.post} />
        <SelectField
          name="dideducId"
          label="Dirección Departamental (DIDEDUC)"
          optional
          placeholder="Ninguna (planta central o administración)"
          options={dideducs.map((d) => ({ value: d.id, label: d.name }))}
          defaultValue={values.dideducId ?? ""}
          key={`dideduc-${values.dideducId ?? ""}`}
          errors={errors.dideducId}
        />
      </div>
      <RoleCheckboxes key={`roles-${JSON.stringify(values)}`} checked={(r) => values[`role_${r}`] === "on"} errors={errors.roles} />
      <TextField name="password" type="password" label="Contraseña inicial" hint={`${PASSWORD_RULES_TEXT} Entréguela a la persona por un medio seguro.`} autoComplete="new-password" errors={errors.password} />
      <SubmitButton pendingLabel="Creando la cuenta…">Crear cuenta</SubmitButton>
    </form>
  );
}
