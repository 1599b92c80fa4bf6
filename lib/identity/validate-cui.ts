// The CUI (Código Único de Identificación) printed on the DPI, as procedures.md defines it:
// 13 digits = 8-digit sequence, 1 check digit, 2-digit department (01–22), 2-digit municipality.
// Pure and client-safe: the registration form and the server run the same check.

// How many municipalities each department has, departments 01 to 22 in order.
export const MUNICIPALITIES_PER_DEPARTMENT: readonly number[] = [
  17, 8, 16, 16, 13, 14, 19, 8, 24, 21, 9, 30, 32, 21, 8, 17, 14, 5, 11, 11, 7, 17,
];

export type TCuiProblem = "EMPTY" | "NOT_DIGITS" | "LENGTH" | "CHECK_DIGIT" | "DEPARTMENT" | "MUNICIPALITY";

export type TCuiValidation =
  | { ok: true; cui: string; department: number; municipality: number }
  | { ok: false; problem: TCuiProblem; message: string };

export const CUI_MESSAGES: Record<TCuiProblem, string> = {
  EMPTY: "Escriba su número de CUI (el número de su DPI).",
  NOT_DIGITS: "El CUI solo lleva números (puede escribirlo con o sin espacios).",
  LENGTH: "El CUI tiene 13 dígitos. Revise que lo copió completo de su DPI.",
  CHECK_DIGIT: "El número de CUI no es válido. Revise que lo copió tal como aparece en su DPI.",
  DEPARTMENT: "El CUI no es válido: los dígitos 10 y 11 deben ser un departamento entre 01 y 22.",
  MUNICIPALITY: "El CUI no es válido: el municipio (los dos últimos dígitos) no existe en ese departamento.",
};

function refuse(problem: TCuiProblem): TCuiValidation {
  return { ok: false, problem, message: CUI_MESSAGES[problem] };
}

// People copy the number as printed ("2345 67899 0101"); spaces are the only separator accepted.
export function normalizeCui(input: string): string {
  return input.replace(/\s+/g, "");
}

// The check digit the sequence calls for, or null when the remainder is 10 (no such CUI exists).
export function cuiCheckDigit(sequence: string): number | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(sequence[i]) * (i + 2);
  const remainder = sum % 11;
  return remainder === 10 ? null : remainder;
}

export function validateCui(input: string): TCuiValidation {
  const cui = normalizeCui(input ?? "");
  if (cui === "") return refuse("EMPTY");
  if (!/^\d+$/.test(cui)) return refuse("NOT_DIGITS");
  if (cui.length !== 13) return refuse("LENGTH");

  const department = Number(cui.slice(9, 11));
  const municipality = Number(cui.slice(11, 13));
  if (department < 1 || department > MUNICIPALITIES_PER_DEPARTMENT.length) return refuse("DEPARTMENT");
  if (municipality < 1 || municipality > MUNICIPALITIES_PER_DEPARTMENT[department - 1]) return refuse("MUNICIPALITY");

  const expected = cuiCheckDigit(cui.slice(0, 8));
  if (expected === null || expected !== Number(cui[8])) return refuse("CHECK_DIGIT");

  return { ok: true, cui, department, municipality };
}
