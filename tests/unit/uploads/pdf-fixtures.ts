import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
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

// ---- Hostile PDFs, built byte by byte so each test says exactly what the file holds. ----

const MIB = 1024 * 1024;

// A zlib stream that inflates to `prefix` followed by `fillMiB` MiB of `fill` bytes, built without
// ever holding the decoded bytes: one deflated MiB of `fill`, ended by a sync flush so it is a
// byte-aligned run of blocks, repeated; then an empty final block and the Adler-32 of it all
// (computed in closed form for the run). Deflate tops out near 1 000:1, so 512 MiB take ≈ 0.5 MB.
export function zlibBomb(fillMiB: number, options: { prefix?: Buffer; fill?: number } = {}): Buffer {
  const prefix = options.prefix ?? Buffer.alloc(0);
  const fill = options.fill ?? 0;
  const sync = { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const head = prefix.length > 0 ? [zlib.deflateRawSync(prefix, sync)] : [];
  const block = zlib.deflateRawSync(Buffer.alloc(MIB, fill), sync);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...head, ...Array<Buffer>(fillMiB).fill(block), Buffer.from([0x03, 0x00]), adler32(prefix, fill, fillMiB * MIB)]);
}

function adler32(prefix: Buffer, fill: number, runLength: number): Buffer {
  const MOD = 65521n;
  let a = 1n;
  let b = 0n;
  for (const byte of prefix) {
    a = (a + BigInt(byte)) % MOD;
    b = (b + a) % MOD;
  }
  const n = BigInt(runLength);
  const v = BigInt(fill);
  // After n more bytes v: a' = a + n·v, b' = b + n·a + v·n(n+1)/2.
  const b2 = (b + n * a + (v * n * (n + 1n)) / 2n) % MOD;
  const a2 = (a + n * v) % MOD;
  const out = Buffer.alloc(4);
  out.writeUInt32BE(Number((b2 << 16n) | a2));
  return out;
}

// A one-page PDF (classic cross-reference table) whose page content is object 4, a stream with
// the dictionary entries `streamDict` (Length is added) and the raw bytes `data`. `extra` objects
// follow as 5, 6, …
export function pdfWithStream(streamDict: string, data: Buffer, extra: string[] = []): Buffer {
  return rawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    Buffer.concat([Buffer.from(`<< ${streamDict} /Length ${data.length} >>\nstream\n`, "latin1"), data, Buffer.from("\nendstream", "latin1")]),
    ...extra,
  ]);
}

