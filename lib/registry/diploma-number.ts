import { z } from "zod";

// Client-safe. The registration number printed at the title's top right: "D-2015-018734"
// (letter D, the registration year, six digits). Citizens type it with spaces, other dashes,
// dots or lower case, or with no separators at all; all of those mean the same number.
export const DIPLOMA_NUMBER_EXAMPLE = "D-2015-018734";

const CANONICAL = /^D-(\d{4})-(\d{6})$/;

// The canonical form, or null when what was typed cannot be a registration number.
export function normalizeDiplomaNumber(input: string): string | null {
  const compact = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―−._/]+/g, "");
  const m = /^D(\d{4})(\d{6})$/.exec(compact);
  if (!m) return null;
  const year = Number(m[1]);
  // Titles enter this registry from 2005; a year far outside is a typo, not a lookup.
  if (year < 2005 || year > 2100) return null;
  return `D-${m[1]}-${m[2]}`;
}

export function isCanonicalDiplomaNumber(value: string): boolean {
  return CANONICAL.test(value);
}

export const DIPLOMA_NUMBER_FORMAT_MESSAGE = `Escriba el número de registro como aparece en la esquina superior derecha del título, por ejemplo ${DIPLOMA_NUMBER_EXAMPLE}.`;

// For forms: accepts what a citizen types, yields the canonical number.
export const ZDiplomaNumber = z
  .string({ error: "Escriba el número de registro del título." })
  .trim()
  .min(1, "Escriba el número de registro del título.")
  .transform((value, ctx) => {
    const number = normalizeDiplomaNumber(value);
    if (!number) {
      ctx.addIssue({ code: "custom", message: DIPLOMA_NUMBER_FORMAT_MESSAGE });
      return z.NEVER;
    }
    return number;
  });
export type TDiplomaNumber = z.output<typeof ZDiplomaNumber>;
