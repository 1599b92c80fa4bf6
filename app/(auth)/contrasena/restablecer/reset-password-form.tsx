"use client";

import Link from "next/link";
import { errorSummaryItems, failureOf, fieldErrorsOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { resetPasswordAction } from "@/lib/auth/actions";
import { PASSWORD_RULES_TEXT } from "@/lib/auth/check-password-policy";
import { FORGOT_PASSWORD_PATH } from "@/lib/auth/password-reset-paths";

const FIELD_ORDER = ["newPassword", "newPasswordConfirmation"] as const;

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useFormAction(resetPasswordAction);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  // A spent or expired link cannot be fixed by typing again: offer a new one.
  const code = state && !state.ok ? state.code : undefined;
  const linkProblem = code === "RESET_INVALID" || code === "RESET_EXPIRED";
  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormAlert message={failure?.formError} title="No se cambió la contraseña" items={errorSummaryItems(state, FIELD_ORDER)} />
      <input type="hidden" name="token" value={token} />
      {linkProblem ? (
        <p>
          <Link href={FORGOT_PASSWORD_PATH}>Pedir otro enlace</Link>
        </p>
      ) : (
        <>
          <TextField name="newPassword" type="password" label="Nueva contraseña" hint={PASSWORD_RULES_TEXT} autoComplete="new-password" errors={errors.newPassword} />
          <TextField name="newPasswordConfirmation" type="password" label="Repita la nueva contraseña" autoComplete="new-password" errors={errors.newPasswordConfirmation} />
          <SubmitButton pendingLabel="Guardando…" className="w-full sm:w-auto">
            Guardar la nueva contraseña
          </SubmitButton>
        </>
      )}
    </form>
  );
}
