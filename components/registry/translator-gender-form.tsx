"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TActionResult, TActionState } from "@/lib/action";
import type { TGrammaticalGender } from "@/lib/wording/choose-gendered-form";

type TResult = { gender: TGrammaticalGender | null };

type TProps = {
  translatorId: string;
  translatorName: string;
  gender: TGrammaticalGender | null;
  // The server action (app/admin/traductores/actions/set-translator-gender.ts).
  action: (previous: TActionState<TResult>, input: FormData) => Promise<TActionResult<TResult>>;
};

export const TRANSLATOR_GENDER_CHOICES = [
  { value: "FEMININE", label: "Traductora jurada" },
  { value: "MASCULINE", label: "Traductor jurado" },
  { value: "UNKNOWN", label: "Sin indicar: traductor(a) jurado(a)" },
] as const;

// One row's "Forma de trato": how the sheets of this translator's translations name them by role.
export function TranslatorGenderForm({ translatorId, translatorName, gender, action }: TProps) {
  const [state, formAction] = useFormAction(action);
  const failure = state && !state.ok ? state : null;
  const id = `gender-${translatorId}`;
  return (
    <form action={formAction} className="space-y-2" aria-label={`Forma de trato de ${translatorName}`}>
      <input type="hidden" name="translatorId" value={translatorId} />
      <label htmlFor={id} className="block text-sm font-semibold">
        Forma de trato
      </label>
      <select
        id={id}
        name="gender"
        defaultValue={failure?.values?.gender ?? gender ?? "UNKNOWN"}
        className="block w-full rounded-md border-2 border-slate-600 bg-white px-2 py-1 text-sm"
      >
        {TRANSLATOR_GENDER_CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {failure ? (
        <p role="alert" className="text-sm font-semibold text-red-800">
          {failure.fieldErrors?.gender?.join(" ") ?? failure.formError}
        </p>
      ) : state?.ok ? (
        <p role="status" className="text-sm text-green-800">
          Guardado.
        </p>
      ) : null}
      <SubmitButton variant="secondary" pendingLabel="Guardando…">
        Guardar forma de trato
      </SubmitButton>
    </form>
  );
}
