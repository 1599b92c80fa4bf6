import fs from "node:fs/promises";
import { createElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { buildQrPath } from "@/lib/pdf/build-qr-path";
import { CertificationSheet, type TSheetLayout } from "@/lib/pdf/certification-sheet";
import { renderCertificationSheet, sheetClosingOnPage2Holds, sheetFitsOnePage } from "@/lib/pdf/render-certification-sheet";
import { ZCertificationSheetData, type TCertificationSheetInput } from "@/lib/pdf/sheet-data";
import { run, withTempDir, writeTemp } from "./poppler";
import { educationalRecordSheet } from "./sheet-fixtures";

async function render(input: TCertificationSheetInput, layout: TSheetLayout) {
  const data = ZCertificationSheetData.parse(input);
  let rendered: unknown = null;
  const pdf = await renderToBuffer(
    createElement(CertificationSheet, { data, qr: buildQrPath(data.verification.url), layout, onRender: (r: object) => (rendered = r) }) as Parameters<typeof renderToBuffer>[0],
  );
  return { pdf, rendered };
}

// What a reader sees: every page rasterized, and every word with its box.
async function looks(dir: string, name: string, pdf: Buffer) {
  const file = await writeTemp(dir, `${name}.pdf`, pdf);
  await run("pdftoppm", ["-r", "100", "-gray", file, `${dir}/${name}`]);
  const pages = (await fs.readdir(dir)).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".pgm")).sort();
  const rasters = await Promise.all(pages.map((p) => fs.readFile(`${dir}/${p}`)));
  const { stdout } = await run("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"]);
  return { rasters, words: stdout.replace(/<meta[^>]*>/g, "") };
}

const withRows = (rows: number) => educationalRecordSheet(rows, { attachedPages: 4 });

describe("renderCertificationSheet's shortcuts", () => {
  // Fixture sheets: 1 to 4 rows fit one page (issue #12, point 11: 4 rows left the closing block
  // alone on a second page); 6 rows leave the signers and the verification box for page 2; 20 rows
  // run the table itself onto page 2.
  it.each([
    [1, 1],
    [4, 1],
    [6, 2],
    [20, 2],
  ])("prints exactly the pages of the flowing layout (%i study rows, %i pages)", async (rows, pageCount) => {
    const input = withRows(rows);
    const oursPdf = await renderCertificationSheet(input);
    const flowingPdf = (await render(input, "flowing")).pdf;
    // Up to two pages the shortcut is taken: written differently (dates aside), printed the same.
    const strip = (pdf: Buffer) => pdf.toString("latin1").replace(/\(D:\d{14}[^)]*\)/g, "").replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "");
    expect(strip(oursPdf) === strip(flowingPdf)).toBe(rows === 20);
    await withTempDir(async (dir) => {
      const ours = await looks(dir, "ours", oursPdf);
      const flowing = await looks(dir, "flowing", flowingPdf);
      expect(ours.rasters).toHaveLength(pageCount);
      expect(flowing.rasters).toHaveLength(pageCount);
      ours.rasters.forEach((raster, i) => expect(raster.equals(flowing.rasters[i]), `page ${i + 1}`).toBe(true));
      expect(ours.words).toBe(flowing.words);
    });
  }, 60_000);

  it("reads React-PDF's layout: what fits one page, and when the closing block alone goes to page 2", async () => {
    expect(sheetFitsOnePage((await render(withRows(1), "one-page")).rendered)).toBe(true);
    expect(sheetFitsOnePage((await render(withRows(4), "one-page")).rendered)).toBe(true);
    expect(sheetFitsOnePage((await render(withRows(6), "one-page")).rendered)).toBe(false);
    expect(sheetClosingOnPage2Holds((await render(withRows(6), "closing-on-page-2")).rendered)).toBe(true);
    // All of it fits one page: the flowing layout would not start a second one.
    expect(sheetClosingOnPage2Holds((await render(withRows(1), "closing-on-page-2")).rendered)).toBe(false);
    // The table runs past page 1: the flowing layout cuts it, not before the closing block.
    expect(sheetClosingOnPage2Holds((await render(withRows(20), "closing-on-page-2")).rendered)).toBe(false);
    // Anything else than a layout tree is "does not fit".
    expect(sheetFitsOnePage({})).toBe(false);
    expect(sheetClosingOnPage2Holds(null)).toBe(false);
  }, 60_000);
});
