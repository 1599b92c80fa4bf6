// Crockford's base32 (https://www.crockford.com/base32.html): digits and letters without
// I, L, O and U, so a code read aloud or copied by hand has no look-alike characters.
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const VERIFICATION_CODE_LENGTH = 12;
export const VERIFICATION_CODE_GROUP = 4;

// "7K3MQ9TZW2HD" → "7K3M-Q9TZ-W2HD".
export function formatVerificationCode(symbols: string): string {
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += VERIFICATION_CODE_GROUP) {
    groups.push(symbols.slice(i, i + VERIFICATION_CODE_GROUP));
  }
  return groups.join("-");
}
