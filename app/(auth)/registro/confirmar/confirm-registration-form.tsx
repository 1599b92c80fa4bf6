"use client";

import Link from "next/link";
import { useFormAction } from "@/components/ui/use-form-action";
import { failureOf } from "@/components/ui/action-state";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmRegistrationAction } from "@/lib/auth/actions";

export function ConfirmRegistrationForm({ token }: { token: string }) {
  const [state, formAction] = useFormAction(confirmRegistrationAction);
  const failure = failureOf(state);
  return (
    <form action={formAction} className="space-y-4">
      <FormAlert message={failure?.formError} title="No se creó la cuenta" />
      <input type="hidden" name="token" value={token} />
      {failure ? (
        <p className="flex flex-wrap gap-4">
          <Link href="/ingresar">Ingresar</Link>
          <Link href="/registro">Registrarme de nuevo</Link>
        </p>
      ) : (
        <SubmitButton pendingLabel="Creando su cuenta…" className="w-full sm:w-auto">
          Confirmar y crear mi cuenta
        </SubmitButton>
      )}
    </form>
  );
}
