import { describe, expect, it } from "vitest";
import {
  createTextLayoutMemo,
  installTextLayoutMemo,
  TEXT_LAYOUT_MEMO,
  type TAttributedString,
  type TGlobalWithMemo,
  type TLayoutContainer,
} from "@/lib/pdf/memoize-text-layout";
import { renderCertificationSheet } from "@/lib/pdf/render-certification-sheet";
import type { TCertificationSheetInput } from "@/lib/pdf/sheet-data";
import { educationalRecordSheet, swornTranslationSheet } from "./sheet-fixtures";
import { stripDates, withTextLayoutMemo } from "./unprepared-render";

class FakeFont {
  constructor(public name: string) {}
}
const regular = new FakeFont("regular");
const bold = new FakeFont("bold");

function text(string: string, attributes: Record<string, unknown> = { font: [regular], fontSize: 10 }, runs?: Array<[number, number]>): TAttributedString {
  return { string, runs: (runs ?? [[0, string.length]]).map(([start, end]) => ({ start, end, attributes })) };
}
const box = (width: number, height = Infinity): TLayoutContainer => ({ x: 0, y: 0, width, height, maxLines: undefined, truncateMode: undefined, exclusions: undefined });
const hyphenation = (word: string) => [word];
const options = { hyphenationPenalty: undefined, shrinkWhitespaceFactor: { before: -0.5, after: -0.5 }, hyphenationCallback: hyphenation };

function countingLayout() {
  const calls: string[] = [];
  const layout = (t: TAttributedString, c: TLayoutContainer) => {
    calls.push(`${t.string}@${c.width}`);
    return [{ string: t.string, box: { width: c.width } }];
  };
  return { calls, layout };
}

describe("createTextLayoutMemo", () => {
  it("lays each distinct input out once and hands the same lines to every later node", () => {
    const memo = createTextLayoutMemo();
    const { calls, layout } = countingLayout();
    const first = memo(text("Ministerio de Educación"), box(300), options, layout);
    const again = memo(text("Ministerio de Educación"), box(300), { ...options, shrinkWhitespaceFactor: { before: -0.5, after: -0.5 } }, layout);
    expect(again).toBe(first);
    expect(calls).toEqual(["Ministerio de Educación@300"]);
    expect(memo.stats).toEqual({ hits: 1, misses: 1, bypassed: 0 });
  });

  it("tells apart every input that changes the lines", () => {
    const memo = createTextLayoutMemo();
    const { calls, layout } = countingLayout();
    const variants: Array<[TAttributedString, TLayoutContainer, Record<string, unknown>]> = [
      [text("Página 1 de 2"), box(300), options],
      [text("Página 1 de 3"), box(300), options],
      [text("Página 1 de 2"), box(300.5), options],
      [text("Página 1 de 2"), box(300, 40), options],
      [text("Página 1 de 2"), box(300, NaN), options],
      [text("Página 1 de 2"), { ...box(300), maxLines: 1 }, options],
      [text("Página 1 de 2"), { ...box(300), maxLines: 1, truncateMode: "ellipsis" }, options],
      [text("Página 1 de 2", { font: [bold], fontSize: 10 }), box(300), options],
      [text("Página 1 de 2", { font: [new FakeFont("regular")], fontSize: 10 }), box(300), options],
      [text("Página 1 de 2", { font: [regular], fontSize: "10" }), box(300), options],
      [text("Página 1 de 2", { font: [regular], fontSize: 10, color: "#111" }), box(300), options],
      [text("Página 1 de 2", { font: [regular], fontSize: 10, align: "justify" }), box(300), options],
      [text("Página 1 de 2", { font: [regular], fontSize: 10 }, [[0, 6], [6, 13]]), box(300), options],
      [text("Página 1 de 2"), box(300), { ...options, hyphenationCallback: (word: string) => [word] }],
      [text("Página 1 de 2"), box(300), { ...options, hyphenationPenalty: 100 }],
    ];
    for (const [t, c, o] of variants) memo(t, c, o, layout);
    expect(memo.stats).toEqual({ hits: 0, misses: variants.length, bypassed: 0 });
    for (const [t, c, o] of variants) memo(t, c, o, layout);
    expect(memo.stats).toEqual({ hits: variants.length, misses: variants.length, bypassed: 0 });
    expect(calls).toHaveLength(variants.length);
  });

  it("lays out every time text that flows around shapes or carries an inline image", () => {
    const memo = createTextLayoutMemo();
    const { calls, layout } = countingLayout();
    const around = { ...box(300), exclusions: [{ type: "rect", x: 0, y: 0, width: 20, height: 20 }] };
    const image = text("😀", { font: [regular], fontSize: 10, attachment: { width: 10, height: 10, image: new Uint8Array(4) } });
    for (let i = 0; i < 2; i++) {
      memo(text("Nota"), around, options, layout);
      memo(image, box(300), options, layout);
    }
    expect(calls).toHaveLength(4);
    expect(memo.stats).toEqual({ hits: 0, misses: 0, bypassed: 4 });
    expect(memo.size()).toBe(0);
  });

  it("keeps what was used since it last made room, and never more than its capacity", () => {
    const memo = createTextLayoutMemo({ capacity: 4 });
    const { calls, layout } = countingLayout();
    const use = (s: string) => memo(text(s), box(100), options, layout);
    // Each generation holds two entries: c starts a new one, and so does d.
    use("a");
    use("b");
    use("c");
    use("a");
    use("d");
    // a was used since the last turn, b was not: a stays, b was dropped.
    use("a");
    use("b");
    expect(calls).toEqual(["a@100", "b@100", "c@100", "d@100", "b@100"]);
    for (let i = 0; i < 50; i++) {
      use(`x${i}`);
      expect(memo.size()).toBeLessThanOrEqual(4);
    }
  });
});

