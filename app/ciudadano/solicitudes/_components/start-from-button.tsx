"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { startCaseFromAction } from "@/app/ciudadano/actions/start-case-from";

// After a rejection with guidance: a new draft with everything this one had, to attach the
// certification the indicated office gives.
export function StartFromButton({ caseId, label = "Iniciar una nueva solicitud a partir de esta" }: { caseId: string; label?: string }) {
  const [state, formAction] = useFormAction(startCaseFromAction);
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert message={state && !state.ok ? state.formError : null} title="No se pudo iniciar la nueva solicitud" />
      <input type="hidden" name="caseId" value={caseId} />
      <SubmitButton pendingLabel="Creando la nueva solicitud…">{label}</SubmitButton>
    </form>
  );
}
