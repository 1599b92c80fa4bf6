import fs from "node:fs/promises";
import { PDFDocument } from "pdf-lib";
import { renderCertificationSheet } from "@/lib/pdf/render-certification-sheet";
import { run, withTempDir, writeTemp } from "./poppler";
import { educationalRecordSheet } from "./sheet-fixtures";

// A scanner's output: every page a full-page colour JPEG (200 dpi, Letter), about half a
// megabyte each. The JPEG is a photograph of a rendered, text-heavy page, so it compresses as
// a real scan does; each page gets its own image object, as a scanner writes them.
export async function makeJpegScan(pages: number): Promise<Buffer> {
  const jpeg = await withTempDir(async (dir) => {
    const src = await writeTemp(dir, "page.pdf", await renderCertificationSheet(educationalRecordSheet(12)));
    await run("pdftoppm", ["-f", "1", "-l", "1", "-r", "200", "-jpeg", "-jpegopt", "quality=85", "-singlefile", src, `${dir}/scan`]);
    return fs.readFile(`${dir}/scan.jpg`);
  });
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    // A different first comment byte per page keeps the image streams distinct.
    const bytes = Buffer.from(jpeg);
    const image = await doc.embedJpg(withComment(bytes, `pagina ${i + 1}`));
    const page = doc.addPage([612, 792]);
    page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  }
  return Buffer.from(await doc.save());
}

// Inserts a JPEG COM segment right after SOI.
function withComment(jpeg: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment, "latin1");
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  text.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}
