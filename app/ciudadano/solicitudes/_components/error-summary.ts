import type { TFieldErrorMap } from "./use-case-draft";

// The error summary on top of a request form: one link per message, in the order of the form.

// A path's place in the form: its index in `order`, or after all of them.
export function rankIn(order: readonly string[]): (path: string) => number {
  return (path) => {
    const i = order.indexOf(path);
    return i === -1 ? order.length : i;
  };
}

// The field paths in form order; "_form" (the whole form) goes in the message instead (formMessageOf).
export function fieldErrorPaths(errors: TFieldErrorMap, rank: (path: string) => number, tieBreak?: (a: string, b: string) => number): string[] {
  return Object.keys(errors)
    .filter((p) => p !== "_form")
    .sort((a, b) => rank(a) - rank(b) || (tieBreak ? tieBreak(a, b) : 0));
}

export function summaryItemsOf(errors: TFieldErrorMap, paths: readonly string[], anchorFor: (path: string) => string): Array<{ field: string; text: string }> {
  return paths.flatMap((path) => errors[path].map((text) => ({ field: anchorFor(path), text })));
}

// The submission's message, with what the server said about the form as a whole.
export function formMessageOf(formError: string | null, errors: TFieldErrorMap): string | null {
  return formError && errors._form ? `${formError} ${errors._form.join(" ")}` : formError;
}
