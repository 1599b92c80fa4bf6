import { inflateSync } from "node:zlib";
import { asName, asNumber, PdfLexer, readIndirectObject, type TPdfDict, type TPdfValue } from "./pdf-syntax";
import { readPdfStream } from "./read-pdf-stream";
import { resolveObject, type TXrefEntry, type TXrefTable } from "./read-xref-table";

// An object stored in an object stream (§7.5.7): the stream's object number and its index there.
export type TCompressedEntry = { stream: number; index: number };

export type TRevisionState = TXrefTable & { compressed: Map<number, TCompressedEntry> };

export type TRevision = {
  // First byte after the previous revision's %%EOF (0 for the original document).
  start: number;
  xrefOffset: number;
  // Just past this revision's "%%EOF".
  end: number;
  // What this revision's cross-reference section says: in use (offset, gen, or in an object
  // stream) or freed.
  entries: Map<number, TXrefEntry | TCompressedEntry | "free">;
  trailer: TPdfDict;
  // Every object as of the end of this revision (this section over all older ones).
  state: TRevisionState;
};

type TSection = { xrefOffset: number; entries: TRevision["entries"]; trailer: TPdfDict };

const STARTXREF = Buffer.from("startxref");
const EOF = Buffer.from("%%EOF");
const MAX_XREF_STREAM = 64 * 1024 * 1024;

// The file's revisions, oldest first, from the chain of cross-reference sections — classic
// tables (§7.5.4) or cross-reference streams (§7.5.8) — following /Prev from the last startxref.
// Null when that chain cannot be read: a hybrid file, a broken offset, a loop. Never throws.
export function readRevisions(pdf: Buffer): TRevision[] | null {
  try {
    const at = pdf.lastIndexOf(STARTXREF);
    if (at < 0) return null;
    const lexer = new PdfLexer(pdf, at + STARTXREF.length);
    let offset: number | null = lexer.readInteger();
    const sections: TSection[] = [];
    const visited = new Set<number>();
    while (offset !== null) {
      if (visited.has(offset) || offset < 0 || offset >= pdf.length || visited.size > 1000) return null;
      visited.add(offset);
      const section = readSection(pdf, offset);
      if (!section) return null;
      sections.push({ xrefOffset: offset, ...section });
      const prev = section.trailer.entries.get("Prev");
      offset = prev?.kind === "number" ? prev.value : null;
    }
    sections.sort((a, b) => a.xrefOffset - b.xrefOffset);
    const revisions: TRevision[] = [];
    const merged = new Map<number, TXrefEntry>();
    const compressed = new Map<number, TCompressedEntry>();
    let start = 0;
    for (const section of sections) {
      const eof = pdf.indexOf(EOF, section.xrefOffset);
      if (eof < 0) return null;
      const end = eof + EOF.length;
      for (const [num, entry] of section.entries) {
        merged.delete(num);
        compressed.delete(num);
        if (entry === "free") continue;
        if ("stream" in entry) compressed.set(num, entry);
        else merged.set(num, entry);
      }
      const size = section.trailer.entries.get("Size");
      revisions.push({
        start,
        xrefOffset: section.xrefOffset,
        end,
        entries: section.entries,
        trailer: section.trailer,
        state: {
          entries: new Map(merged),
          compressed: new Map(compressed),
          trailer: section.trailer,
          startxref: section.xrefOffset,
          size: size?.kind === "number" ? size.value : 0,
        },
      });
      start = end;
    }
    return revisions;
  } catch {
    return null;
  }
}

// An object's value in a revision's state, whether written directly or in an object stream.
export function resolveRevisionObject(pdf: Buffer, state: TRevisionState, num: number): TPdfValue {
  const inStream = state.compressed.get(num);
  if (!inStream) return resolveObject(pdf, state, num).value;
  const header = resolveObject(pdf, state, inStream.stream).value;
  if (header.kind !== "dict" || asName(header.entries.get("Type")) !== "ObjStm") throw new Error("no es un flujo de objetos");
  const data = readPdfStream(pdf, state, { kind: "ref", num: inStream.stream, gen: 0 });
  const count = asNumber(header.entries.get("N")) ?? 0;
  const first = asNumber(header.entries.get("First")) ?? 0;
  const lexer = new PdfLexer(data, 0);
  for (let i = 0; i < count; i++) {
    const objectNum = lexer.readInteger();
    const offset = lexer.readInteger();
    if (i === inStream.index) {
      if (objectNum !== num) throw new Error("el flujo de objetos no contiene el objeto");
      return new PdfLexer(data, first + offset).readValue();
    }
  }
  throw new Error("índice fuera del flujo de objetos");
}

