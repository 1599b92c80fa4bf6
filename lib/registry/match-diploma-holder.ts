import { normalizeCui } from "@/lib/identity/validate-cui";

// Client-safe. Registration numbers are printed on the title and run in sequence, so the number
// alone proves nothing: the title registry shows a record (holder, degree, school) only to whoever
// also types something of the holder's that the registry holds, the CUI or the birth date
// (DiplomaRegistry.holderCui / holderBirthDate). A record without either is never shown: the title
// then goes through D.2.1, which its DIDEDUC reviews by hand.

// What the person typed about the graduate: the D.2.2 form's `student.cui` / `student.birthDate`.
export type TDiplomaHolderProof = { cui?: string | null; birthDate?: string | null };

export const HOLDER_PROOF_MISSING_MESSAGE =
  "Escriba el CUI o la fecha de nacimiento de la persona graduada: con uno de ellos se comprueba en el registro de títulos que el título es suyo.";

function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

// The proof carried by a form's `student` object (any shape: drafts are lenient).
export function holderProofOf(student: unknown): TDiplomaHolderProof {
  const s = typeof student === "object" && student !== null ? (student as Record<string, unknown>) : {};
  return { cui: text(s.cui) || null, birthDate: text(s.birthDate) || null };
}

export function hasHolderProof(proof: TDiplomaHolderProof): boolean {
  return text(proof.cui) !== "" || text(proof.birthDate) !== "";
}

// "1997-06-02" for a DATE column (Prisma gives it as midnight UTC).
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function matchesDiplomaHolder(row: { holderCui: string | null; holderBirthDate: Date | null }, proof: TDiplomaHolderProof): boolean {
  const cui = normalizeCui(text(proof.cui));
  if (cui !== "" && row.holderCui !== null && cui === row.holderCui) return true;
  const birthDate = text(proof.birthDate);
  return birthDate !== "" && row.holderBirthDate !== null && birthDate === isoDay(row.holderBirthDate);
}
