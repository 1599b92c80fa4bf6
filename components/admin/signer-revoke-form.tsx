"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { revokeAuthorizedSignerAction } from "@/app/admin/actions/revoke-authorized-signer";
import { failureOf } from "@/components/ui/action-state";
import { FieldErrors } from "@/components/ui/field-errors";
import { SubmitButton } from "@/components/ui/submit-button";

// The label names the certificate too: one person often has several (renewed, replaced) in the list.
export function SignerRevokeForm({ signerId, signerName, fingerprint }: { signerId: string; signerName: string; fingerprint: string }) {
  const [state, formAction] = useFormAction(revokeAuthorizedSignerAction);
  const failure = failureOf(state);
  const reasonErrors = failure?.fieldErrors?.reason ?? [];
  const id = `reason-${signerId}`;
  return (
    <form action={formAction} className="space-y-2" aria-label={`Revocar el certificado ${fingerprint.slice(0, 8).toUpperCase()}… de ${signerName}`}>
      <input type="hidden" name="signerId" value={signerId} />
      <label htmlFor={id} className="block text-sm font-semibold">Motivo de la revocación</label>
      <FieldErrors id={id} errors={reasonErrors} />
      <textarea
        id={id}
        name="reason"
        rows={2}
        maxLength={500}
        defaultValue={failure?.values?.reason ?? ""}
        aria-invalid={reasonErrors.length > 0 ? true : undefined}
        aria-describedby={reasonErrors.length > 0 ? `${id}-error` : undefined}
        className="block w-full rounded-md border-2 border-slate-600 bg-white px-2 py-1 text-sm"
      />
      {failure && reasonErrors.length === 0 ? (
        <p role="alert" className="text-sm font-semibold text-red-800">{failure.formError}</p>
      ) : null}
      <SubmitButton variant="danger" pendingLabel="Revocando…">Revocar</SubmitButton>
    </form>
  );
}
