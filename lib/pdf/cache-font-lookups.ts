import { createHash } from "node:crypto";

// pdfkit and React-PDF's textkit ask fontkit the same questions about the sheet's fonts on every
// render, and fontkit answers each one from the font's binary tables again. The answers depend
// only on the font file, so each font object keeps them. Nothing printed changes: the same
// answers, computed once (tests/unit/pdf/cache-font-lookups.test.ts; the whole sheet, byte for
// byte, in memoize-font-layout.test.ts).
//
// - pdfkit's `font()` runs on every run of text it writes and, to tell whether the font is one it
//   already embedded, compares `JSON.stringify` of both fonts' `name` table records (the whole
//   table, licence text included) (pdfkit 0.20 `isEqualFont`). The records get a `toJSON` giving
//   a digest of that same JSON, so the comparison has the same outcome for a few bytes' work.
// - textkit's font substitution asks `hasGlyphForCodePoint` for every character of every text.
// - textkit reads `unitsPerEm` (a getter that goes back to the `head` table) for every run and
//   glyph it scales.
// - Subsetting at the end of each render decodes the outline header of every glyph it embeds
//   (`_decode`, read-only for its callers) to find composite glyphs.

type TGlyph = { _decode(): unknown };
export type TCachedFont = {
  unitsPerEm: number;
  name?: { records?: object } | null;
  hasGlyphForCodePoint(codePoint: number): boolean;
  getGlyph(id: number, codePoints?: number[]): TGlyph;
};

const cached = new WeakSet<object>();

export function cacheFontLookups(font: TCachedFont): void {
  if (cached.has(font)) return;
  cached.add(font);

  const records = font.name?.records;
  if (records && !Object.hasOwn(records, "toJSON")) {
    const digest = createHash("sha256").update(JSON.stringify(records)).digest("hex");
    Object.defineProperty(records, "toJSON", { value: () => `name table ${digest}`, enumerable: false });
  }

  Object.defineProperty(font, "unitsPerEm", { value: font.unitsPerEm, enumerable: true });

  const hasGlyph = font.hasGlyphForCodePoint.bind(font);
  const answers = new Map<number, boolean>();
  font.hasGlyphForCodePoint = (codePoint) => {
    let answer = answers.get(codePoint);
    if (answer === undefined) {
      answer = hasGlyph(codePoint);
      answers.set(codePoint, answer);
    }
    return answer;
  };

  const getGlyph = font.getGlyph.bind(font);
  const decodedOnce = new WeakSet<TGlyph>();
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (typeof glyph?._decode === "function" && !decodedOnce.has(glyph)) {
      decodedOnce.add(glyph);
      const decode = glyph._decode.bind(glyph);
      let decoded: { value: unknown } | null = null;
      glyph._decode = () => (decoded ??= { value: decode() }).value;
    }
    return glyph;
  };
}
