"use client";

import { acceptSignerChangeAction } from "@/app/atencion/actions/accept-signer-change";
import { rejectSignerChangeAction } from "@/app/atencion/actions/reject-signer-change";
import { TextareaField } from "@/components/staff/textarea-field";
import { failureOf, fieldErrorsOf, valuesOf } from "@/components/ui/action-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

// Nota 3: Atención al Ciudadano's answer to one notice: accept (the registry changes) or reject
// with a reason the Director reads. Both actions redirect to the page, which says what was done.
export function SignerChangeReviewForms({ requestId, label }: { requestId: string; label: string }) {
  const [accepted, acceptAction] = useFormAction(acceptSignerChangeAction);
  const [rejected, rejectAction] = useFormAction(rejectSignerChangeAction);
  const acceptFailure = failureOf(accepted);
  const rejectErrors = fieldErrorsOf(rejected);
  const rejectFailure = failureOf(rejected);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form action={acceptAction} aria-label={`Aceptar: ${label}`} className="space-y-2">
        <input type="hidden" name="requestId" value={requestId} />
        {acceptFailure ? <p role="alert" className="text-sm font-semibold text-red-800">{acceptFailure.formError}</p> : null}
        <SubmitButton pendingLabel="Aceptando…">Aceptar y actualizar el registro</SubmitButton>
      </form>
      <form action={rejectAction} noValidate aria-label={`Rechazar: ${label}`} className="space-y-2">
        <input type="hidden" name="requestId" value={requestId} />
        <TextareaField name="reason" id={`reason-${requestId}`} label="Motivo del rechazo" rows={2} maxLength={500} defaultValue={valuesOf(rejected).reason ?? ""} errors={rejectErrors.reason} />
        {rejectFailure && !rejectErrors.reason ? <p role="alert" className="text-sm font-semibold text-red-800">{rejectFailure.formError}</p> : null}
        <SubmitButton variant="danger" pendingLabel="Rechazando…">Rechazar</SubmitButton>
      </form>
    </div>
  );
}
