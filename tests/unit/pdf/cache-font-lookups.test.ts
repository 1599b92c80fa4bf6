import { describe, expect, it } from "vitest";
import { cacheFontLookups } from "@/lib/pdf/cache-font-lookups";

function fakeFont() {
  const calls = { hasGlyph: 0, unitsPerEm: 0, decode: 0 };
  const glyphs = new Map<number, { id: number; _decode(): unknown }>();
  const font = {
    name: { records: { fontFamily: { en: "Source Sans 3" }, copyright: { en: "SIL Open Font License ".repeat(50) } } },
    get unitsPerEm() {
      calls.unitsPerEm++;
      return 1000;
    },
    hasGlyphForCodePoint(codePoint: number) {
      calls.hasGlyph++;
      return codePoint < 0x250;
    },
    getGlyph(id: number) {
      let glyph = glyphs.get(id);
      if (!glyph) {
        glyph = {
          id,
          _decode: () => {
            calls.decode++;
            return { numberOfContours: id };
          },
        };
        glyphs.set(id, glyph);
      }
      return glyph;
    },
  };
  return { font, calls };
}

describe("cacheFontLookups", () => {
  it("answers every question as the font does, asking the font once", () => {
    const { font, calls } = fakeFont();
    const recordsJson = JSON.stringify(font.name.records);
    cacheFontLookups(font);

    expect([font.hasGlyphForCodePoint(0x41), font.hasGlyphForCodePoint(0x41), font.hasGlyphForCodePoint(0x4e00)]).toEqual([true, true, false]);
    expect(calls.hasGlyph).toBe(2);

    const before = calls.unitsPerEm;
    expect([font.unitsPerEm, font.unitsPerEm]).toEqual([1000, 1000]);
    expect(calls.unitsPerEm).toBe(before);

    const glyph = font.getGlyph(7);
    expect(glyph._decode()).toEqual({ numberOfContours: 7 });
    expect(font.getGlyph(7)._decode()).toBe(glyph._decode());
    expect(calls.decode).toBe(1);

    // pdfkit's isEqualFont compares JSON.stringify of the records: equal fonts stay equal,
    // different ones different, and the records themselves read as before.
    const other = fakeFont().font;
    other.name.records.fontFamily.en = "Otra";
    cacheFontLookups(other);
    expect(JSON.stringify(font.name.records)).toBe(JSON.stringify(font.name.records));
    expect(JSON.stringify(font.name.records)).not.toBe(JSON.stringify(other.name.records));
    expect(JSON.stringify(font.name.records).length).toBeLessThan(100);
    expect(Object.keys(font.name.records)).toEqual(["fontFamily", "copyright"]);
    expect(JSON.stringify({ ...font.name.records })).toBe(recordsJson);

    // Twice is once.
    cacheFontLookups(font);
    font.hasGlyphForCodePoint(0x41);
    expect(calls.hasGlyph).toBe(2);
  });
});
