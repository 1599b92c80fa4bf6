"use client";

import { notifySignerEndAction } from "@/app/direccion/actions/notify-signer-end";
import { TextareaField } from "@/components/staff/textarea-field";
import { failureOf, fieldErrorsOf, valuesOf } from "@/components/ui/action-state";
import { FieldErrors } from "@/components/ui/field-errors";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

// Nota 3, "en caso de cambio de personal": the end of one signer, from a date. The action redirects
// to the page, which says what was done.
export function SignerEndForm({ signerId, signerName, today }: { signerId: string; signerName: string; today: string }) {
  const [state, formAction] = useFormAction(notifySignerEndAction);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  const values = valuesOf(state);
  return (
    <form action={formAction} noValidate className="space-y-2" aria-label={`Notificar que ${signerName} deja de firmar`}>
      <input type="hidden" name="signerId" value={signerId} />
      <div className="space-y-1">
        <label htmlFor={`endDate-${signerId}`} className="block text-sm font-semibold">Deja de firmar desde</label>
        <FieldErrors id={`endDate-${signerId}`} errors={errors.endDate} />
        <input
          id={`endDate-${signerId}`}
          name="endDate"
          type="date"
          min={today}
          defaultValue={values.endDate ?? today}
          aria-invalid={errors.endDate?.length ? true : undefined}
          aria-describedby={errors.endDate?.length ? `endDate-${signerId}-error` : undefined}
          className="block w-full rounded-md border-2 border-slate-600 bg-white px-2 py-1 text-sm"
        />
      </div>
      <TextareaField name="reason" id={`reason-${signerId}`} label="Motivo" rows={2} maxLength={500} defaultValue={values.reason ?? ""} errors={errors.reason} />
      {failure && !errors.endDate && !errors.reason ? (
        <p role="alert" className="text-sm font-semibold text-red-800">{failure.fieldErrors?.signerId?.join(" ") ?? failure.formError}</p>
      ) : null}
      <SubmitButton variant="danger" pendingLabel="Enviando…">Notificar el fin</SubmitButton>
    </form>
  );
}
