import fs from "node:fs/promises";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { buildCertificationPdf } from "@/lib/pdf/build-certification-pdf";
import { SIGNATURE_BOX_HEIGHT } from "@/lib/pdf/certification-sheet";
import { extractSignatureBoxes, signatureBoxUri } from "@/lib/pdf/extract-signature-boxes";
import { renderCertificationSheetDocument } from "@/lib/pdf/render-certification-sheet";
import type { TCertificationSheetInput, TSignatureBox } from "@/lib/pdf/sheet-data";
import { pdfPageCount, pdfWordBoxes, run, withTempDir, writeTemp } from "./poppler";
import { makeJpegScan } from "./scan-fixtures";
import { educationalRecordSheet, swornTranslationSheet } from "./sheet-fixtures";

const LETTER = { width: 612, height: 792 };
// The page's side padding, and the two signer columns (each half the width, 8 pt apart from the
// middle): certification-sheet.tsx.
const LEFT_COLUMN = [56, 298];
const RIGHT_COLUMN = [314, 556];

const withRoles = (input: TCertificationSheetInput): TCertificationSheetInput => ({
  ...input,
  signers: input.signers.map((s, i, all) => ({ ...s, role: i === all.length - 1 ? "CENTRAL" : "DIDEDUC" })),
});

// Gray levels of one page at 4 pixels per point (pdftoppm -r 288 -gray, binary PGM).
async function rasterize(dir: string, pdf: Buffer, pageIndex: number) {
  const file = await writeTemp(dir, `raster-${pageIndex}.pdf`, pdf);
  const prefix = `${dir}/raster-${pageIndex}`;
  await run("pdftoppm", ["-f", String(pageIndex + 1), "-l", String(pageIndex + 1), "-r", "288", "-gray", "-singlefile", file, prefix]);
  const pgm = await fs.readFile(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString("latin1", 0, 40))!;
  const width = Number(header[1]);
  const pixels = pgm.subarray(header[0].length);
  // Point coordinates (PDF user space, origin bottom left) to the pixel there.
  return (x: number, y: number) => pixels[Math.floor((LETTER.height - y) * 4) * width + Math.floor(x * 4)];
}

// The frame the sheet prints around the box: its 0.75 pt border lies just inside the box's edges,
// and the paper just outside them is blank. Sampled along the middle half of each edge.
async function expectFrameAt(dir: string, pdf: Buffer, box: TSignatureBox) {
  const at = await rasterize(dir, pdf, box.pageIndex);
  const [left, bottom, right, top] = box.rect;
  const along = (from: number, to: number) => Array.from({ length: 9 }, (_, i) => from + ((to - from) * (i + 3)) / 14);
  const inside = 0.4;
  const outside = 0.6;
  for (const x of along(left, right)) {
    expect(at(x, top - inside), `top edge at x=${x}`).toBeLessThan(240);
    expect(at(x, top + outside), `above the top edge at x=${x}`).toBe(255);
    expect(at(x, bottom + inside), `bottom edge at x=${x}`).toBeLessThan(240);
    expect(at(x, bottom - outside), `below the bottom edge at x=${x}`).toBe(255);
  }
  for (const y of along(bottom, top)) {
    expect(at(left + inside, y), `left edge at y=${y}`).toBeLessThan(240);
    expect(at(left - outside, y), `left of the left edge at y=${y}`).toBe(255);
    expect(at(right - inside, y), `right edge at y=${y}`).toBeLessThan(240);
    expect(at(right + outside, y), `right of the right edge at y=${y}`).toBe(255);
    // Empty inside: the appearance is drawn there by the signature, not printed on the sheet.
    expect(at((left + right) / 2, y), `inside the box at y=${y}`).toBe(255);
  }
}

