"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { CaseRefFields } from "./case-ref-fields";
import { failureCodeOf } from "./form-action";
import { OfficeFieldset, type TOfficeFormProps, type TSupervisionOfficeOption } from "./office-fieldset";
import { OutdatedNotice } from "./outdated-notice";
import { TextareaField } from "./textarea-field";
import { useStaffForm } from "./use-staff-form";

export type { TSupervisionOfficeOption };

// "Rechazar e indicar dónde acudir": the reason, and the office the citizen must go to.
export function GuidanceForm({
  formAction,
  caseId,
  version,
  action,
  label,
  offices,
  pageHref,
}: TOfficeFormProps) {
  const { state, dispatch, onSubmit, failure, errors, values } = useStaffForm(formAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={label}>
      <FormAlert id="guidance-form-error" message={failure?.formError} />
      <OutdatedNotice code={failureCodeOf(state)} href={pageHref} />
      <CaseRefFields caseId={caseId} version={version} action={action} />
      <TextareaField
        name="reason"
        id={`${action}-reason`}
        label="Motivo del rechazo"
        hint="Por qué no fue posible verificar los documentos. La persona lo leerá en su solicitud y en el correo."
        required
        maxLength={2000}
        defaultValue={values.reason ?? ""}
        errors={errors.reason}
      />
      <OfficeFieldset
        legend="Oficina a la que debe acudir"
        selectId="supervision-office"
        selectHint="Al elegir una, sus datos se copian abajo; puede corregirlos."
        fieldPrefix="supervision"
        offices={offices}
        values={values}
        errors={errors}
      />
      <SubmitButton variant="danger" pendingLabel="Rechazando…">
        {label}
      </SubmitButton>
    </form>
  );
}
