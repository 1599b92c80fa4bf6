"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { FieldErrors } from "@/components/ui/field-errors";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TActionResult, TActionState } from "@/lib/action";

type TProps = {
  translatorId: string;
  translatorName: string;
  active: boolean;
  // The server action (app/admin/traductores/actions/set-translator-active.ts).
  action: (previous: TActionState<{ active: boolean }>, input: FormData) => Promise<TActionResult<{ active: boolean }>>;
};

// One row's deactivate / reactivate form: the reason is required and goes to the audit trail.
export function TranslatorStatusForm({ translatorId, translatorName, active, action }: TProps) {
  const [state, formAction] = useFormAction(action);
  const failure = state && !state.ok ? state : null;
  const reasonErrors = failure?.fieldErrors?.reason ?? [];
  const id = `reason-${translatorId}`;
  const errorId = `${id}-error`;
  const verb = active ? "Desactivar" : "Reactivar";
  return (
    <form action={formAction} className="space-y-2" aria-label={`${verb} a ${translatorName}`}>
      <input type="hidden" name="translatorId" value={translatorId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <label htmlFor={id} className="block text-sm font-semibold">
        Motivo para {verb.toLowerCase()}
      </label>
      <FieldErrors id={id} errors={reasonErrors} />
      <textarea
        id={id}
        name="reason"
        rows={2}
        required
        minLength={5}
        maxLength={500}
        defaultValue={failure?.values?.reason ?? ""}
        aria-invalid={reasonErrors.length > 0 ? true : undefined}
        aria-describedby={reasonErrors.length > 0 ? errorId : undefined}
        className="block w-full rounded-md border-2 border-slate-600 bg-white px-2 py-1 text-sm"
      />
      {failure && reasonErrors.length === 0 ? (
        <p role="alert" className="text-sm font-semibold text-red-800">
          {failure.formError}
        </p>
      ) : null}
      <SubmitButton variant={active ? "danger" : "secondary"} pendingLabel="Guardando…">
        {verb}
      </SubmitButton>
    </form>
  );
}
