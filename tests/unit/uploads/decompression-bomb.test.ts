import { randomBytes } from "node:crypto";
import zlib from "node:zlib";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { findPdfStreams } from "@/lib/uploads/find-pdf-streams";
import { inspectPdf, type TInspectPdfLimits } from "@/lib/uploads/inspect-pdf";
import { MAX_DECODED_MB } from "@/lib/uploads/limits";
import { measureDecodedStreams } from "@/lib/uploads/measure-decoded-streams";
import { UploadError } from "@/lib/uploads/upload-error";
import { makeScanPdf } from "../signing/fixtures";
import { ascii85Encode, lzwZeroBomb, pdfWithObjectStream, pdfWithStream, runLengthEncode, zlibBomb } from "./pdf-fixtures";

const MIB = 1024 * 1024;
// Small limits keep most cases to a few MiB of inflating; the defaults are exercised on the
// issue's own file below. Same rule: at most 8 MiB in all, at most 100× the file past 2 MiB.
const SMALL: TInspectPdfLimits = { maxDecodedBytes: 8 * MIB, maxDecodeRatio: 100, decodeRatioFloorBytes: 2 * MIB };

function uncompressedStream(data: Buffer): string {
  return Buffer.concat([Buffer.from(`<< /Length ${data.length} >>\nstream\n`, "latin1"), data, Buffer.from("\nendstream", "latin1")]).toString("latin1");
}

async function outcome(pdf: Buffer, limits?: TInspectPdfLimits): Promise<{ pages: number } | UploadError> {
  return inspectPdf(pdf, limits).catch((e: unknown) => {
    if (e instanceof UploadError) return e;
    throw e;
  });
}

async function expectBomb(pdf: Buffer, limits?: TInspectPdfLimits): Promise<UploadError> {
  const result = await outcome(pdf, limits);
  expect(result).toBeInstanceOf(UploadError);
  const e = result as UploadError;
  expect(e.code).toBe("DECOMPRESSION_BOMB");
  expect(e.status).toBe(422);
  return e;
}

// What the probe uploaded: a normal pdf-lib page whose content stream is a deflate bomb.
async function pageWithContentBomb(mib: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.node.addContentStream(doc.context.register(doc.context.stream(zlibBomb(mib), { Filter: "FlateDecode" })));
  return Buffer.from(await doc.save());
}

