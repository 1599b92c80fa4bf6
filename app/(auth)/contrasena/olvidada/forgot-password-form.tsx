"use client";

import { useEffect, useRef } from "react";
import { errorSummaryItems, failureOf, fieldErrorsOf, valuesOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestPasswordResetAction } from "@/lib/auth/actions";

export function ForgotPasswordForm() {
  const [state, formAction] = useFormAction(requestPasswordResetAction);
  const failure = failureOf(state);
  const errors = fieldErrorsOf(state);
  const values = valuesOf(state);
  if (state?.ok) return <MailSent email={state.data.email} />;
  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormAlert message={failure?.formError} title="No se pudo enviar" items={errorSummaryItems(state, ["email"])} />
      <TextField
        name="email"
        type="email"
        label="Correo electrónico"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        defaultValue={values.email ?? ""}
        errors={errors.email}
      />
      <SubmitButton pendingLabel="Enviando…" className="w-full sm:w-auto">
        Enviarme el enlace
      </SubmitButton>
    </form>
  );
}

// The same page whether or not the address has an account (lib/auth/request-password-reset).
function MailSent({ email }: { email: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="enlace-enviado" className="space-y-4" data-testid="password-reset-mail-sent">
      <h2 id="enlace-enviado" ref={heading} tabIndex={-1} className="text-xl font-semibold">
        Revise su correo
      </h2>
      <p>
        Si <strong>{email}</strong> es el correo de una cuenta de Certifica, le enviamos un enlace para elegir una nueva contraseña.
        El enlace vale 1 hora y sirve una sola vez.
      </p>
      <p className="text-slate-700">
        Si no lo ve en unos minutos, revise la carpeta de correo no deseado y que escribió bien su correo. Si el problema continúa,
        comuníquese con Atención al Ciudadano.
      </p>
    </section>
  );
}
