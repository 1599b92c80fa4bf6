"use client";

import { revokeShareLinkAction } from "@/app/ciudadano/actions/revoke-share-link";
import { failureOf } from "@/components/ui/action-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

// "Revocar": the link stops working at once; the list shows it as revocado.
export function RevokeShareLinkForm({ shareLinkId, label }: { shareLinkId: string; label: string }) {
  const [state, formAction] = useFormAction(revokeShareLinkAction);
  const failure = failureOf(state);
  return (
    <form action={formAction} aria-label={`Revocar el enlace para ${label}`}>
      <input type="hidden" name="shareLinkId" value={shareLinkId} />
      <SubmitButton variant="danger" pendingLabel="Revocando…">
        Revocar
      </SubmitButton>
      {failure ? (
        <p role="alert" className="mt-2 text-sm font-semibold text-red-800">
          {failure.formError}
        </p>
      ) : null}
    </form>
  );
}