describe("decompression bombs are refused before anything inflates them whole", () => {
  // ≈ 0.3 s of inflating 64 MiB on an idle machine; the timeout is for a busy one, not a speed claim.
  it("the issue's file: ≈ 0.5 MB whose page content inflates to 512 MiB, with the default limits", { timeout: 60_000 }, async () => {
    const pdf = await pageWithContentBomb(512);
    expect(pdf.length).toBeLessThan(600_000);
    const e = await expectBomb(pdf);
    // Spanish, with the figures the citizen can act on.
    expect(e.message).toBe(
      "El PDF contiene datos comprimidos que al abrirse ocupan más de 64 MB, demasiado para un archivo de 0,5 MB. " +
        "No se puede certificar así: vuelva a escanear el documento o guárdelo como PDF desde otro programa e inténtelo de nuevo.",
    );
  });

  it("stops inflating at the bound: bounded memory and work, whatever the stream expands to", async () => {
    const pdf = await pageWithContentBomb(512);
    const budget = 4 * MIB;
    const measured = await measureDecodedStreams(pdf, findPdfStreams(pdf), { budget, inputBudget: 10 * pdf.length });
    expect(measured.exceeded).toBe(true);
    // One 64 KB output chunk past the budget at most, out of 512 MiB.
    expect(measured.decodedBytes).toBeGreaterThan(budget);
    expect(measured.decodedBytes).toBeLessThanOrEqual(budget + 64 * 1024);
  });

  it("bounds the total over all streams, not each stream", async () => {
    // Three streams of 3 MiB each: each under 8 MiB, together over it.
    const bomb = zlibBomb(3);
    const stream = Buffer.concat([Buffer.from(`<< /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`, "latin1"), bomb, Buffer.from("\nendstream", "latin1")]);
    const pdf = pdfWithStream("/Filter /FlateDecode", bomb, [stream.toString("latin1"), stream.toString("latin1")]);
    // Each alone is accepted …
    expect(await outcome(pdfWithStream("/Filter /FlateDecode", bomb), { ...SMALL, maxDecodeRatio: 10_000 })).toEqual({ pages: 1 });
    // … three are not.
    await expectBomb(pdf, { ...SMALL, maxDecodeRatio: 10_000 });
  });

  it("bounds the ratio to the file's size past the floor, and never below the floor", async () => {
    // ≈ 3 KB decoding to 3 MiB: over 100× and over the 2 MiB floor.
    await expectBomb(pdfWithStream("/Filter /FlateDecode", zlibBomb(3)), SMALL);
    // 1 MiB is under the floor, whatever the ratio.
    expect(await outcome(pdfWithStream("/Filter /FlateDecode", zlibBomb(1)), SMALL)).toEqual({ pages: 1 });
    // A file large enough for its ratio: 3 MiB from a file of more than 30 KB is accepted.
    const padded = pdfWithStream("/Filter /FlateDecode", zlibBomb(3), [`<< /Padding (${"x".repeat(40_000)}) >>`]);
    expect(await outcome(padded, SMALL)).toEqual({ pages: 1 });
  });

  it("bounds the total whatever the ratio", async () => {
    // 200 KB of incompressible bytes beside 9 MiB: the ratio (≈ 46×) is fine, the total is not.
    await expectBomb(pdfWithStream("/Filter /FlateDecode", zlibBomb(9), [uncompressedStream(randomBytes(200_000))]), SMALL);
  });

  // ≈ 1 s of inflating on an idle machine; the timeout is for a busy one, not a speed claim.
  it(`the default total bound is ${MAX_DECODED_MB} MB, for a file large enough that the ratio allows more`, { timeout: 60_000 }, async () => {
    const bomb = pdfWithStream("/Filter /FlateDecode", zlibBomb(256), [uncompressedStream(randomBytes(3 * MIB))]);
    const e = await expectBomb(bomb);
    expect(e.message).toContain(`ocupan más de ${MAX_DECODED_MB} MB, demasiado para un archivo de 3,`);
  });

  it("an object stream that inflates to its objects plus megabytes of padding (read before pdf-lib inflates it)", async () => {
    // The same construction with a little padding is a PDF pdf-lib reads: the fixture is sound.
    expect(await outcome(pdfWithObjectStream(1), SMALL)).toEqual({ pages: 1 });
    await expectBomb(pdfWithObjectStream(16), SMALL);
  });

  it("chained filters: deflate of a deflate bomb, a few KB for 64+ MiB, caught on the final output", async () => {
    const twice = zlib.deflateSync(zlibBomb(100));
    expect(twice.length).toBeLessThan(10_000);
    await expectBomb(pdfWithStream("/Filter [/FlateDecode /FlateDecode]", twice), SMALL);
    await expectBomb(pdfWithStream("/Filter [/ASCII85Decode /FlateDecode]", ascii85Encode(zlibBomb(9))), SMALL);
    await expectBomb(pdfWithStream("/Filter [/ASCIIHexDecode /FlateDecode]", Buffer.from(zlibBomb(9).toString("hex") + ">")), SMALL);
  });

  it("filter names written with #xx escapes or short names, or given by reference", async () => {
    await expectBomb(pdfWithStream("/Filter /Fl#61teDecode", zlibBomb(9)), SMALL);
    await expectBomb(pdfWithStream("/Filter /Fl", zlibBomb(9)), SMALL);
    // /Filter 5 0 R: what the filter is cannot be read here; the data is a zlib stream, so inflated.
    await expectBomb(pdfWithStream("/Filter 5 0 R", zlibBomb(9), ["/FlateDecode"]), SMALL);
    // A string in the dictionary that looks like an object header does not hide the filter.
    await expectBomb(pdfWithStream("/Filter [/ASCII85Decode /FlateDecode] /Note (5 0 obj <<)", ascii85Encode(zlibBomb(9))), SMALL);
  });

  it("LZW, which expands even more than deflate (3 839 bytes per 12-bit code)", async () => {
    const lzw = lzwZeroBomb(9 * MIB);
    expect(lzw.length).toBeLessThan(10_000);
    await expectBomb(pdfWithStream("/Filter /LZWDecode", lzw), SMALL);
  });

  it("RunLength", async () => {
    expect(runLengthEncode(Buffer.alloc(1000)).equals(Buffer.from([129, 0, 129, 0, 129, 0, 129, 0, 129, 0, 129, 0, 129, 0, 153, 0, 128]))).toBe(true);
    // 128 zeros per two bytes, the most RunLength can do.
    const runs = Buffer.alloc(2 * 74_000).fill(Buffer.from([129, 0]));
    await expectBomb(pdfWithStream("/Filter /RunLengthDecode", Buffer.concat([runs, Buffer.from([128])])), SMALL);
  });

  it("accepts a scan made of JPEG images (not decoded: their size is the declared image's)", async () => {
    expect(await outcome(await makeScanPdf(2, 1_000_000), SMALL)).toEqual({ pages: 2 });
  });

  it("does not refuse a stream that is merely corrupt: readers stop there, and pdf-lib decides", async () => {
    const corrupt = Buffer.concat([zlibBomb(1).subarray(0, 300), Buffer.from("not deflate data at all")]);
    expect(await outcome(pdfWithStream("/Filter /FlateDecode", corrupt), SMALL)).toEqual({ pages: 1 });
  });
});
