// Just enough PDF syntax (ISO 32000-1 §7.2–7.3) to read trailers, catalog, page and signature
// dictionaries straight from a Buffer, and to write back dictionaries we change. Strings and names
// keep their raw bytes (latin1), so a dictionary we rewrite carries every other entry unchanged.

export type TPdfValue =
  | { kind: "null" }
  | { kind: "bool"; value: boolean }
  | { kind: "number"; value: number; raw: string }
  | { kind: "name"; raw: string }
  // `raw` includes the delimiters; start/end are file offsets of the first and past-the-last byte.
  | { kind: "string"; raw: string; start: number; end: number }
  | { kind: "hex"; raw: string; start: number; end: number }
  | { kind: "array"; items: TPdfValue[] }
  | { kind: "dict"; entries: Map<string, TPdfValue> }
  | { kind: "ref"; num: number; gen: number };

export type TPdfDict = Extract<TPdfValue, { kind: "dict" }>;

export class PdfSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfSyntaxError";
  }
}

const WHITESPACE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITESPACE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of "()<>[]{}/%") DELIMITER[c.charCodeAt(0)] = 1;

export const isWhitespace = (byte: number): boolean => WHITESPACE[byte] === 1;
const isRegular = (byte: number): boolean => !WHITESPACE[byte] && !DELIMITER[byte];
const isDigit = (byte: number): boolean => byte >= 0x30 && byte <= 0x39;

export class PdfLexer {
  pos: number;

  constructor(
    readonly buf: Buffer,
    pos = 0,
  ) {
    this.pos = pos;
  }

