"use client";

import { useActionForm } from "@/components/ui/use-form-action";
import { errorSummaryItems } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { AccountEmailField } from "@/components/account/account-email-field";
import { signInAction } from "@/lib/auth/actions";

export function SignInForm({ callbackUrl, initialError, initialEmail }: { callbackUrl?: string; initialError?: string | null; initialEmail?: string }) {
  const { state, formAction, failure, errors, values } = useActionForm(signInAction);
  return (
    <form action={formAction} noValidate className="space-y-5" aria-describedby={failure || initialError ? "form-error" : undefined}>
      <FormAlert
        message={failure?.formError ?? initialError}
        title="No pudo ingresar"
        items={errorSummaryItems(state, ["email", "password"])}
      />
      <AccountEmailField autoComplete="username" defaultValue={values.email ?? initialEmail ?? ""} errors={errors.email} />
      <TextField name="password" type="password" label="Contraseña" autoComplete="current-password" errors={errors.password} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <SubmitButton pendingLabel="Ingresando…" className="w-full sm:w-auto">
        Ingresar
      </SubmitButton>
    </form>
  );
}
