"use client";

import { SelectField } from "@/components/admin/select-field";
import { errorSummaryItems, failureOf, fieldErrorsOf } from "@/components/ui/action-state";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateDigestPreferencesAction } from "@/lib/notifications/actions";

const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${h}:00` }));
const FIELD_ORDER = ["digestEnabled", "digestHour"] as const;

export function DigestPreferencesForm({ digestEnabled, digestHour }: { digestEnabled: boolean; digestHour: number }) {
  const [state, formAction] = useFormAction(updateDigestPreferencesAction);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  const saved = state?.ok ? state.data : null;
  // After a refusal the form shows what was chosen, not what is stored.
  const enabled = failure?.values ? failure.values.digestEnabled === "on" : (saved?.digestEnabled ?? digestEnabled);
  const hour = failure?.values?.digestHour ?? String(saved?.digestHour ?? digestHour);
  return (
    <form action={formAction} noValidate className="space-y-5" aria-label="Resumen diario por correo">
      <FormAlert message={failure?.formError} title="No se guardó" items={errorSummaryItems(state, FIELD_ORDER)} />
      {saved ? (
        <Notice tone="success" title="Guardado">
          {saved.digestEnabled ? `Recibirá el resumen a partir de las ${saved.digestHour}:00 (hora de Guatemala), solo los días con novedades.` : "Ya no recibirá el resumen diario."}
        </Notice>
      ) : null}
      <CheckboxField
        key={`enabled-${String(enabled)}`}
        name="digestEnabled"
        label="Recibir el resumen diario"
        hint="Una vez al día, solo si hay solicitudes nuevas o devueltas en sus bandejas, o cerca de su plazo."
        defaultChecked={enabled}
        errors={errors.digestEnabled}
      />
      <SelectField key={`hour-${hour}`} name="digestHour" label="A partir de qué hora (hora de Guatemala)" options={HOURS} defaultValue={hour} errors={errors.digestHour} />
      <SubmitButton pendingLabel="Guardando…">Guardar</SubmitButton>
    </form>
  );
}
