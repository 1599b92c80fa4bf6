"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { revokeDelegationAction } from "@/app/admin/actions/revoke-delegation";
import { failureOf } from "@/components/ui/action-state";
import { SubmitButton } from "@/components/ui/submit-button";

export function DelegationRevokeForm({ delegationId, delegateName }: { delegationId: string; delegateName: string }) {
  const [state, formAction] = useFormAction(revokeDelegationAction);
  const failure = failureOf(state);
  return (
    <form action={formAction} aria-label={`Revocar la delegación de ${delegateName}`}>
      <input type="hidden" name="delegationId" value={delegationId} />
      {failure ? <p role="alert" className="font-semibold text-red-800">{failure.formError}</p> : null}
      <SubmitButton variant="danger" pendingLabel="Revocando…">Revocar</SubmitButton>
    </form>
  );
}