// Objects 1…n (object 1 the catalog) with a classic cross-reference table.
export function rawPdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    const bytes = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), Buffer.isBuffer(body) ? body : Buffer.from(body, "latin1"), Buffer.from("\nendobj\n", "latin1")]);
    offsets.push(offset);
    parts.push(bytes);
    offset += bytes.length;
  });
  const xref = ["xref", `0 ${objects.length + 1}`, "0000000000 65535 f ", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `)].join("\n");
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

// A PDF 1.5 whose catalog, page tree and page live in an object stream (object 5) that inflates to
// them plus `paddingMiB` MiB of spaces, indexed by a cross-reference stream (object 6): what a
// reader must inflate whole before it can find the first page.
export function pdfWithObjectStream(paddingMiB: number): Buffer {
  const bodies = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
  ];
  let header = "";
  let at = 0;
  bodies.forEach((b, i) => {
    header += `${i + 1} ${at} `;
    at += b.length + 1;
  });
  const content = Buffer.from(header + bodies.join(" ") + " ", "latin1");
  const objStm = zlibBomb(paddingMiB, { prefix: content, fill: 0x20 });

  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = parts[0].length;
  const push = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  const page = Buffer.from("BT /F1 12 Tf 72 720 Td (Hola) Tj ET", "latin1");
  const contentAt = offset;
  push(Buffer.concat([Buffer.from(`4 0 obj\n<< /Length ${page.length} >>\nstream\n`, "latin1"), page, Buffer.from("\nendstream\nendobj\n", "latin1")]));
  const objStmAt = offset;
  push(
    Buffer.concat([
      Buffer.from(`5 0 obj\n<< /Type /ObjStm /N 3 /First ${header.length} /Filter /FlateDecode /Length ${objStm.length} >>\nstream\n`, "latin1"),
      objStm,
      Buffer.from("\nendstream\nendobj\n", "latin1"),
    ]),
  );
  const xrefAt = offset;
  // /W [1 4 2]: type, offset or object stream number, generation or index.
  const row = (type: number, field2: number, field3: number) => {
    const r = Buffer.alloc(7);
    r[0] = type;
    r.writeUInt32BE(field2, 1);
    r.writeUInt16BE(field3, 5);
    return r;
  };
  const rows = Buffer.concat([row(0, 0, 65535), row(2, 5, 0), row(2, 5, 1), row(2, 5, 2), row(1, contentAt, 0), row(1, objStmAt, 0), row(1, xrefAt, 0)]);
  push(
    Buffer.concat([
      Buffer.from(`6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length ${rows.length} >>\nstream\n`, "latin1"),
      rows,
      Buffer.from("\nendstream\nendobj\n", "latin1"),
    ]),
  );
  push(Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

// LZW as PDF writes it (EarlyChange 1, MSB first, 9 to 12 bits, clear code when the table fills).
export function lzwEncode(data: Buffer): Buffer {
  const writer = bitWriter();
  let dict = new Map<string, number>();
  let next = 258;
  let width = 9;
  const reset = () => {
    dict = new Map();
    for (let c = 0; c < 256; c++) dict.set(String.fromCharCode(c), c);
    next = 258;
    width = 9;
  };
  reset();
  writer.write(256, width);
  let w = "";
  for (const byte of data) {
    const wc = w + String.fromCharCode(byte);
    if (dict.has(wc)) {
      w = wc;
      continue;
    }
    writer.write(dict.get(w)!, width);
    dict.set(wc, next++);
    // The encoder is one table entry ahead of the decoder, so it widens one entry later.
    if (next >= 1 << width && width < 12) width++;
    if (next >= 4094) {
      writer.write(256, width);
      reset();
    }
    w = String.fromCharCode(byte);
  }
  if (w) writer.write(dict.get(w)!, width);
  writer.write(257, next + 1 >= 1 << width && width < 12 ? width + 1 : width);
  return writer.end();
}

// LZW codes that decode to a run of zeros longer each time (0, 00, 000, … as each code names the
// string being defined), then, with the table full, its longest string again and again: each
// 12-bit code then yields 3 839 zero bytes, far more than deflate's ≈ 1 000:1.
export function lzwZeroBomb(decodedAtLeast: number): Buffer {
  const writer = bitWriter();
  let width = 9;
  let next = 258;
  writer.write(0, width);
  let produced = 1;
  let longest = 1;
  while (produced < decodedAtLeast) {
    if (next < 4096) {
      writer.write(next, width);
      longest += 1;
      next++;
      // The decoder's schedule (EarlyChange 1), after the entry this code added.
      if (next + 1 >= 1 << width && width < 12) width++;
    } else {
      writer.write(4095, width);
    }
    produced += longest;
  }
  writer.write(257, width);
  return writer.end();
}

function bitWriter() {
  const bytes: number[] = [];
  let acc = 0;
  let count = 0;
  return {
    write(code: number, width: number) {
      acc = (acc << width) | code;
      count += width;
      while (count >= 8) {
        bytes.push((acc >>> (count - 8)) & 0xff);
        count -= 8;
      }
      acc &= (1 << count) - 1;
    },
    end(): Buffer {
      if (count > 0) bytes.push((acc << (8 - count)) & 0xff);
      return Buffer.from(bytes);
    },
  };
}

// A real ZIP archive (one stored file), the kind appended to a PDF to make a polyglot. `comment`
// goes at its very end, where ZIP readers allow anything.
export function makeZip(name: string, data: Buffer, comment = ""): Buffer {
  const crc = zlib.crc32(data);
  const nameBytes = Buffer.from(name, "latin1");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const localSize = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(localSize, 16);
  end.writeUInt16LE(Buffer.byteLength(comment, "latin1"), 20);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end, Buffer.from(comment, "latin1")]);
}

// ASCII85 as PDF writes it: groups of 4 bytes as 5 characters, `z` for zeros, `~>` at the end.
export function ascii85Encode(data: Buffer): Buffer {
  let out = "";
  for (let i = 0; i < data.length; i += 4) {
    const group = data.subarray(i, i + 4);
    const padded = Buffer.concat([group, Buffer.alloc(4 - group.length)]);
    let value = padded.readUInt32BE(0);
    if (value === 0 && group.length === 4) {
      out += "z";
      continue;
    }
    const chars: string[] = [];
    for (let k = 0; k < 5; k++) {
      chars.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += chars.slice(0, group.length + 1).join("");
  }
  return Buffer.from(out + "~>", "latin1");
}

// RunLength as PDF writes it: runs of up to 128 equal bytes as two bytes, the rest copied.
export function runLengthEncode(data: Buffer): Buffer {
  const out: number[] = [];
  let i = 0;
  while (i < data.length) {
    let run = 1;
    while (i + run < data.length && data[i + run] === data[i] && run < 128) run++;
    if (run > 1) {
      out.push(257 - run, data[i]);
      i += run;
      continue;
    }
    const start = i;
    while (i < data.length && i - start < 128 && !(i + 1 < data.length && data[i + 1] === data[i])) i++;
    if (i === start) i++;
    out.push(i - start - 1, ...data.subarray(start, i));
  }
  out.push(128);
  return Buffer.from(out);
}
