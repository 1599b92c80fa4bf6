import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FAST_DEFLATE_LEVEL } from "@/lib/pdf/compress-streams-fast";
import { renderCertificationSheet } from "@/lib/pdf/render-certification-sheet";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { run, withTempDir, writeTemp } from "./poppler";
import { educationalRecordSheet } from "./sheet-fixtures";
import { inflatedPdf, pdfStreams, renderSheetUnprepared, stripDates } from "./unprepared-render";

// Every Flate stream's stored (compressed) bytes.
const flateStreams = (pdf: Buffer) => pdfStreams(pdf).filter((s) => /\/FlateDecode/.test(s.dictionary)).map((s) => s.data);

describe("compressStreamsFast", () => {
  it("writes the sheet's streams at level 1, decompressing to exactly what pdfkit wrote at level 6", async () => {
    // The unprepared render compresses as pdfkit does (its own stream methods, at level 6).
    const data = ZCertificationSheetData.parse(educationalRecordSheet(40));
    const plain = await renderSheetUnprepared(data);
    const fast = await renderCertificationSheet(data);

    const plainStreams = flateStreams(plain);
    const fastStreams = flateStreams(fast);
    // Page contents, three font subsets and their ToUnicode maps, at least.
    expect(fastStreams.length).toBeGreaterThanOrEqual(8);
    expect(fastStreams).toHaveLength(plainStreams.length);
    fastStreams.forEach((stream, i) => {
      const content = inflateSync(stream);
      expect(content.equals(inflateSync(plainStreams[i])), `stream ${i + 1}`).toBe(true);
      expect(stream.equals(deflateSync(content, { level: FAST_DEFLATE_LEVEL })), `stream ${i + 1} at level 1`).toBe(true);
    });
    // Everything else is pdfkit's own, and the encoding is not: the bytes differ.
    expect(inflatedPdf(fast)).toBe(inflatedPdf(plain));
    expect(stripDates(fast)).not.toBe(stripDates(plain));
    // Well within a page of text more than pdfkit's default.
    expect(fast.length - plain.length).toBeLessThan(8_000);

    await withTempDir(async (dir) => {
      const file = await writeTemp(dir, "fast.pdf", fast);
      await run("qpdf", ["--check", file]);
      const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
      const plainFile = await writeTemp(dir, "plain.pdf", plain);
      const { stdout: plainText } = await run("pdftotext", ["-enc", "UTF-8", plainFile, "-"]);
      expect(stdout).toBe(plainText);
      expect(stdout).toContain("María José Ñúñez Peñate de Güinea");
    });
  }, 60_000);
});
