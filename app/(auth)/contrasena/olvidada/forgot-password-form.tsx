"use client";

import { MailSentPanel } from "@/components/account/mail-sent-panel";
import { errorSummaryItems } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { AccountEmailField } from "@/components/account/account-email-field";
import { useActionForm } from "@/components/ui/use-form-action";
import { requestPasswordResetAction } from "@/lib/auth/actions";

export function ForgotPasswordForm() {
  const { state, formAction, failure, errors, values } = useActionForm(requestPasswordResetAction);
  if (state?.ok) return <MailSent email={state.data.email} />;
  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormAlert message={failure?.formError} title="No se pudo enviar" items={errorSummaryItems(state, ["email"])} />
      <AccountEmailField defaultValue={values.email ?? ""} errors={errors.email} />
      <SubmitButton pendingLabel="Enviando…" className="w-full sm:w-auto">
        Enviarme el enlace
      </SubmitButton>
    </form>
  );
}

// The same page whether or not the address has an account (lib/auth/request-password-reset).
function MailSent({ email }: { email: string }) {
  return (
    <MailSentPanel id="enlace-enviado" testId="password-reset-mail-sent">
      Si <strong>{email}</strong> es el correo de una cuenta de Certifica, le enviamos un enlace para elegir una nueva contraseña.
      El enlace vale 1 hora y sirve una sola vez.
    </MailSentPanel>
  );
}
