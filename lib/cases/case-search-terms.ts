import "server-only";

const MAX_TERMS = 40;
const MAX_TERM_LENGTH = 60;

// Words of names as the queue search matches them: lowercase, accents and ñ folded, split on
// anything that is not a letter or digit. Used for Case.searchTerms (GIN-indexed) and for the
// words typed in the search box, so both sides fold alike.
export function caseSearchTerms(...texts: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const w of text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().split(/[^a-z0-9]+/)) {
      if (w && words.size < MAX_TERMS) words.add(w.slice(0, MAX_TERM_LENGTH));
    }
  }
  return [...words];
}

// The student's names inside a case's formData (every procedure that has a student keeps them there;
// a submitted D.2.2 keeps the title registry's full name instead, `fullName`, decision 0027).
export function studentNamesOf(formData: unknown): string[] {
  const student = (formData as { student?: { firstNames?: unknown; lastNames?: unknown; fullName?: unknown } } | null)?.student;
  if (typeof student?.fullName === "string" && student.fullName.trim()) return [student.fullName];
  return [student?.firstNames, student?.lastNames].filter((v): v is string => typeof v === "string");
}
