// Locates every stream of a PDF in its raw bytes, without trusting the cross-reference table or
// any parser: what the decompression and end-of-file checks look at before pdf-lib reads the file
// (pdf-lib inflates object streams and cross-reference streams whole as it loads, so a bomb must be
// caught before it).

export type TPdfValue =
  | { t: "name"; v: string }
  | { t: "num"; v: number }
  | { t: "ref" }
  | { t: "arr"; v: TPdfValue[] }
  | { t: "dict"; v: Map<string, TPdfValue> }
  | { t: "other" };

export type TPdfStream = {
  // The stream's own dictionary, or null when it could not be read (then its filters are unknown).
  dict: Map<string, TPdfValue> | null;
  // Offset of the first data byte, just after the `stream` keyword's end of line.
  dataStart: number;
  // Where a reader could take the data to end: the declared /Length when `endstream` follows it;
  // otherwise the first `endstream` after the data or the declared /Length, whichever is further
  // (a reader may trust either), never past the file.
  dataEnd: number;
  // The `endstream` that closes the data, or null: bytes up to it are this stream's, not the file's.
  endstreamAt: number | null;
};

const STREAM = Buffer.from("stream", "latin1");
const ENDSTREAM = Buffer.from("endstream", "latin1");
const OBJ = Buffer.from("obj", "latin1");
// A stream dictionary is short; a header further back than this is not this stream's.
const DICT_WINDOW = 64 * 1024;

export function isPdfWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

// Every `<<…>> stream EOL` in the file. The data of one stream is not skipped when looking for the
// next: a cross-reference table may point into the middle of another stream's bytes, and a reader
// that follows it would decode what sits there. Compressed data practically never contains
// `>>stream` plus an end of line by chance, and a candidate found inside uncompressed data gets its
// enclosing object's dictionary, which at worst makes the checks look at bytes no reader decodes.
export function findPdfStreams(buf: Buffer): TPdfStream[] {
  const streams: TPdfStream[] = [];
  for (let at = buf.indexOf(STREAM); at !== -1; at = buf.indexOf(STREAM, at + STREAM.length)) {
    // `endstream` contains `stream`.
    if (at >= 3 && buf[at - 3] === 0x65 && buf[at - 2] === 0x6e && buf[at - 1] === 0x64) continue;
    const dataStart = afterEndOfLine(buf, at + STREAM.length);
    if (dataStart === -1) continue;
    let close = at - 1;
    while (close > 0 && isPdfWhitespace(buf[close])) close--;
    if (close < 1 || buf[close] !== 0x3e || buf[close - 1] !== 0x3e) continue;

    const dict = dictionaryBefore(buf, close + 1);
    const length = dict?.get("Length");
    const declaredEnd = length?.t === "num" && Number.isSafeInteger(length.v) && length.v >= 0 ? dataStart + length.v : -1;
    // A /Length that lands on `endstream` is what readers use; otherwise they look for the keyword.
    const confirmed = declaredEnd === -1 ? -1 : endstreamAfter(buf, declaredEnd);
    if (confirmed !== -1) {
      streams.push({ dict, dataStart, dataEnd: declaredEnd, endstreamAt: confirmed });
      continue;
    }
    const endstream = buf.indexOf(ENDSTREAM, dataStart);
    const endstreamAt = endstream === -1 ? null : endstream;
    const dataEnd = Math.min(buf.length, Math.max(endstreamAt ?? buf.length, declaredEnd));
    streams.push({ dict, dataStart, dataEnd, endstreamAt });
  }
  return streams;
}

// Where `endstream` starts if it follows `at` after at most an end of line and spaces, else -1.
function endstreamAfter(buf: Buffer, at: number): number {
  let i = at;
  while (i < buf.length && i < at + 4 && isPdfWhitespace(buf[i])) i++;
  return i + ENDSTREAM.length <= buf.length && buf.compare(ENDSTREAM, 0, ENDSTREAM.length, i, i + ENDSTREAM.length) === 0 ? i : -1;
}

// The spec wants CRLF or LF after `stream`; readers also take a lone CR and spaces before the EOL.
function afterEndOfLine(buf: Buffer, i: number): number {
  while (i < buf.length && buf[i] === 0x20) i++;
  if (buf[i] === 0x0d) return buf[i + 1] === 0x0a ? i + 2 : i + 1;
  if (buf[i] === 0x0a) return i + 1;
  return -1;
}

// The dictionary ending at `end` (just past its `>>`): the text from the nearest object header
// `N G obj` that reads as exactly one dictionary (so `(1 0 obj)` inside a string of the dictionary
// is passed over instead of hiding its /Filter).
function dictionaryBefore(buf: Buffer, end: number): Map<string, TPdfValue> | null {
  const floor = Math.max(0, end - DICT_WINDOW);
  for (let obj = buf.lastIndexOf(OBJ, end - 1); obj >= floor; obj = obj > 0 ? buf.lastIndexOf(OBJ, obj - 1) : -1) {
    if (!isObjectHeader(buf, obj)) continue;
    const parsed = parsePdfObject(buf.toString("latin1", obj + OBJ.length, end));
    if (parsed?.t === "dict") return parsed.v;
  }
  return null;
}

