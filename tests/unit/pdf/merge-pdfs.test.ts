import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PDFDocument, PDFHeader } from "pdf-lib";
import { buildCertificationPdf } from "@/lib/pdf/build-certification-pdf";
import { mergePdfs, PdfMergeError } from "@/lib/pdf/merge-pdfs";
import { renderCertificationSheet } from "@/lib/pdf/render-certification-sheet";
import { buildSignatureUpdate } from "@/lib/signing/build-signature-update";
import { makeScanPdf } from "../signing/fixtures";
import { encryptWithQpdf, makePdf } from "../uploads/pdf-fixtures";
import { pdfImages, pdfPageCount, pdfPagesText, run, withTempDir, writeTemp } from "./poppler";
import { makeJpegScan } from "./scan-fixtures";
import { CODE, URL_, educationalRecordSheet } from "./sheet-fixtures";

// The last cross-reference section must be a classic table: the signing step appends
// incremental updates and reads only classic tables (lib/signing/build-signature-update.ts).
function expectClassicXref(pdf: Buffer) {
  const text = pdf.toString("latin1");
  expect(text).not.toMatch(/\/Type\s*\/XRef\b/);
  expect(text).not.toMatch(/\/Type\s*\/ObjStm\b/);
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 4)).toBe("xref");
}

async function expectQpdfClean(file: string) {
  const { stdout, stderr } = await run("qpdf", ["--check", file]);
  expect(stderr).toBe("");
  expect(stdout).toContain("No syntax or stream encoding errors found");
}

// Rendering a sheet and merging scans (pdf-lib, then qpdf/pdfimages/pdfdetach to check) takes
// 1–4 s a test when idle and over 5 s on a busy 2-core machine. The timeouts only catch a hang.
const PDF_WORK_TIMEOUT = 30_000;

