import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDocument, StandardFonts } from "pdf-lib";

const run = promisify(execFile);

// A real PDF with `pages` pages of text, as a scanner or a word processor would hand it over.
// Each call gets its own serial so two calls never produce the same bytes.
export async function makePdf(pages = 2, options: { useObjectStreams?: boolean } = {}): Promise<Buffer> {
  const serial = randomBytes(6).toString("hex");
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([612, 792]);
    page.drawText(`Certificado de estudios - pagina ${i} - ${serial}`, { x: 50, y: 700, size: 14, font });
  }
  return Buffer.from(await doc.save({ useObjectStreams: options.useObjectStreams ?? true }));
}

// Encrypts with the real qpdf binary (Debian `qpdf`), the way users' tools protect their files.
export async function encryptWithQpdf(input: Buffer, args: string[]): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-qpdf-"));
  try {
    const src = path.join(dir, "in.pdf");
    const out = path.join(dir, "out.pdf");
    await fs.writeFile(src, input);
    await run("qpdf", [...args, "--", src, out]);
    return await fs.readFile(out);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