function readSection(pdf: Buffer, offset: number): { entries: TRevision["entries"]; trailer: TPdfDict } | null {
  const lexer = new PdfLexer(pdf, offset);
  if (lexer.peekWord() !== "xref") return readXrefStream(pdf, offset);
  lexer.readWord();
  const entries: TRevision["entries"] = new Map();
  for (;;) {
    const word = lexer.peekWord();
    if (word === "trailer") {
      lexer.pos += word.length;
      const trailer = lexer.readValue();
      return trailer.kind === "dict" && !trailer.entries.has("XRefStm") ? { entries, trailer } : null;
    }
    const first = lexer.readInteger();
    const count = lexer.readInteger();
    for (let i = 0; i < count; i++) {
      const entryOffset = lexer.readInteger();
      const gen = lexer.readInteger();
      const type = lexer.readWord();
      // Object 0 heads the free list in every section; it is not a change.
      if (first + i === 0) continue;
      if (type === "n") entries.set(first + i, { offset: entryOffset, gen });
      else if (type === "f") entries.set(first + i, "free");
      else return null;
    }
  }
}

// A cross-reference stream (§7.5.8): /W field widths, /Index subsections, FlateDecode with an
// optional PNG predictor (§7.4.4.4). Its dictionary is the trailer.
function readXrefStream(pdf: Buffer, offset: number): { entries: TRevision["entries"]; trailer: TPdfDict } | null {
  const object = readIndirectObject(pdf, offset);
  const dict = object.value;
  if (dict.kind !== "dict" || asName(dict.entries.get("Type")) !== "XRef") return null;
  const length = asNumber(dict.entries.get("Length"));
  const w = dict.entries.get("W");
  if (length === null || length < 0 || length > MAX_XREF_STREAM || w?.kind !== "array") return null;
  const widths = w.items.map((v) => asNumber(v) ?? -1);
  if (widths.length !== 3 || widths.some((n) => n < 0 || n > 8)) return null;
  let at = object.end;
  while (at < pdf.length && pdf.toString("latin1", at, at + 6) !== "stream" && at - object.end < 8) at++;
  if (pdf.toString("latin1", at, at + 6) !== "stream") return null;
  at += 6;
  if (pdf[at] === 0x0d) at++;
  if (pdf[at] === 0x0a) at++;
  let data: Buffer = pdf.subarray(at, at + length);
  const filter = dict.entries.get("Filter");
  const filters = filter?.kind === "array" ? filter.items.map(asName) : filter ? [asName(filter)] : [];
  for (const f of filters) {
    if (f !== "FlateDecode") return null;
    data = inflateSync(data, { maxOutputLength: MAX_XREF_STREAM });
  }
  const rowLength = widths[0] + widths[1] + widths[2];
  const parms = dict.entries.get("DecodeParms");
  const predictor = parms?.kind === "dict" ? (asNumber(parms.entries.get("Predictor")) ?? 1) : 1;
  if (predictor >= 10) data = undoPngPredictor(data, asNumber(parms?.kind === "dict" ? parms.entries.get("Columns") : undefined) ?? rowLength);
  else if (predictor !== 1) return null;

  const size = asNumber(dict.entries.get("Size")) ?? 0;
  const index = dict.entries.get("Index");
  const ranges = index?.kind === "array" ? index.items.map((v) => asNumber(v) ?? -1) : [0, size];
  const entries: TRevision["entries"] = new Map();
  let row = 0;
  const field = (r: number, start: number, width: number, fallback: number) => {
    if (width === 0) return fallback;
    let n = 0;
    for (let i = 0; i < width; i++) n = n * 256 + data[r * rowLength + start + i];
    return n;
  };
  for (let k = 0; k + 1 < ranges.length; k += 2) {
    const [first, count] = [ranges[k], ranges[k + 1]];
    if (first < 0 || count < 0) return null;
    for (let i = 0; i < count; i++, row++) {
      if ((row + 1) * rowLength > data.length) return null;
      const type = field(row, 0, widths[0], 1);
      const a = field(row, widths[0], widths[1], 0);
      const b = field(row, widths[0] + widths[1], widths[2], 0);
      const num = first + i;
      if (num === 0) continue;
      if (type === 0) entries.set(num, "free");
      else if (type === 1) entries.set(num, { offset: a, gen: b });
      else if (type === 2) entries.set(num, { stream: a, index: b });
    }
  }
  return { entries, trailer: dict };
}

// PNG predictors on rows of `columns` bytes, each row prefixed by its filter type.
function undoPngPredictor(data: Buffer, columns: number): Buffer {
  const rows = Math.floor(data.length / (columns + 1));
  const out = Buffer.alloc(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (columns + 1)];
    for (let c = 0; c < columns; c++) {
      const raw = data[r * (columns + 1) + 1 + c];
      const left = c > 0 ? out[r * columns + c - 1] : 0;
      const up = r > 0 ? out[(r - 1) * columns + c] : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1] : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + Math.floor((left + up) / 2);
      else if (type === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[r * columns + c] = value & 0xff;
    }
  }
  return out;
}
