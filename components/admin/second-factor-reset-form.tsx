"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { resetSecondFactorAction } from "@/app/admin/actions/reset-second-factor";
import { failureOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

export function SecondFactorResetForm({ userId }: { userId: string }) {
  const [state, formAction] = useFormAction(resetSecondFactorAction);
  const failure = failureOf(state);
  return (
    <form action={formAction} className="space-y-3" aria-label="Restablecer la verificación en dos pasos">
      {state?.ok ? (
        <Notice tone="success" title="Verificación restablecida">
          Sus sesiones se cerraron; la próxima vez que ingrese configurará de nuevo su aplicación de autenticación.
        </Notice>
      ) : null}
      <FormAlert message={failure?.formError} id="reset-error" />
      <input type="hidden" name="userId" value={userId} />
      {/* Not "reason": the account-status form on the same page has a field with that id. */}
      <TextField
        name="resetReason"
        label="Motivo del restablecimiento"
        optional
        maxLength={500}
        defaultValue={failure?.values?.resetReason ?? ""}
        errors={failure?.fieldErrors?.resetReason}
      />
      <SubmitButton variant="danger" pendingLabel="Restableciendo…">
        Restablecer la verificación en dos pasos
      </SubmitButton>
    </form>
  );
}
