import { createElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { CertificationSheet, registerSheetFonts } from "@/lib/pdf/certification-sheet";
import { memoizeFontLayout } from "@/lib/pdf/memoize-font-layout";
import { renderCertificationSheet, renderQrPng } from "@/lib/pdf/render-certification-sheet";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { educationalRecordSheet } from "./sheet-fixtures";

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

  it("leaves the rendered sheet unchanged (a multi-page sheet, dates aside)", async () => {
    // The creation date, and the file /ID pdfkit derives from it, differ between any two renders.
    const strip = (pdf: Buffer) =>
      pdf
        .toString("latin1")
        .replace(/\(D:\d{14}[^)]*\)/g, "")
        .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "");
    // This file's module graph is fresh: the first render uses fontkit unmemoized.
    const data = ZCertificationSheetData.parse(educationalRecordSheet(40));
    registerSheetFonts();
    const plain = await renderToBuffer(
      createElement(CertificationSheet, { data, qrPng: await renderQrPng(data.verification.url) }) as Parameters<typeof renderToBuffer>[0],
    );
    await renderCertificationSheet(data);
    const memoized = await renderCertificationSheet(data);
    expect(strip(plain).match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(1);
    expect(strip(memoized)).toBe(strip(plain));
  }, 30_000);
});
