// The text rule for everything a person types that may end up on a signed certification (names,
// titles, schools, posts, offices, reasons) and for uploaded file names. Client-safe and pure.
//
// Refused ("hidden") characters, and why:
// - Unicode format characters, general category Cf. Among them the bidirectional controls
//   U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates), which reorder what a reader
//   sees without changing what is stored (a name that prints as another); the directional marks
//   U+200E, U+200F and U+061C; the zero-width characters U+200B–U+200D, U+2060 and U+FEFF, which make
//   two names that look identical differ (a search or a registry comparison then misses); the soft
//   hyphen U+00AD; the invisible operators U+2061–U+2064; the deprecated U+206A–U+206F; the
//   interlinear annotation marks U+FFF9–U+FFFB and the tag characters U+E0001–U+E007F.
// - Control characters, category Cc (U+0000–U+001F, U+007F–U+009F): a NUL cannot even be stored in
//   PostgreSQL. Only multi-line texts keep tab, line feed and carriage return.
// - Line and paragraph separators U+2028 and U+2029 (categories Zl, Zp): a line break in disguise.
// - Lone surrogates (category Cs): not text at all; PostgreSQL refuses them in JSON.
// - Characters that are not format characters but show nothing: the combining grapheme joiner
//   U+034F, the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, the Khmer inherent vowels U+17B4
//   and U+17B5, the Mongolian variation selectors U+180B–U+180D and U+180F, the variation selectors
//   U+FE00–U+FE0F and U+E0100–U+E01EF, and the braille blank U+2800.
// Spanish, K'iche', Q'eqchi' and the other languages people write here need none of them.

const INVISIBLE_OTHERS = "\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180D\\u180F\\u2800\\u3164\\uFE00-\\uFE0F\\uFFA0\\u{E0100}-\\u{E01EF}";

const SINGLE_LINE = new RegExp(`[\\p{Cf}\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}${INVISIBLE_OTHERS}]`, "u");
const MULTI_LINE = new RegExp(`[\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}${INVISIBLE_OTHERS}]|[^\\P{Cc}\\t\\n\\r]`, "u");
const ALL_GLOBAL = new RegExp(`[\\p{Cf}\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}${INVISIBLE_OTHERS}]`, "gu");

export type THiddenCharacterOptions = { multiline?: boolean };

export function hiddenCharacterMessage(char: string): string {
  return (
    `El texto tiene un carácter invisible o de control (${codePointLabel(char)}), como los que llegan al copiar y pegar ` +
    "desde otro documento o una página web. Bórrelo y escriba el texto de nuevo directamente en el campo."
  );
}

// "U+202E": how support and the import report name a character nobody can see.
export function codePointLabel(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

// The first refused character of `text`, or null when it has none.
export function findHiddenCharacter(text: string, options: THiddenCharacterOptions = {}): string | null {
  const match = (options.multiline ? MULTI_LINE : SINGLE_LINE).exec(text);
  return match ? match[0] : null;
}

// For text that is cleaned rather than refused (an uploaded file's name, which a person cannot
// always change on a phone): every refused character removed, then NFC.
export function stripHiddenCharacters(text: string): string {
  return text.replace(ALL_GLOBAL, "").normalize("NFC");
}

export type THiddenTextProblem = { path: string[]; message: string };

// Every string anywhere in a JSON-like value (a draft's form data): NFC-normalized copy, and one
// problem per string that holds a refused character, at its path. Object keys are not text a
// reader sees; a key with a refused character is reported like a value.
export function checkTextTree(value: unknown, options: THiddenCharacterOptions = {}): { value: unknown; problems: THiddenTextProblem[] } {
  const problems: THiddenTextProblem[] = [];
  const walk = (v: unknown, path: string[]): unknown => {
    if (typeof v === "string") {
      const hidden = findHiddenCharacter(v, options);
      if (hidden) problems.push({ path, message: hiddenCharacterMessage(hidden) });
      return v.normalize("NFC");
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, String(i)]));
    if (typeof v === "object" && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) {
        const hidden = findHiddenCharacter(key);
        if (hidden) problems.push({ path: [...path, key], message: hiddenCharacterMessage(hidden) });
        out[key.normalize("NFC")] = walk(item, [...path, key]);
      }
      return out;
    }
    return v;
  };
  return { value: walk(value, []), problems };
}
