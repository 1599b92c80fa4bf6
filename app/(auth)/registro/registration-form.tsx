"use client";

import { MailSentPanel } from "@/components/account/mail-sent-panel";
import { useActionForm } from "@/components/ui/use-form-action";
import { errorSummaryItems } from "@/components/ui/action-state";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { AccountEmailField } from "@/components/account/account-email-field";
import { registerAction } from "@/lib/auth/actions";
import { PASSWORD_RULES_TEXT } from "@/lib/auth/check-password-policy";

const FIELD_ORDER = ["name", "cui", "email", "phone", "password", "passwordConfirmation", "isTranslator"] as const;

export function RegistrationForm() {
  const { state, formAction, failure, errors, values } = useActionForm(registerAction);
  if (state?.ok) return <MailSent email={state.data.email} />;
  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormAlert message={failure?.formError} title="Revise su información" items={errorSummaryItems(state, FIELD_ORDER)} />
      <fieldset className="space-y-5">
        <legend className="mb-2 text-xl font-semibold">Sus datos</legend>
        <TextField
          name="name"
          label="Nombre completo"
          hint="Sus nombres y apellidos, tal como aparecen en su DPI."
          autoComplete="name"
          defaultValue={values.name ?? ""}
          errors={errors.name}
        />
        <TextField
          name="cui"
          label="CUI (número de DPI)"
          hint="Los 13 dígitos de su DPI; puede escribirlos con o sin espacios, por ejemplo 2345 67899 0101."
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          defaultValue={values.cui ?? ""}
          errors={errors.cui}
        />
        <AccountEmailField hint="Aquí recibirá los avisos de sus trámites y con él ingresará." defaultValue={values.email ?? ""} errors={errors.email} />
        <TextField
          name="phone"
          type="tel"
          label="Teléfono"
          hint="8 dígitos, por ejemplo 5512-3478."
          autoComplete="tel-national"
          optional
          defaultValue={values.phone ?? ""}
          errors={errors.phone}
        />
      </fieldset>
      <fieldset className="space-y-5">
        <legend className="mb-2 text-xl font-semibold">Contraseña</legend>
        <TextField name="password" type="password" label="Contraseña" hint={PASSWORD_RULES_TEXT} autoComplete="new-password" errors={errors.password} />
        <TextField name="passwordConfirmation" type="password" label="Repita la contraseña" autoComplete="new-password" errors={errors.passwordConfirmation} />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-xl font-semibold">Tipo de cuenta</legend>
        <CheckboxField
          name="isTranslator"
          label="Soy traductor jurado"
          hint="Márquelo si va a registrarse como traductor jurado ante el Ministerio o a pedir la certificación de sus traducciones."
          defaultChecked={values.isTranslator === "on"}
          errors={errors.isTranslator}
        />
      </fieldset>
      <SubmitButton pendingLabel="Enviando…" className="w-full sm:w-auto">
        Crear cuenta
      </SubmitButton>
    </form>
  );
}

// What everyone sees after a valid form, whether or not the e-mail or the CUI already had an
// account: only the inbox tells (lib/auth/register-citizen).
function MailSent({ email }: { email: string }) {
  return (
    <MailSentPanel id="correo-enviado" testId="registration-mail-sent">
      Le enviamos un correo a <strong>{email}</strong> con los pasos para terminar. Para crear su cuenta, abra el enlace del correo
      dentro de las próximas 24 horas.
    </MailSentPanel>
  );
}
