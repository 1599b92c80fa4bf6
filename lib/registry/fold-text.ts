// Client-safe. Comparison key for names typed by people: no accents, one space, lower case,
// so "Quiché", "quiche" and " QUICHÉ " are the same DIDEDUC, and "Inglés" the same language as "ingles".
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\s_-]+/g, " ")
    .trim()
    .toLowerCase();
}

// How people's names are stored: NFC, single spaces, trimmed.
export function tidyText(value: string): string {
  return value.normalize("NFC").replace(/\s+/g, " ").trim();
}
