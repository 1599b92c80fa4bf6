// Reading stored formData (or a copy kept in this browser) into editor values without throwing, and
// writing optional texts back: shared by every request editor's values.

export type TStudentValues = { firstNames: string; lastNames: string; cui: string; birthDate: string };

// A stored text; a number (a year saved as one) as typed; anything else starts empty.
export function textOf(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return "";
}

// A stored text only; anything else starts empty.
export function stringOf(v: unknown): string {
  return typeof v === "string" ? v : "";
}

export function objectOf(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

// Left out of the draft when empty or blank, kept as typed otherwise.
export function optionalText(s: string): string | undefined {
  return s.trim() === "" ? undefined : s;
}

export function studentValuesOf(v: unknown, read: (v: unknown) => string = textOf): TStudentValues {
  const student = objectOf(v);
  return {
    firstNames: read(student.firstNames),
    lastNames: read(student.lastNames),
    cui: read(student.cui),
    birthDate: read(student.birthDate).slice(0, 10),
  };
}

export function studentPayloadOf(student: TStudentValues): { firstNames?: string; lastNames?: string; cui?: string; birthDate?: string } {
  return {
    firstNames: optionalText(student.firstNames),
    lastNames: optionalText(student.lastNames),
    cui: optionalText(student.cui),
    birthDate: optionalText(student.birthDate),
  };
}
