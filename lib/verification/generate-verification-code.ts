import { randomBytes } from "node:crypto";
import { CROCKFORD_ALPHABET, VERIFICATION_CODE_LENGTH, formatVerificationCode } from "./crockford";

// The code printed under the QR and in the verification URL: 12 Crockford base32 symbols
// (60 random bits) grouped as XXXX-XXXX-XXXX. Anyone holding it can see the public record,
// so it must not be guessable: 2^60 codes against at most millions issued leaves a blind
// guess a chance below one in 10^11. Uniqueness is still enforced by the database column.
export function generateVerificationCode(): string {
  const bytes = randomBytes(VERIFICATION_CODE_LENGTH);
  let symbols = "";
  // 32 divides 256, so the low five bits of a random byte are uniform.
  for (const b of bytes) symbols += CROCKFORD_ALPHABET[b & 31];
  return formatVerificationCode(symbols);
}
