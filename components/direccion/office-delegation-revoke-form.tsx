"use client";

import { revokeOfficeDelegationAction } from "@/app/direccion/actions/revoke-delegation";
import { TextareaField } from "@/components/staff/textarea-field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-form-action";

// Revoking takes two steps: opening "Revocar…" shows what ends and asks for confirmation (with an
// optional reason, kept in the audit trail). Without JavaScript the <details> still opens.
export function OfficeDelegationRevokeForm({ delegationId, delegateName }: { delegationId: string; delegateName: string }) {
  const { formAction, failure, errors, values } = useActionForm(revokeOfficeDelegationAction);
  const reasonId = `reason-${delegationId}`;
  return (
    <details className="rounded-md border border-slate-300 bg-slate-50 p-3" open={failure ? true : undefined}>
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-red-800">Revocar…</summary>
      <form action={formAction} noValidate className="mt-3 space-y-3" aria-label={`Revocar la delegación de ${delegateName}`}>
        <FormAlert message={failure?.formError} id={`revocar-error-${delegationId}`} items={(errors.reason ?? []).map((text) => ({ field: reasonId, text }))} />
        <p>
          {delegateName} dejará de poder revisar expedientes de su Dirección Departamental en cuanto confirme. La delegación queda en el historial como
          revocada.
        </p>
        <input type="hidden" name="delegationId" value={delegationId} />
        <TextareaField
          name="reason"
          id={reasonId}
          label="Motivo de la revocación (opcional)"
          maxLength={500}
          rows={2}
          defaultValue={values.reason ?? ""}
          errors={errors.reason}
        />
        <SubmitButton variant="danger" pendingLabel="Revocando…">
          Confirmar la revocación
        </SubmitButton>
      </form>
    </details>
  );
}
