"use client";

import { useEffect, useRef } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { buttonClasses } from "@/components/ui/button";
import { failureOf, fieldErrorsOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { redeemRecoveryCodeAction, verifySecondFactorAction } from "@/lib/auth/totp/actions";

type TProps = {
  stage: "enrol" | "verify";
  enrolment: { qrDataUrl: string; secret: string } | null;
  callbackUrl?: string;
};

// The secret in groups of four, easier to copy by hand.
function grouped(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export function SecondFactorForm({ stage, enrolment, callbackUrl }: TProps) {
  const [state, formAction] = useFormAction(verifySecondFactorAction);
  const [recoveryState, recoveryAction] = useFormAction(redeemRecoveryCodeAction);
  const failure = failureOf(state);
  const recoveryFailure = failureOf(recoveryState);
  const codesHeading = useRef<HTMLHeadingElement>(null);
  const recoveryCodes = state?.ok ? state.data.recoveryCodes : null;
  const next = state?.ok ? state.data.next : null;
  useEffect(() => {
    if (recoveryCodes) codesHeading.current?.focus();
  }, [recoveryCodes]);

  if (recoveryCodes && next) {
    return (
      <div className="space-y-4">
        <h2 ref={codesHeading} tabIndex={-1} className="text-xl font-semibold outline-none">
          Guarde sus códigos de recuperación
        </h2>
        <Notice tone="warning" title="Se muestran solo esta vez">
          Si pierde su teléfono, cada uno de estos códigos le deja ingresar una vez en lugar del código de la aplicación.
          Imprímalos o guárdelos en un lugar seguro, lejos de su teléfono.
        </Notice>
        <ol className="grid grid-cols-2 gap-2 font-mono text-lg sm:grid-cols-3" data-testid="recovery-codes">
          {recoveryCodes.map((c) => (
            <li key={c} className="rounded border border-slate-300 bg-slate-50 px-2 py-1 text-center">
              {c}
            </li>
          ))}
        </ol>
        <a href={next} className={buttonClasses("primary")}>
          Ya guardé mis códigos, continuar
        </a>
      </div>
    );
  }

  return (
    <div className="space-y-8">
      {stage === "enrol" && enrolment ? (
        <ol className="list-decimal space-y-4 pl-6">
          <li>
            Instale en su teléfono una aplicación de autenticación (por ejemplo Google Authenticator, Microsoft Authenticator,
            FreeOTP o Aegis).
          </li>
          <li className="space-y-3">
            <p>En la aplicación, agregue una cuenta escaneando este código QR:</p>
            {/* A data: URL made on the server (no script, and the CSP's img-src allows data:): next/image
                would only copy it. */}
            <img src={enrolment.qrDataUrl} width={240} height={240} alt="Código QR para agregar Certifica a su aplicación de autenticación" className="border border-slate-300" />
            <p>
              ¿No puede escanearlo? Agregue la cuenta a mano con esta clave (tipo «basada en el tiempo»):{" "}
              <code className="break-all rounded bg-slate-100 px-1 font-mono" data-testid="totp-secret">
                {grouped(enrolment.secret)}
              </code>
            </p>
          </li>
          <li>Escriba abajo el código de 6 dígitos que la aplicación muestra para Certifica.</li>
        </ol>
      ) : null}
      <form action={formAction} noValidate className="space-y-5" aria-label="Código de verificación" aria-describedby={failure ? "form-error" : undefined}>
        <FormAlert message={failure?.formError} title="No pudo ingresar" />
        <TextField
          name="code"
          label="Código de verificación"
          hint="6 dígitos; cambia cada 30 segundos."
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          spellCheck={false}
          errors={fieldErrorsOf(state).code}
        />
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <SubmitButton pendingLabel="Verificando…">{stage === "enrol" ? "Confirmar y continuar" : "Verificar"}</SubmitButton>
      </form>
      {stage === "verify" ? (
        <details className="rounded-md border border-slate-300 p-4" open={recoveryFailure ? true : undefined}>
          <summary className="cursor-pointer font-semibold">¿No tiene su teléfono? Use un código de recuperación</summary>
          <form action={recoveryAction} noValidate className="mt-4 space-y-5" aria-label="Código de recuperación">
            <FormAlert message={recoveryFailure?.formError} id="recovery-error" title="No pudo ingresar" />
            <TextField
              name="recoveryCode"
              label="Código de recuperación"
              hint="Uno de los códigos que guardó al configurar la verificación, por ejemplo ABCD-EF23-4567. Cada uno sirve una sola vez."
              autoComplete="off"
              spellCheck={false}
              errors={fieldErrorsOf(recoveryState).recoveryCode}
            />
            {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
            <SubmitButton variant="secondary" pendingLabel="Verificando…">
              Ingresar con el código de recuperación
            </SubmitButton>
          </form>
        </details>
      ) : null}
      <p className="text-slate-700">
        ¿Perdió su teléfono y sus códigos de recuperación? Pida a la administración del sistema que restablezca su verificación en dos pasos.
      </p>
    </div>
  );
}
