// The grammatical gender a person states for being named by role (traductora / traductor), as the
// database stores it (enum GrammaticalGender). Client-safe: forms and pages use it too.
export const GRAMMATICAL_GENDERS = ["FEMININE", "MASCULINE"] as const;
export type TGrammaticalGender = (typeof GRAMMATICAL_GENDERS)[number];

export type TGenderedForms<T> = { feminine: T; masculine: T; inclusive: T };

// Issue #12, point 4: the form of a role word comes from what the person said (or the registry),
// never from guessing by the name. Unknown (null: an entry from before the platform asked) takes
// the inclusive form, e.g. "traductor(a) jurado(a)".
export function chooseGenderedForm<T>(gender: TGrammaticalGender | null | undefined, forms: TGenderedForms<T>): T {
  if (gender === "FEMININE") return forms.feminine;
  if (gender === "MASCULINE") return forms.masculine;
  return forms.inclusive;
}
