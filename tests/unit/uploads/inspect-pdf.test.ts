import { beforeAll, describe, expect, it } from "vitest";
import QRCode from "qrcode";
import { inspectPdf } from "@/lib/uploads/inspect-pdf";
import { MAX_PDF_PAGES } from "@/lib/uploads/limits";
import { UploadError, type TUploadErrorCode } from "@/lib/uploads/upload-error";
import { encryptWithQpdf, makePdf } from "./pdf-fixtures";

let valid: Buffer;

beforeAll(async () => {
  valid = await makePdf(3);
});

async function refusal(bytes: Uint8Array, limits?: Parameters<typeof inspectPdf>[1]): Promise<UploadError> {
  const outcome = await inspectPdf(bytes, limits).then(
    (r) => r,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(UploadError);
  return outcome as UploadError;
}

async function expectCode(bytes: Uint8Array, code: TUploadErrorCode, limits?: Parameters<typeof inspectPdf>[1]) {
  const e = await refusal(bytes, limits);
  expect(e.code).toBe(code);
  // Every refusal speaks to the citizen in Spanish, never in library jargon.
  expect(e.message).not.toMatch(/pdf-lib|Error:|undefined|Encrypted|xref/i);
  return e;
}

describe("inspectPdf accepts real PDFs", () => {
  it("returns the page count of a PDF made with pdf-lib (object streams)", async () => {
    expect(await inspectPdf(valid)).toEqual({ pages: 3 });
  });

  it("returns the page count of a PDF with a classic xref table", async () => {
    expect(await inspectPdf(await makePdf(1, { useObjectStreams: false }))).toEqual({ pages: 1 });
  });

  it("accepts a PDF rewritten by qpdf without encryption", async () => {
    const rewritten = await encryptWithQpdf(valid, ["--object-streams=generate"]);
    expect(await inspectPdf(rewritten)).toEqual({ pages: 3 });
  });

  it("accepts exactly the page limit", async () => {
    expect(await inspectPdf(await makePdf(MAX_PDF_PAGES))).toEqual({ pages: MAX_PDF_PAGES });
  });
});

describe("inspectPdf refuses what cannot be certified, with a clear reason", () => {
  it("0 bytes", async () => {
    await expectCode(new Uint8Array(0), "EMPTY");
  });

  it("a PNG renamed .pdf, saying it is an image", async () => {
    const png = await QRCode.toBuffer("https://example.test", { type: "png" });
    const e = await expectCode(png, "NOT_PDF");
    expect(e.message).toContain("imagen PNG");
  });

  it("a JPEG renamed .pdf", async () => {
    const jpeg = Buffer.concat([Buffer.from("ffd8ffe000104a464946000101", "hex"), Buffer.alloc(2000, 7)]);
    expect((await expectCode(jpeg, "NOT_PDF")).message).toContain("JPEG");
  });

  it("a text file renamed .pdf", async () => {
    const text = Buffer.from("Estimados señores:\nAdjunto mi certificado.\n%%EOF\n", "utf8");
    const e = await expectCode(text, "NOT_PDF");
    expect(e.message).toMatch(/no es un PDF/);
  });

  it("a truncated PDF (the download or the scan did not finish)", async () => {
    const truncated = valid.subarray(0, Math.floor(valid.length * 0.6));
    await expectCode(truncated, "DAMAGED");
  });

  it("a file with a PDF header and an end marker but nothing readable between", async () => {
    const junk = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(5000, 0x41), Buffer.from("\n%%EOF\n")]);
    await expectCode(junk, "DAMAGED");
  });

  it("an AES-256 encrypted PDF with a user password (qpdf)", async () => {
    const encrypted = await encryptWithQpdf(valid, ["--encrypt", "user", "owner", "256"]);
    await expectCode(encrypted, "ENCRYPTED");
  });

  it("an encrypted PDF that opens without a password (owner password only, object streams)", async () => {
    const encrypted = await encryptWithQpdf(valid, ["--object-streams=generate", "--encrypt", "", "owner", "256"]);
    await expectCode(encrypted, "ENCRYPTED");
  });

  it("an RC4 128-bit encrypted PDF with a classic trailer", async () => {
    const encrypted = await encryptWithQpdf(await makePdf(1, { useObjectStreams: false }), [
      "--object-streams=disable",
      "--allow-weak-crypto",
      "--encrypt",
      "u",
      "o",
      "128",
      "--use-aes=n",
    ]);
    await expectCode(encrypted, "ENCRYPTED");
  });

  it("more pages than allowed, telling how many", async () => {
    const e = await expectCode(await makePdf(MAX_PDF_PAGES + 1), "TOO_MANY_PAGES");
    expect(e.message).toContain(String(MAX_PDF_PAGES + 1));
  });

  it("more bytes than allowed", async () => {
    await expectCode(valid, "TOO_LARGE", { maxBytes: valid.length - 1 });
    expect(await inspectPdf(valid, { maxBytes: valid.length })).toEqual({ pages: 3 });
  });
});