describe("createTextLayoutMemo's bounds", () => {
  it("holds at most its budget of characters, and lays out every time a text longer than half of it", () => {
    const memo = createTextLayoutMemo({ maxCharacters: 40 });
    const { calls, layout } = countingLayout();
    for (let i = 0; i < 30; i++) {
      memo(text(`Escuela n.º ${String(i).padStart(3, "0")}`), box(100), options, layout);
      expect(memo.characters()).toBeLessThanOrEqual(40);
    }
    const long = "x".repeat(21);
    memo(text(long), box(100), options, layout);
    memo(text(long), box(100), options, layout);
    expect(calls.filter((c) => c.startsWith(long))).toHaveLength(2);
    expect(memo.characters()).toBeLessThanOrEqual(40);
  });
});

// Sheets that take every path of the render: one page, the closing block alone on page 2, a table
// running over pages, a paragraph split across pages, a sheet without a table (D.3).
function sheets(): Array<[string, TCertificationSheetInput]> {
  const longNote = Array.from({ length: 60 }, (_, i) => `Observación ${i + 1}: el expediente fue cotejado con el libro de registro del establecimiento, folio ${100 + i}.`).join(" ");
  return [
    ["one page", educationalRecordSheet(1)],
    ["closing block on page 2", educationalRecordSheet(6)],
    ["table over pages", educationalRecordSheet(40)],
    ["paragraph split across pages", educationalRecordSheet(24, { notes: [longNote] })],
    ["D.3 fields", swornTranslationSheet()],
  ];
}

describe("the text layout memo in React-PDF (patches/@react-pdf+layout+5.2.0.patch)", () => {
  it("receives every text node of a sheet, and a second render of the same sheet is all hits", async () => {
    const memo = createTextLayoutMemo();
    await withTextLayoutMemo(memo, async () => {
      await renderCertificationSheet(educationalRecordSheet(6));
      const firstMisses = memo.stats.misses;
      // ≈ 60 text nodes; fewer means the patch is not applied (npm install runs patch-package).
      expect(firstMisses).toBeGreaterThan(40);
      const hitsBefore = memo.stats.hits;
      await renderCertificationSheet(educationalRecordSheet(6));
      expect(memo.stats.misses).toBe(firstMisses);
      expect(memo.stats.hits - hitsBefore).toBeGreaterThan(40);
    });
  }, 60_000);

  it("renders every kind of sheet byte for byte as without it, while the lines it shares are frozen", async () => {
    const without = new Map<string, string>();
    await withTextLayoutMemo(undefined, async () => {
      for (const [name, input] of sheets()) without.set(name, stripDates(await renderCertificationSheet(input)));
    });
    const memo = createTextLayoutMemo({ freeze: true });
    await withTextLayoutMemo(memo, async () => {
      // Twice over, so the second round is made of lines laid out (and frozen) in the first.
      for (let round = 0; round < 2; round++) {
        for (const [name, input] of sheets()) {
          expect(stripDates(await renderCertificationSheet(input)) === without.get(name), `${name}, round ${round + 1}`).toBe(true);
        }
      }
    });
    expect(memo.stats.hits).toBeGreaterThan(memo.stats.misses);
  }, 120_000);

  it("is installed once per process by the sheet renderer", async () => {
    await renderCertificationSheet(educationalRecordSheet(2));
    const installed = (globalThis as TGlobalWithMemo)[TEXT_LAYOUT_MEMO];
    expect(typeof installed).toBe("function");
    expect(installTextLayoutMemo(createTextLayoutMemo())).toBe(installed);
  }, 60_000);
});
