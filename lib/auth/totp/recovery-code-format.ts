import { randomInt } from "node:crypto";

// One-time recovery codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
// ≈ 59 bits each (31 symbols), shown as XXXX-XXXX-XXXX. Stored only as argon2id hashes.
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LENGTH = 12;

export function generateRecoveryCode(): string {
  let raw = "";
  for (let i = 0; i < LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return formatRecoveryCode(raw);
}

export function formatRecoveryCode(raw: string): string {
  return raw.match(/.{1,4}/g)!.join("-");
}

// What the person typed, as it was hashed: upper case, no spaces or dashes; null if it cannot be one.
export function normalizeRecoveryCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, "");
  if (raw.length !== LENGTH || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return raw;
}
