"use client";

import { createOfficeDelegationAction } from "@/app/direccion/actions/create-delegation";
import { SelectField } from "@/components/admin/select-field";
import { TextareaField } from "@/components/staff/textarea-field";
import { errorSummaryItems } from "@/components/ui/action-state";
import { FieldErrors } from "@/components/ui/field-errors";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-form-action";
import { DELEGABLE_ROLES, DELEGATED_ROLE_LABELS } from "@/lib/workflow/delegation-calendar";

type TStaff = { id: string; name: string; post: string | null };

const FIELD_ORDER = ["delegateId", "role", "validFrom", "validTo", "note"] as const;

// The Director delegates the technical review to a member of their own staff for some days.
// What was typed comes back after a refusal (the form is keyed on it: React resets a form after
// its action); a success empties it and the new delegation appears in the list above.
export function OfficeDelegationForm({ staff, today, lastDay }: { staff: readonly TStaff[]; today: string; lastDay: string }) {
  const { state, formAction, failure, errors, values } = useActionForm(createOfficeDelegationAction);
  const roleErrorId = errors.role?.length ? "role-error" : undefined;
  return (
    <form action={formAction} noValidate className="space-y-5" aria-label="Delegar la revisión">
      {state?.ok ? (
        <Notice tone="success" title="Delegación registrada">
          <p data-testid="delegation-created">
            La persona podrá revisar los expedientes de su Dirección Departamental durante esas fechas. Si tenía una sesión abierta, debe salir e
            ingresar de nuevo para ver la bandeja de revisión.
          </p>
        </Notice>
      ) : null}
      <FormAlert message={failure?.formError} items={errorSummaryItems(state, FIELD_ORDER)} id="delegacion-error" />
      <div className="grid gap-5 md:grid-cols-2" key={JSON.stringify(values)}>
        <SelectField
          name="delegateId"
          label="Persona delegada"
          hint="Personal activo de su Dirección Departamental que no tiene ya el rol de revisión."
          placeholder="Elija a una persona"
          options={staff.map((p) => ({ value: p.id, label: p.post ? `${p.name} — ${p.post}` : p.name }))}
          defaultValue={values.delegateId ?? ""}
          errors={errors.delegateId}
          className="md:col-span-2"
        />
        <fieldset className="space-y-2 md:col-span-2" aria-describedby={["role-hint", roleErrorId].filter(Boolean).join(" ")}>
          <legend className="font-semibold text-slate-900">Actividad que delega</legend>
          <p id="role-hint" className="text-sm text-slate-700">
            Solo la revisión técnica. La firma no se delega: es la firma electrónica avanzada de quien está registrado como firmante ante
            DISERSA; un cambio de firmante se notifica en el registro de firmantes.
          </p>
          <FieldErrors id="role" errors={errors.role} />
          {DELEGABLE_ROLES.map((role, i) => (
            <div key={role} className="flex items-center gap-3">
              <input
                type="radio"
                id={i === 0 ? "role" : `role-${role}`}
                name="role"
                value={role}
                defaultChecked={(values.role ?? DELEGABLE_ROLES[0]) === role}
                aria-invalid={roleErrorId ? true : undefined}
                className="h-5 w-5"
              />
              <label htmlFor={i === 0 ? "role" : `role-${role}`}>{DELEGATED_ROLE_LABELS[role]}</label>
            </div>
          ))}
        </fieldset>
        <TextField
          name="validFrom"
          type="date"
          label="Desde"
          hint="Hoy o un día posterior."
          min={today}
          max={lastDay}
          defaultValue={values.validFrom ?? today}
          errors={errors.validFrom}
        />
        <TextField
          name="validTo"
          type="date"
          label="Hasta (inclusive)"
          hint="Los dos días cuentan completos, en hora de Guatemala."
          min={today}
          max={lastDay}
          defaultValue={values.validTo ?? ""}
          errors={errors.validTo}
        />
        <TextareaField
          name="note"
          label="Motivo"
          hint="La situación excepcional por la que el Departamento Técnico Pedagógico no puede hacer la revisión (por ejemplo, vacaciones o carga de trabajo)."
          maxLength={500}
          rows={3}
          required
          defaultValue={values.note ?? ""}
          errors={errors.note}
          className="md:col-span-2"
        />
      </div>
      <SubmitButton pendingLabel="Registrando…">Delegar la revisión</SubmitButton>
    </form>
  );
}
