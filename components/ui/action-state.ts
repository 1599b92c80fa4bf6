import type { TFieldErrors } from "@/lib/errors";

// Reading a form's useActionState value (TActionState from lib/action.ts) in a client component.
type TFailure = { ok: false; formError: string; fieldErrors?: TFieldErrors; values?: Record<string, string> };
type TState = { ok: true } | TFailure | null;

export function failureOf(state: TState): TFailure | null {
  return state && !state.ok ? state : null;
}

export function fieldErrorsOf(state: TState): TFieldErrors {
  return failureOf(state)?.fieldErrors ?? {};
}

export function valuesOf(state: TState): Record<string, string> {
  return failureOf(state)?.values ?? {};
}

// The error summary's entries, in the order the fields appear in the form.
export function errorSummaryItems(state: TState, order: readonly string[]): Array<{ field: string; text: string }> {
  const errors = fieldErrorsOf(state);
  return order.flatMap((field) => (errors[field] ?? []).map((text) => ({ field, text })));
}
