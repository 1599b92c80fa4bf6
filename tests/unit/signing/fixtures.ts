import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { readXrefTable } from "@/lib/pdf/signatures/read-xref-table";
import type { TSignPdfOptions } from "@/lib/signing/sign-pdf";

// A small document as the platform produces them: pdf-lib, classic cross-reference tables.
export async function makeTestPdf(options: { pages?: number; useObjectStreams?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle("Certificación de estudios");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < (options.pages ?? 2); i++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`Página ${i + 1}: certificación electrónica de documentos, Ministerio de Educación`, { x: 40, y: 740, size: 11, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: options.useObjectStreams ?? false }));
}

// A JPEG that pdf-lib accepts (it reads only the frame header) and that no one needs to decode:
// random entropy-coded data of the requested size, with 0xFF bytes avoided so no marker appears.
export function syntheticJpeg(bytes: number, width = 1700, height = 2200): Buffer {
  const header = Buffer.from([
    0xff, 0xd8, // SOI
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, // APP0 JFIF
    0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00, // SOF0, gray
    0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, // SOS
  ]);
  const data = randomBytes(Math.max(0, bytes - header.length - 2));
  for (let i = 0; i < data.length; i++) if (data[i] === 0xff) data[i] = 0xfe;
  return Buffer.concat([header, data, Buffer.from([0xff, 0xd9])]);
}

// A scanned document of `pages` pages totalling about `totalBytes`.
export async function makeScanPdf(pages: number, totalBytes: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const image = await doc.embedJpg(syntheticJpeg(Math.floor(totalBytes / pages)));
    doc.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export function signingOptions(name: string, overrides: Partial<TSignPdfOptions> = {}): TSignPdfOptions {
  return {
    reason: "Certificación electrónica de documento educativo",
    location: "Ciudad de Guatemala, Guatemala",
    name,
    contactInfo: "certificacion@mineduc.gob.gt",
    signingTime: new Date(),
    ...overrides,
  };
}

let workDir: string | undefined;
export function writeTemp(name: string, data: Buffer): string {
  workDir ??= mkdtempSync(path.join(tmpdir(), "certifica-signing-"));
  const file = path.join(workDir, name);
  writeFileSync(file, data);
  return file;
}

// What an editor does to a signed file: an incremental update after the last signature, here
// replacing the document information dictionary.
export function appendIncrementalUpdate(pdf: Buffer): Buffer {
  const xref = readXrefTable(pdf);
  const root = xref.trailer.entries.get("Root");
  const info = xref.trailer.entries.get("Info");
  if (root?.kind !== "ref" || info?.kind !== "ref") throw new Error("se esperaba /Root e /Info");
  const head = `\n${info.num} 0 obj\n<< /Title (Documento alterado) /Producer (otro editor) >>\nendobj\n`;
  const objectOffset = pdf.length + 1;
  const xrefOffset = pdf.length + head.length;
  const tail =
    `xref\n${info.num} 1\n${String(objectOffset).padStart(10, "0")} 00000 n\r\n` +
    `trailer\n<< /Size ${xref.size} /Root ${root.num} 0 R /Info ${info.num} 0 R /Prev ${xref.startxref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(head + tail, "latin1")]);
}
