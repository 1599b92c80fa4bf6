"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { errorSummaryItems, failureOf, fieldErrorsOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { changePasswordAction } from "@/lib/auth/actions";
import { PASSWORD_RULES_TEXT } from "@/lib/auth/check-password-policy";

const FIELD_ORDER = ["currentPassword", "newPassword", "newPasswordConfirmation"] as const;

export function ChangePasswordForm() {
  const [state, formAction] = useFormAction(changePasswordAction);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  return (
    // On success the action redirects to /cuenta?contrasena=cambiada, which says so.
    <form action={formAction} noValidate className="space-y-5" aria-label="Cambiar la contraseña">
      <FormAlert message={failure?.formError} title="No se cambió la contraseña" items={errorSummaryItems(state, FIELD_ORDER)} />
      <TextField name="currentPassword" type="password" label="Contraseña actual" autoComplete="current-password" errors={errors.currentPassword} />
      <TextField name="newPassword" type="password" label="Nueva contraseña" hint={PASSWORD_RULES_TEXT} autoComplete="new-password" errors={errors.newPassword} />
      <TextField name="newPasswordConfirmation" type="password" label="Repita la nueva contraseña" autoComplete="new-password" errors={errors.newPasswordConfirmation} />
      <SubmitButton pendingLabel="Cambiando…">Cambiar la contraseña</SubmitButton>
    </form>
  );
}