describe("signature boxes on the certification sheet", { timeout: 60_000 }, () => {
  it("one page: both boxes on page 1, side by side, each exactly where its frame is printed", async () => {
    const { doc, signatureBoxes } = await renderCertificationSheetDocument(withRoles(educationalRecordSheet(1)));
    expect(doc.getPageCount()).toBe(1);
    expect(signatureBoxes.map((b) => [b.signer, b.role, b.pageIndex])).toEqual([
      [0, "DIDEDUC", 0],
      [1, "CENTRAL", 0],
    ]);
    const [dideduc, central] = signatureBoxes;
    expect([dideduc.rect[0], dideduc.rect[2]]).toEqual(LEFT_COLUMN);
    expect([central.rect[0], central.rect[2]]).toEqual(RIGHT_COLUMN);
    for (const box of signatureBoxes) expect(box.rect[3] - box.rect[1]).toBeCloseTo(SIGNATURE_BOX_HEIGHT, 6);
    expect(central.rect[1]).toBe(dideduc.rect[1]);
    const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
    await withTempDir(async (dir) => {
      for (const box of signatureBoxes) await expectFrameAt(dir, pdf, box);
    });
  });

  it("closing block on page 2: the boxes are on page 2, right above each signer's caption", async () => {
    const { doc, signatureBoxes } = await renderCertificationSheetDocument(withRoles(educationalRecordSheet(6)));
    expect(doc.getPageCount()).toBe(2);
    expect(signatureBoxes.map((b) => b.pageIndex)).toEqual([1, 1]);
    const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
    await withTempDir(async (dir) => {
      for (const box of signatureBoxes) await expectFrameAt(dir, pdf, box);
      // The caption "Firmado electrónicamente por" starts just under each box, in its column.
      const words = await pdfWordBoxes(await writeTemp(dir, "sheet.pdf", pdf));
      const captions = words.filter((w) => w.word === "Firmado");
      expect(captions.map((w) => w.page)).toEqual([2, 2]);
      captions.forEach((caption, i) => {
        const [left, bottom] = signatureBoxes[i].rect;
        expect(caption.xMin).toBeCloseTo(left, 0);
        // pdftotext's y grows downwards from the top of the page.
        const gap = caption.yMin - (LETTER.height - bottom);
        expect(gap).toBeGreaterThan(6);
        expect(gap).toBeLessThan(16);
      });
    });
  });

  it("a table that runs over pages (flowing layout): the boxes are on the last page", async () => {
    const { doc, signatureBoxes } = await renderCertificationSheetDocument(withRoles(educationalRecordSheet(40)));
    const last = doc.getPageCount() - 1;
    expect(last).toBeGreaterThanOrEqual(2);
    expect(signatureBoxes.map((b) => b.pageIndex)).toEqual([last, last]);
    const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
    await withTempDir(async (dir) => {
      for (const box of signatureBoxes) await expectFrameAt(dir, pdf, box);
    });
  });

  it("one signer (D.3): one box, in the right half beside the caption; a signer without a role gets a box without one", async () => {
    const { doc, signatureBoxes } = await renderCertificationSheetDocument(swornTranslationSheet());
    expect(signatureBoxes).toHaveLength(1);
    const [box] = signatureBoxes;
    expect(box).not.toHaveProperty("role");
    expect(box).toMatchObject({ signer: 0, pageIndex: 0 });
    expect([box.rect[0], box.rect[2]]).toEqual(RIGHT_COLUMN);
    const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
    await withTempDir(async (dir) => {
      await expectFrameAt(dir, pdf, box);
      // The caption is in the left half, level with the box: the row is no taller than the caption.
      const caption = (await pdfWordBoxes(await writeTemp(dir, "d3.pdf", pdf))).find((w) => w.word === "Firmado")!;
      expect(caption.xMin).toBeLessThan(LEFT_COLUMN[1]);
      expect(LETTER.height - caption.yMin).toBeLessThanOrEqual(box.rect[3]);
      expect(LETTER.height - caption.yMax).toBeGreaterThan(box.rect[1]);
    });
  });

  it("leaves no marker link in the merged document, and records the boxes in the data to store", async () => {
    const built = await buildCertificationPdf({ sheet: withRoles(educationalRecordSheet(6)), scans: [await makeJpegScan(1)] });
    expect(built.pdf.includes("certifica:firma")).toBe(false);
    expect(built.pdf.includes("/Link")).toBe(false);
    expect(built.data.signatureBoxes?.map((b) => [b.role, b.pageIndex])).toEqual([
      ["DIDEDUC", 1],
      ["CENTRAL", 1],
    ]);
    // The sheet comes first: the page index is the merged document's too.
    expect(built.sheetPages).toBe(2);
    await withTempDir(async (dir) => {
      expect(await pdfPageCount(await writeTemp(dir, "merged.pdf", built.pdf))).toBe(3);
      for (const box of built.data.signatureBoxes!) await expectFrameAt(dir, built.pdf, box);
    });
    // A value given in the input is not trusted: the render's boxes replace it.
    const again = await buildCertificationPdf({
      sheet: { ...withRoles(educationalRecordSheet(6)), signatureBoxes: [{ signer: 0, pageIndex: 0, rect: [0, 0, 1, 1] }] },
      scans: [await makeJpegScan(1)],
    });
    expect(again.data.signatureBoxes).toEqual(built.data.signatureBoxes);
  });
});

describe("extractSignatureBoxes", () => {
  it("takes only the marker links, keeps every other annotation, and drops an /Annots left empty", async () => {
    const doc = await PDFDocument.create();
    const first = doc.addPage([612, 792]);
    const second = doc.addPage([612, 792]);
    const link = (uri: string, rect: number[]) =>
      doc.context.register(doc.context.obj({ Type: "Annot", Subtype: "Link", Rect: rect, A: doc.context.register(doc.context.obj({ S: "URI", URI: PDFString.of(uri) })) }));
    const other = link("https://www.mineduc.gob.gt/", [10, 10, 50, 20]);
    // Page 1: an indirect /Annots array with an ordinary link and the central box (top-down corners).
    first.node.set(PDFName.of("Annots"), doc.context.register(doc.context.obj([other, link(signatureBoxUri(1), [314, 740, 556, 686])])));
    // Page 2: only the first signer's box, inline.
    second.node.set(PDFName.of("Annots"), doc.context.obj([link(signatureBoxUri(0), [56.5, 100.25, 298, 154.25])]));

    expect(extractSignatureBoxes(doc)).toEqual([
      { signer: 0, pageIndex: 1, rect: [56.5, 100.25, 298, 154.25] },
      { signer: 1, pageIndex: 0, rect: [314, 686, 556, 740] },
    ]);
    const kept = first.node.lookup(PDFName.of("Annots"), PDFArray);
    expect(kept.size()).toBe(1);
    expect(kept.lookup(0, PDFDict).lookup(PDFName.of("A"), PDFDict).lookup(PDFName.of("URI"), PDFString).decodeText()).toBe("https://www.mineduc.gob.gt/");
    expect(second.node.get(PDFName.of("Annots"))).toBeUndefined();
    const saved = Buffer.from(await doc.save({ useObjectStreams: false }));
    expect(saved.includes("certifica:firma")).toBe(false);
    expect(saved.includes("www.mineduc.gob.gt")).toBe(true);
    // Nothing left to find the second time.
    expect(extractSignatureBoxes(await PDFDocument.load(saved))).toEqual([]);
  });
});
