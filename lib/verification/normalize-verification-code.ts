import { CROCKFORD_ALPHABET, VERIFICATION_CODE_LENGTH, formatVerificationCode } from "./crockford";

// Crockford's decoding rules: case does not matter, O reads as 0, I and L as 1.
const LOOK_ALIKES: Record<string, string> = { O: "0", I: "1", L: "1" };

// What a person typed or pasted → the canonical "XXXX-XXXX-XXXX", or null when it cannot be a
// code. Tolerates lower case, spaces, missing or extra dashes, look-alike letters, and a whole
// pasted verification URL.
export function normalizeVerificationCode(input: string): string | null {
  let text = input.trim();
  const fromUrl = /\/verificar\/([^/?#]+)/i.exec(text);
  if (fromUrl) text = safeDecode(fromUrl[1]);

  const symbols = text
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—_.]/g, "")
    .replace(/[OIL]/g, (c) => LOOK_ALIKES[c]);
  if (symbols.length !== VERIFICATION_CODE_LENGTH) return null;
  for (const c of symbols) if (!CROCKFORD_ALPHABET.includes(c)) return null;
  return formatVerificationCode(symbols);
}

// A route's [code] param → the canonical code, or null (a 404). Next.js hands a page its param
// still percent-encoded ("ABCD%201234%20EFGH" for a code typed with spaces) and a route handler its
// param decoded; decoding once more is right for the first and harmless for the second, since a code
// never contains "%". A param that does not decode ("%ZZ", or "50%" already decoded) is no code:
// it must not throw (a URIError was a 500).
export function verificationCodeFromParam(param: string): string | null {
  return normalizeVerificationCode(safeDecode(param));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
