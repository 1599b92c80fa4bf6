// The holder's name as the public verification page shows it: enough to tell the document
// belongs to the person in front of you, not enough to read a stranger's full name off a code.
//
// Rule: the first word (the first given name) stays whole; every later word keeps its first
// letter and each further letter becomes "*" (length kept, so "López" → "L****"). Spanish
// particles (de, del, la, las, los, y, viuda, vda., e) stay as they are: they reveal nothing.
// Hyphenated parts are masked separately. "María José López García" → "María J*** L**** G*****".
const PARTICLES = new Set(["de", "del", "la", "las", "los", "y", "e", "viuda", "vda.", "vda"]);

export function maskHolderName(fullName: string): string {
  const words = fullName.normalize("NFC").trim().split(/\s+/).filter(Boolean);
  return words
    .map((word, i) => {
      if (i === 0) return word;
      if (PARTICLES.has(word.toLocaleLowerCase("es"))) return word;
      return word.split("-").map(maskPart).join("-");
    })
    .join(" ");
}

function maskPart(part: string): string {
  const chars = Array.from(part);
  if (chars.length <= 1) return part;
  return chars[0] + "*".repeat(chars.length - 1);
}