describe("mergePdfs", { timeout: PDF_WORK_TIMEOUT }, () => {
  let sheet: Buffer;
  let sheetPages: number;

  beforeAll(async () => {
    sheet = await renderCertificationSheet(educationalRecordSheet(6));
    sheetPages = (await PDFDocument.load(sheet)).getPageCount();
  }, PDF_WORK_TIMEOUT);

  it("puts the sheet pages first, then the scan's two pages, with a classic xref that qpdf accepts", async () => {
    const scan = await makePdf(2); // written with object streams, as many scanners do
    const merged = await mergePdfs({ sheet, scans: [scan] });
    expectClassicXref(merged);
    expect(merged.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
    await withTempDir(async (dir) => {
      const file = await writeTemp(dir, "merged.pdf", merged);
      await expectQpdfClean(file);
      expect(await pdfPageCount(file)).toBe(sheetPages + 2);
      const pages = await pdfPagesText(file);
      expect(pages[0]).toContain("PÁGINA DE CERTIFICACIÓN");
      expect(pages[sheetPages - 1]).toContain(CODE);
      expect(pages[sheetPages]).toContain("Certificado de estudios - pagina 1");
      expect(pages[sheetPages + 1]).toContain("Certificado de estudios - pagina 2");
    });
  });

  it("keeps several scans in order", async () => {
    const merged = await mergePdfs({ sheet, scans: [await makePdf(1), await makePdf(3)] });
    const doc = await PDFDocument.load(merged);
    expect(doc.getPageCount()).toBe(sheetPages + 4);
  });

  it("is ready for the signing step: a signature field is added to it as an incremental update", async () => {
    const merged = await mergePdfs({ sheet, scans: [await makePdf(2)] });
    const { update } = buildSignatureUpdate(merged, {
      reason: "Certificación",
      location: "Guatemala",
      name: "Prueba",
      signingTime: new Date(),
      subFilter: "ETSI.CAdES.detached",
      contentsLength: 4096,
    });
    const withPlaceholder = Buffer.concat([merged, update]);
    await withTempDir(async (dir) => {
      const file = await writeTemp(dir, "placeholder.pdf", withPlaceholder);
      expect(await pdfPageCount(file)).toBe(sheetPages + 2);
      await expectQpdfClean(file);
    });
  });

  it("writes exactly the bytes stock pdf-lib writes (large scan streams are only moved faster)", async () => {
    const scans = [await makeScanPdf(3, 600_000), await makePdf(2)];
    const now = new Date("2026-03-15T10:00:00Z");
    const ours = await mergePdfs({ sheet, scans, now });
    const stock = await PDFDocument.load(sheet, { updateMetadata: false });
    for (const scan of scans) {
      const doc = await PDFDocument.load(scan, { updateMetadata: false });
      for (const page of await stock.copyPages(doc, doc.getPageIndices())) stock.addPage(page);
    }
    stock.context.header = PDFHeader.forVersion(1, 7);
    stock.setModificationDate(now);
    const expected = Buffer.from(await stock.save({ useObjectStreams: false }));
    expect(ours.length).toBe(expected.length);
    expect(ours.equals(expected)).toBe(true);
  });

  it("copies scanned images without re-encoding them", async () => {
    const scan = await makeJpegScan(2);
    const merged = await mergePdfs({ sheet, scans: [scan] });
    await withTempDir(async (dir) => {
      const scanFile = await writeTemp(dir, "scan.pdf", scan);
      const mergedFile = await writeTemp(dir, "merged.pdf", merged);
      const before = (await pdfImages(scanFile)).filter((i) => i.type === "image");
      const after = (await pdfImages(mergedFile)).filter((i) => i.type === "image" && i.page > sheetPages);
      expect(after.map((i) => [i.width, i.height])).toEqual(before.map((i) => [i.width, i.height]));
      // Same JPEG bytes in and out.
      await run("pdfimages", ["-j", "-f", "1", "-l", "1", scanFile, path.join(dir, "in")]);
      await run("pdfimages", ["-j", "-f", String(sheetPages + 1), "-l", String(sheetPages + 1), mergedFile, path.join(dir, "out")]);
      const a = await fs.readFile(path.join(dir, "in-000.jpg"));
      const b = await fs.readFile(path.join(dir, "out-000.jpg"));
      expect(b.equals(a)).toBe(true);
    });
  });

  it("names the encrypted scan in a clear error", async () => {
    const locked = await encryptWithQpdf(await makePdf(1), ["--encrypt", "usuario", "dueno", "256"]);
    const err = await mergePdfs({ sheet, scans: [await makePdf(1), locked] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfMergeError);
    expect((err as PdfMergeError).code).toBe("ENCRYPTED");
    expect((err as PdfMergeError).message).toBe(
      "El documento escaneado n.º 2 está protegido con contraseña o cifrado y no se puede incorporar a la certificación.",
    );
  });

  it("refuses a scan that opens without a password but is still encrypted", async () => {
    const restricted = await encryptWithQpdf(await makePdf(1), ["--encrypt", "", "dueno", "256", "--modify=none"]);
    const err = await mergePdfs({ sheet, scans: [restricted] }).catch((e: unknown) => e);
    expect((err as PdfMergeError).code).toBe("ENCRYPTED");
  });

  it("refuses bytes that are not a PDF", async () => {
    const err = await mergePdfs({ sheet, scans: [Buffer.from("\x89PNG\r\n\x1a\n no es un pdf")] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfMergeError);
    expect((err as PdfMergeError).code).toBe("INVALID");
    expect((err as PdfMergeError).message).toContain("documento escaneado n.º 1");
  });

  it("embeds an attachment that extracts byte for byte (pdfdetach)", async () => {
    const original = await makePdf(1);
    const merged = await mergePdfs({
      sheet,
      scans: [],
      attachments: [{ name: "expediente-archivo-firmado.pdf", bytes: original, description: "Expediente firmado por el Archivo" }],
    });
    expectClassicXref(merged);
    await withTempDir(async (dir) => {
      const file = await writeTemp(dir, "with-attachment.pdf", merged);
      await expectQpdfClean(file);
      const { stdout } = await run("pdfdetach", ["-list", file]);
      expect(stdout).toContain("1 embedded files");
      expect(stdout).toContain("expediente-archivo-firmado.pdf");
      const out = path.join(dir, "out");
      await fs.mkdir(out);
      await run("pdfdetach", ["-saveall", "-o", out, file]);
      const extracted = await fs.readFile(path.join(out, "expediente-archivo-firmado.pdf"));
      expect(crypto.createHash("sha256").update(extracted).digest("hex")).toBe(
        crypto.createHash("sha256").update(original).digest("hex"),
      );
    });
  });
});

describe("buildCertificationPdf", { timeout: PDF_WORK_TIMEOUT }, () => {
  it("renders and merges, stating on the sheet how many scanned pages follow", async () => {
    const built = await buildCertificationPdf({
      sheet: educationalRecordSheet(6),
      scans: [await makePdf(2), await makePdf(1)],
    });
    expect(built.data.attachedPages).toBe(3);
    expect(built.totalPages).toBe(built.sheetPages + 3);
    expectClassicXref(built.pdf);
    await withTempDir(async (dir) => {
      const file = await writeTemp(dir, "built.pdf", built.pdf);
      await expectQpdfClean(file);
      expect(await pdfPageCount(file)).toBe(built.totalPages);
      const text = (await pdfPagesText(file)).slice(0, built.sheetPages).join("\n");
      expect(text).toContain("A esta hoja siguen 3 páginas de documentos digitalizados");
      expect(text).toContain(URL_);
    });
  });

  it("names embedded attachments on the sheet (D.1.2)", async () => {
    const original = await makePdf(2);
    const built = await buildCertificationPdf({
      sheet: educationalRecordSheet(1),
      scans: [original],
      attachments: [{ name: "expediente-graduacion.pdf", bytes: original }],
    });
    expect(built.data.attachmentNames).toEqual(["expediente-graduacion.pdf"]);
    await withTempDir(async (dir) => {
      const file = await writeTemp(dir, "built.pdf", built.pdf);
      const text = (await pdfPagesText(file)).join("\n");
      expect(text).toContain("Se incorpora como archivo adjunto, sin alteración alguna, el documento «expediente-graduacion.pdf».");
    });
  });

  it("fails on a bad scan before rendering anything", async () => {
    const err = await buildCertificationPdf({
      sheet: educationalRecordSheet(1),
      scans: [Buffer.from("%PDF-1.7\nroto")],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfMergeError);
  });
});

describe("merge of a large scan", () => {
  // Its speed is measured by `npm run bench` (merge line of the breakdown), not asserted here.
  it("merges a 10-page, ~5 MB scanned PDF behind the sheet: every page kept, no bigger than its parts", async () => {
    const scan = await makeJpegScan(10);
    expect(scan.length).toBeGreaterThan(4_000_000);
    const sheet = await renderCertificationSheet(educationalRecordSheet(6));
    const merged = await mergePdfs({ sheet, scans: [scan] });
    expect(merged.length).toBeGreaterThan(scan.length);
    expect(merged.length).toBeLessThan(scan.length + sheet.length + 100_000);
    expect((await PDFDocument.load(merged)).getPageCount()).toBe((await PDFDocument.load(sheet)).getPageCount() + 10);
  }, 60_000);
});
