import { randomInt } from "node:crypto";
import { cuiCheckDigit } from "../../lib/identity/validate-cui";

// A fresh valid CUI (department 01, municipality 01): CUIs are unique per account, and every run
// of the suite registers new people.
export function makeCui(): string {
  for (;;) {
    const sequence = String(randomInt(10_000_000, 99_999_999));
    const check = cuiCheckDigit(sequence);
    if (check !== null) return `${sequence}${check}0101`;
  }
}
