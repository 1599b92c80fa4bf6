"use client";

import { unstable_rethrow } from "next/navigation";
import { useActionState } from "react";
import type { TActionResult, TActionState } from "@/lib/action";
import { failureOf, fieldErrorsOf, valuesOf } from "./action-state";
import { echoValues, formDataToObject } from "@/lib/form-values";
import { ACTION_BODY_LIMIT_BYTES, ACTION_BODY_TOO_LARGE_MESSAGE, estimateFormDataBytes } from "@/lib/validation/action-body-limit";

export const ACTION_UNREACHABLE_MESSAGE =
  "No se pudo enviar el formulario: el servidor no respondió o no pudo recibirlo. Lo que escribió sigue aquí; inténtelo de nuevo en unos minutos.";

type TFormAction<TData> = (previous: TActionState<TData>, formData: FormData) => Promise<TActionResult<TData>>;

// useActionState for a form posting to a server action (lib/action.ts), with the two failures that
// happen before the action runs answered inside the form, in Spanish, instead of replacing the
// page with the error screen: a body over Next.js's server action limit (refused here before it is
// sent, since Next.js answers it with a bare 500), and a request that fails on the way (no network,
// a server restarted with a new build). What was typed comes back in `values`, as the action's
// own refusals do; redirects and other navigation signals pass through.
export function useFormAction<TData>(action: TFormAction<TData>) {
  return useActionState<TActionState<TData>, FormData>(async (previous, formData) => {
    const values = () => echoValues(formDataToObject(formData));
    if (estimateFormDataBytes(formData) > ACTION_BODY_LIMIT_BYTES) {
      return { ok: false, code: "BODY_TOO_LARGE", formError: ACTION_BODY_TOO_LARGE_MESSAGE, values: values() };
    }
    try {
      return await action(previous, formData);
    } catch (e) {
      unstable_rethrow(e);
      return { ok: false, code: "UNREACHABLE", formError: ACTION_UNREACHABLE_MESSAGE, values: values() };
    }
  }, null);
}

// useFormAction read the way a form with fields reads it: the failure (its message for the form's
// alert), each field's errors and the values typed (to put back in the fields; {} until a refusal).
export function useActionForm<TData>(action: TFormAction<TData>) {
  const [state, formAction, pending] = useFormAction(action);
  return { state, formAction, pending, failure: failureOf(state), errors: fieldErrorsOf(state), values: valuesOf(state) };
}
