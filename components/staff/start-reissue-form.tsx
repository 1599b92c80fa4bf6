"use client";

import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { failureCodeOf, type TStaffFormAction } from "./form-action";
import { OutdatedNotice } from "./outdated-notice";
import { TextareaField } from "./textarea-field";
import { useStaffForm } from "./use-staff-form";

// "Iniciar reposición corregida": what the holder must correct (they read it on the new request and
// in the mail), and one button. A refusal keeps what was typed.
export function StartReissueForm({ formAction, caseId, pageHref }: { formAction: TStaffFormAction; caseId: string; pageHref: string }) {
  const { state, dispatch, onSubmit, failure, errors, values } = useStaffForm(formAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Iniciar reposición corregida">
      <FormAlert id="start-reissue-error" message={failure?.formError} />
      <OutdatedNotice code={failureCodeOf(state)} href={pageHref} />
      <input type="hidden" name="caseId" value={caseId} />
      <TextareaField
        name="note"
        id="reissue-note"
        label="Qué hay que corregir"
        hint="El titular lo leerá en la solicitud nueva y en el correo que le enviamos. Sea concreto: qué dato, y cómo debe quedar."
        required
        maxLength={2000}
        defaultValue={values.note ?? ""}
        errors={errors.note}
      />
      <SubmitButton variant="secondary" pendingLabel="Iniciando…">
        Iniciar reposición corregida
      </SubmitButton>
    </form>
  );
}
