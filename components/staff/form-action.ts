import type { TActionResult, TActionState } from "@/lib/action";

// The server actions of the staff case view redirect on success (their data type is `never`), so a
// form only ever holds a failure (or null). Type-only import: nothing of lib/action reaches the
// client bundle.
export type TStaffFormAction = (previous: TActionState<never>, formData: FormData) => Promise<TActionResult<never>>;

// Codes after which the page the person sees is outdated: offer to reload it.
// HELD: someone took the case meanwhile ("Tomar"); the page now shows who.
export const OUTDATED_CODES = new Set(["STALE_VERSION", "INVALID_STATE", "NOT_FOUND", "HELD"]);

export function failureCodeOf(state: TActionState<never>): string | undefined {
  return state && !state.ok ? state.code : undefined;
}
