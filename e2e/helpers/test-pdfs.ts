import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";

// A folder of this run's files (PDFs to upload, downloads, the NSS database).
export function makeTmpDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeTmpDir(dir: string | undefined): Promise<void> {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
}

// A PDF of one line of text per page, written to `file`; returns `file`.
export async function writeTextPdf(
  file: string,
  pages: readonly string[],
  layout: { pageSize?: [number, number]; x?: number; y?: number; size?: number } = {},
): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of pages) {
    doc.addPage(layout.pageSize ?? [612, 792]).drawText(line, { x: layout.x ?? 72, y: layout.y ?? 700, size: layout.size ?? 18, font });
  }
  await fs.writeFile(file, Buffer.from(await doc.save()));
  return file;
}