  skipSpace(): void {
    const { buf } = this;
    while (this.pos < buf.length) {
      const c = buf[this.pos];
      if (WHITESPACE[c]) this.pos++;
      else if (c === 0x25 /* % */) {
        while (this.pos < buf.length && buf[this.pos] !== 0x0a && buf[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  // A run of regular characters (keyword or number) without consuming it.
  peekWord(): string {
    this.skipSpace();
    let end = this.pos;
    while (end < this.buf.length && isRegular(this.buf[end])) end++;
    return this.buf.toString("latin1", this.pos, end);
  }

  readWord(): string {
    const word = this.peekWord();
    this.pos += word.length;
    return word;
  }

  expectWord(word: string): void {
    const got = this.readWord();
    if (got !== word) throw new PdfSyntaxError(`Se esperaba «${word}» y se encontró «${got.slice(0, 20)}» en ${this.pos}`);
  }

  readInteger(): number {
    const word = this.readWord();
    if (!/^\d+$/.test(word)) throw new PdfSyntaxError(`Se esperaba un entero en ${this.pos}`);
    return Number(word);
  }

  readValue(depth = 0): TPdfValue {
    if (depth > 64) throw new PdfSyntaxError("Objeto PDF anidado en exceso");
    this.skipSpace();
    const { buf } = this;
    if (this.pos >= buf.length) throw new PdfSyntaxError("Fin inesperado del archivo");
    const c = buf[this.pos];
    if (c === 0x2f /* / */) {
      let end = this.pos + 1;
      while (end < buf.length && isRegular(buf[end])) end++;
      const raw = buf.toString("latin1", this.pos + 1, end);
      this.pos = end;
      return { kind: "name", raw };
    }
    if (c === 0x28 /* ( */) return this.readLiteralString();
    if (c === 0x3c /* < */) {
      if (buf[this.pos + 1] === 0x3c) return this.readDict(depth);
      const start = this.pos;
      const end = buf.indexOf(0x3e /* > */, start);
      if (end < 0) throw new PdfSyntaxError("Cadena hexadecimal sin cerrar");
      this.pos = end + 1;
      return { kind: "hex", raw: buf.toString("latin1", start, end + 1), start, end: end + 1 };
    }
    if (c === 0x5b /* [ */) {
      this.pos++;
      const items: TPdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (buf[this.pos] === 0x5d /* ] */) {
          this.pos++;
          return { kind: "array", items };
        }
        items.push(this.readValue(depth + 1));
      }
    }
    const word = this.readWord();
    if (word === "") throw new PdfSyntaxError(`Carácter inesperado en ${this.pos}`);
    if (word === "true" || word === "false") return { kind: "bool", value: word === "true" };
    if (word === "null") return { kind: "null" };
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      // "12 0 R" is a reference: look ahead without committing.
      if (/^\d+$/.test(word)) {
        const saved = this.pos;
        const gen = this.peekWord();
        if (/^\d+$/.test(gen)) {
          this.pos += gen.length;
          if (this.peekWord() === "R") {
            this.pos += 1;
            return { kind: "ref", num: Number(word), gen: Number(gen) };
          }
        }
        this.pos = saved;
      }
      return { kind: "number", value: Number(word), raw: word };
    }
    throw new PdfSyntaxError(`Palabra inesperada «${word.slice(0, 20)}» en ${this.pos}`);
  }

  private readDict(depth: number): TPdfDict {
    const { buf } = this;
    this.pos += 2;
    const entries = new Map<string, TPdfValue>();
    for (;;) {
      this.skipSpace();
      if (buf[this.pos] === 0x3e && buf[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return { kind: "dict", entries };
      }
      const key = this.readValue(depth + 1);
      if (key.kind !== "name") throw new PdfSyntaxError(`Clave de diccionario inválida en ${this.pos}`);
      entries.set(key.raw, this.readValue(depth + 1));
    }
  }

  private readLiteralString(): TPdfValue {
    const { buf } = this;
    const start = this.pos;
    let nesting = 0;
    let i = start;
    for (; i < buf.length; i++) {
      const c = buf[i];
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x28) nesting++;
      else if (c === 0x29 && --nesting === 0) break;
    }
    if (i >= buf.length) throw new PdfSyntaxError("Cadena literal sin cerrar");
    this.pos = i + 1;
    return { kind: "string", raw: buf.toString("latin1", start, i + 1), start, end: i + 1 };
  }
}

export type TIndirectObject = { num: number; gen: number; value: TPdfValue; start: number; end: number };

// Reads "num gen obj <value>" at `offset`; stream data, if any, is not read.
export function readIndirectObject(buf: Buffer, offset: number): TIndirectObject {
  const lexer = new PdfLexer(buf, offset);
  lexer.skipSpace();
  const start = lexer.pos;
  const num = lexer.readInteger();
  const gen = lexer.readInteger();
  lexer.expectWord("obj");
  const value = lexer.readValue();
  return { num, gen, value, start, end: lexer.pos };
}

// --- values -------------------------------------------------------------------------------

export function dictGet(dict: TPdfDict, key: string): TPdfValue | undefined {
  return dict.entries.get(key);
}

export function asName(value: TPdfValue | undefined): string | null {
  return value?.kind === "name" ? value.raw : null;
}

export function asNumber(value: TPdfValue | undefined): number | null {
  return value?.kind === "number" ? value.value : null;
}

// --- writing ------------------------------------------------------------------------------

export function serializePdfValue(value: TPdfValue): string {
  switch (value.kind) {
    case "null":
      return "null";
    case "bool":
      return value.value ? "true" : "false";
    case "number":
      return value.raw;
    case "name":
      return `/${value.raw}`;
    case "string":
    case "hex":
      return value.raw;
    case "ref":
      return `${value.num} ${value.gen} R`;
    case "array":
      return `[${value.items.map(serializePdfValue).join(" ")}]`;
    case "dict":
      return `<<${[...value.entries].map(([k, v]) => `/${k} ${serializePdfValue(v)}`).join(" ")}>>`;
  }
}

export const pdfName = (raw: string): TPdfValue => ({ kind: "name", raw });
export const pdfRef = (num: number, gen = 0): TPdfValue => ({ kind: "ref", num, gen });
export const pdfInt = (value: number): TPdfValue => ({ kind: "number", value, raw: String(value) });

// A text string (§7.9.2.2): printable ASCII as a literal string, anything else as UTF-16BE with
// a byte order mark, which every reader decodes the same way.
export function encodeTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[()\\]/g, (c) => `\\${c}`)})`;
  const utf16 = Buffer.from(text, "utf16le").swap16();
  return `<FEFF${utf16.toString("hex").toUpperCase()}>`;
}

const PDF_DOC_ENCODING_HIGH: Record<number, string> = {
  0x80: "•", 0x81: "†", 0x82: "‡", 0x83: "…", 0x84: "—", 0x85: "–", 0x86: "ƒ", 0x87: "⁄", 0x88: "‹", 0x89: "›",
  0x8a: "−", 0x8b: "‰", 0x8c: "„", 0x8d: "“", 0x8e: "”", 0x8f: "‘", 0x90: "’", 0x91: "‚", 0x92: "™", 0x93: "ﬁ",
  0x94: "ﬂ", 0x95: "Ł", 0x96: "Œ", 0x97: "Š", 0x98: "Ÿ", 0x99: "Ž", 0x9a: "ı", 0x9b: "ł", 0x9c: "œ", 0x9d: "š",
  0x9e: "ž", 0xa0: "€",
};

// The bytes of a string value: literal escapes resolved, hex decoded.
export function stringBytes(value: TPdfValue): Buffer | null {
  if (value.kind === "hex") {
    let hex = value.raw.slice(1, -1);
    // Buffer.from stops at the first non-hex character; clean up only when that happened.
    const fast = Buffer.from(hex, "hex");
    if (fast.length * 2 === hex.length) return fast;
    hex = hex.replace(/[^0-9a-fA-F]/g, "");
    if (hex.length % 2) hex += "0";
    return Buffer.from(hex, "hex");
  }
  if (value.kind !== "string") return null;
  const raw = value.raw.slice(1, -1);
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x0d) {
      // An end of line inside a literal string reads as a single LF.
      out.push(0x0a);
      if (raw.charCodeAt(i + 1) === 0x0a) i++;
      continue;
    }
    if (c !== 0x5c) {
      out.push(c);
      continue;
    }
    const next = raw[++i];
    if (next === undefined) break;
    const simple: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, b: 0x08, f: 0x0c, "(": 0x28, ")": 0x29, "\\": 0x5c };
    if (next in simple) out.push(simple[next]);
    else if (/[0-7]/.test(next)) {
      let octal = next;
      while (octal.length < 3 && /[0-7]/.test(raw[i + 1] ?? "")) octal += raw[++i];
      out.push(parseInt(octal, 8) & 0xff);
    } else if (next === "\r") {
      if (raw[i + 1] === "\n") i++;
    } else if (next !== "\n") out.push(next.charCodeAt(0));
  }
  return Buffer.from(out);
}

export function decodeTextString(value: TPdfValue | undefined): string | null {
  if (!value) return null;
  const bytes = stringBytes(value);
  if (!bytes) return null;
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return Buffer.from(bytes.subarray(2)).swap16().toString("utf16le");
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString("utf8");
  // Some writers (poppler's among them) put bare UTF-8 in text strings. Valid multi-byte UTF-8 is
  // very unlikely to be meant as PDFDocEncoding, so it is read as UTF-8.
  if (bytes.some((b) => b >= 0x80)) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: PDFDocEncoding below.
    }
  }
  let text = "";
  for (const b of bytes) text += PDF_DOC_ENCODING_HIGH[b] ?? String.fromCharCode(b);
  return text;
}

// PDF dates (§7.9.4): "D:YYYYMMDDHHmmSSOHH'mm'". Written in UTC.
export function formatPdfDate(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(
    date.getUTCMinutes(),
  )}${p(date.getUTCSeconds())}+00'00'`;
}

export function parsePdfDate(text: string | null): Date | null {
  if (!text) return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(text.trim());
  if (!m) return null;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", sign, oh = "00", om = "00"] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = sign === "+" || sign === "-" ? (Number(oh) * 60 + Number(om)) * (sign === "+" ? 1 : -1) : 0;
  const date = new Date(utc - offset * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}