// `obj` preceded by `<digits> <digits> ` and not part of a longer word (`endobj`, `/objects`).
function isObjectHeader(buf: Buffer, obj: number): boolean {
  const next = buf[obj + OBJ.length];
  if (next !== undefined && !isPdfWhitespace(next) && !isDelimiter(next)) return false;
  let i = obj - 1;
  if (i < 0 || !isPdfWhitespace(buf[i])) return false;
  while (i >= 0 && isPdfWhitespace(buf[i])) i--;
  if (i < 0 || !isDigit(buf[i])) return false;
  while (i >= 0 && isDigit(buf[i])) i--;
  if (i < 0 || !isPdfWhitespace(buf[i])) return false;
  while (i >= 0 && isPdfWhitespace(buf[i])) i--;
  return i >= 0 && isDigit(buf[i]);
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

function isDelimiter(byte: number): boolean {
  return byte === 0x28 || byte === 0x29 || byte === 0x3c || byte === 0x3e || byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d || byte === 0x2f || byte === 0x25;
}

// A small reader of PDF object syntax (PDF 32000-1 §7.3), enough for a stream dictionary: names
// with #xx escapes decoded (`/Fl#61teDecode` is FlateDecode to every reader), numbers, indirect
// references, arrays, nested dictionaries; strings and keywords are skipped. Null when malformed.
export function parsePdfObject(text: string): TPdfValue | null {
  const tokens = tokenize(text);
  if (!tokens) return null;
  let i = 0;

  function value(depth: number): TPdfValue | null {
    if (depth > 32 || i >= tokens!.length) return null;
    const tok = tokens![i++];
    if (tok === "<<") {
      const dict = new Map<string, TPdfValue>();
      while (i < tokens!.length && tokens![i] !== ">>") {
        const key = tokens![i++];
        if (typeof key !== "object" || key.name === undefined) return null;
        const v = value(depth + 1);
        if (!v) return null;
        dict.set(key.name, v);
      }
      if (tokens![i++] !== ">>") return null;
      return { t: "dict", v: dict };
    }
    if (tok === "[") {
      const arr: TPdfValue[] = [];
      while (i < tokens!.length && tokens![i] !== "]") {
        const v = value(depth + 1);
        if (!v) return null;
        arr.push(v);
      }
      if (tokens![i++] !== "]") return null;
      return { t: "arr", v: arr };
    }
    if (tok === ">>" || tok === "]") return null;
    if (typeof tok === "object") return tok.name !== undefined ? { t: "name", v: tok.name } : { t: "other" };
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(tok)) {
      // `N G R` is one value: an indirect reference.
      if (/^\d+$/.test(tok) && /^\d+$/.test(String(tokens![i])) && tokens![i + 1] === "R") {
        i += 2;
        return { t: "ref" };
      }
      return { t: "num", v: Number(tok) };
    }
    return { t: "other" };
  }

  const parsed = value(0);
  // Anything left over means the text was not one object (e.g. a header found inside a string).
  return parsed && i === tokens.length ? parsed : null;
}

type TToken = string | { name?: string };

function tokenize(text: string): TToken[] | null {
  const tokens: TToken[] = [];
  let i = 0;
  const n = text.length;
  const isWhite = (c: string) => c === " " || c === "\n" || c === "\r" || c === "\t" || c === "\f" || c === "\0";
  const isDelim = (c: string) => "()<>[]{}/%".includes(c);
  while (i < n) {
    const c = text[i];
    if (isWhite(c)) {
      i++;
    } else if (c === "%") {
      while (i < n && text[i] !== "\n" && text[i] !== "\r") i++;
    } else if (c === "<" && text[i + 1] === "<") {
      tokens.push("<<");
      i += 2;
    } else if (c === ">" && text[i + 1] === ">") {
      tokens.push(">>");
      i += 2;
    } else if (c === "[" || c === "]") {
      tokens.push(c);
      i++;
    } else if (c === "<") {
      const close = text.indexOf(">", i);
      if (close === -1) return null;
      tokens.push({});
      i = close + 1;
    } else if (c === "(") {
      let depth = 0;
      for (; i < n; i++) {
        if (text[i] === "\\") i++;
        else if (text[i] === "(") depth++;
        else if (text[i] === ")" && --depth === 0) break;
      }
      if (i >= n) return null;
      tokens.push({});
      i++;
    } else if (c === "/") {
      let j = i + 1;
      while (j < n && !isWhite(text[j]) && !isDelim(text[j])) j++;
      const raw = text.slice(i + 1, j);
      tokens.push({ name: raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) });
      i = j;
    } else if (c === ")" || c === ">" || c === "{" || c === "}") {
      tokens.push({});
      i++;
    } else {
      let j = i;
      while (j < n && !isWhite(text[j]) && !isDelim(text[j])) j++;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  return tokens;
}
