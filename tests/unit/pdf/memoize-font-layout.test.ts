import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { SHEET_FONT_FAMILY } from "@/lib/pdf/certification-sheet";
import { memoizeFontLayout } from "@/lib/pdf/memoize-font-layout";
import { renderCertificationSheet } from "@/lib/pdf/render-certification-sheet";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { educationalRecordSheet, HOLDER } from "./sheet-fixtures";
import { inflatedPdf, renderSheetUnprepared, stripDates as strip } from "./unprepared-render";

class Position {
  constructor(public xAdvance: number) {}
}

function fakeFont() {
  const calls: unknown[][] = [];
  const font = {
    layout(text: string, features?: unknown, script?: string, language?: string, direction?: string) {
      calls.push([text, features, script, language, direction]);
      return { glyphs: [...text].map((c) => ({ c })), positions: [...text].map(() => new Position(500)), script: "latn" };
    },
  };
  return { font, calls };
}

type TRun = { glyphs: Array<{ id: number }>; positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>; script: string };
type TShaper = { layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): TRun };

// Every string in a value (the sheet's data).
function texts(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(texts);
  return [];
}

describe("memoizeFontLayout", () => {
  it("shapes each distinct call once and hands out independent copies", () => {
    const { font, calls } = fakeFont();
    memoizeFontLayout(font);
    const first = font.layout("Página", [], undefined, undefined, "ltr");
    first.positions[0].xAdvance = 0;
    first.glyphs.pop();
    const second = font.layout("Página", [], undefined, undefined, "ltr");
    expect(calls).toHaveLength(1);
    expect(second.glyphs).toHaveLength(6);
    expect(second.positions[0]).toBeInstanceOf(Position);
    expect(second.positions[0].xAdvance).toBe(500);
    expect(second.script).toBe("latn");
    // Same glyph objects, as fontkit shares them.
    expect(second.glyphs[0]).toBe(font.layout("Página", [], undefined, undefined, "ltr").glyphs[0]);

    font.layout("Página", ["smcp"], undefined, undefined, "ltr");
    font.layout("Página", [], undefined, undefined, "rtl");
    font.layout("Pagina", [], undefined, undefined, "ltr");
    expect(calls).toHaveLength(4);
    // Wrapping twice does not stack memos.
    memoizeFontLayout(font);
    font.layout("Página", [], undefined, undefined, "ltr");
    expect(calls).toHaveLength(4);
  });

  it("shapes Latin text word by word, each piece once, with the script of the whole string", () => {
    const { font, calls } = fakeFont();
    memoizeFontLayout(font);
    const run = font.layout("Ana Lucía  Pérez", undefined, undefined, undefined, "ltr");
    expect(run.glyphs).toHaveLength("Ana Lucía  Pérez".length);
    expect(calls.map((c) => c[0])).toEqual(["Ana", " ", "Lucía", "  ", "Pérez"]);
    expect(calls.every((c) => c[2] === "latn")).toBe(true);
    font.layout("Pérez Ana", undefined, undefined, undefined, "ltr");
    expect(calls).toHaveLength(5);
    // No letter: fontkit would find no script either.
    font.layout("2345 67890", undefined, undefined, undefined, "ltr");
    expect(calls.slice(5).map((c) => [c[0], c[2]])).toEqual([
      ["2345", "zzzz"],
      [" ", "zzzz"],
      ["67890", "zzzz"],
    ]);
    // Other scripts, and calls that name a script, are shaped whole.
    font.layout("Ελλάδα και", undefined, undefined, undefined, "ltr");
    font.layout("Ana Pérez", undefined, "latn", undefined, "ltr");
    expect(calls.slice(8).map((c) => c[0])).toEqual(["Ελλάδα και", "Ana Pérez"]);
  });

  it("leaves the rendered sheet unchanged (a multi-page sheet, dates aside)", async () => {
    // The unprepared render uses fontkit unmemoized (fresh fontkit objects for the sheet's faces).
    const data = ZCertificationSheetData.parse(educationalRecordSheet(40));
    const plain = await renderSheetUnprepared(data);
    await renderCertificationSheet(data);
    const memoized = await renderCertificationSheet(data);
    expect(strip(plain).match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(1);
    expect(inflatedPdf(memoized)).toBe(inflatedPdf(plain));
  }, 30_000);

  it("gives the sheet's fonts the glyphs and positions of whole-string shaping", async () => {
    await renderCertificationSheet(educationalRecordSheet(1));
    // The same files under another family name: fresh fontkit objects, never memoized.
    const file = (face: string) => path.join(process.cwd(), "lib", "pdf", "fonts", `SourceSans3-${face}.ttf`);
    Font.register({
      family: "SourceSans3Plain",
      fonts: [
        { src: file("Regular"), fontWeight: 400, fontStyle: "normal" },
        { src: file("Bold"), fontWeight: 700, fontStyle: "normal" },
        { src: file("Italic"), fontWeight: 400, fontStyle: "italic" },
      ],
    });
    const corpus = new Set<string>([HOLDER, ...Object.values(ZCertificationSheetData.parse(educationalRecordSheet(12))).flatMap(texts)]);
    // Every character shaped word by word, next to a space, beside letters, digits and punctuation.
    for (const [from, to] of [[0x20, 0x7e], [0xa0, 0x24f], [0x2010, 0x2027], [0x2030, 0x205e]]) {
      for (let code = from; code <= to; code++) {
        const c = String.fromCodePoint(code);
        for (const w of ["a", "T", "V", "f", "1", "«", "—", "."]) corpus.add(`${w} ${c}${w} ${c}  ${w}`);
      }
    }
    // Glyph ids, not glyph objects: each font caches its own, and their `codePoints` record how
    // the glyph was first met (a subset reaching it as part of "í" leaves them empty).
    const view = (run: TRun) => [run.glyphs.map((g) => g.id), run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]), run.script];
    for (const [fontWeight, fontStyle] of [[400, "normal"], [700, "normal"], [400, "italic"]] as const) {
      await Font.load({ fontFamily: "SourceSans3Plain", fontWeight, fontStyle });
      const plain = Font.getFont({ fontFamily: "SourceSans3Plain", fontWeight, fontStyle }).data as unknown as TShaper;
      const memoized = Font.getFont({ fontFamily: SHEET_FONT_FAMILY, fontWeight, fontStyle }).data as unknown as TShaper;
      expect(plain).not.toBe(memoized);
      const differing = [...corpus].filter(
        (text) => JSON.stringify(view(memoized.layout(text, undefined, undefined, undefined, "ltr"))) !== JSON.stringify(view(plain.layout(text, undefined, undefined, undefined, "ltr"))),
      );
      expect(differing, `${fontWeight} ${fontStyle}`).toEqual([]);
    }
  }, 60_000);
});
