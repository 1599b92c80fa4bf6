// Streaming decoders for PDF's general-purpose filters other than Flate (which is Node's zlib):
// LZWDecode, RunLengthDecode, ASCIIHexDecode and ASCII85Decode (PDF 32000-1 §7.4). Each is an async
// generator over chunks, so a pipeline pulls output only as fast as it is consumed: however much a
// few input bytes expand to, memory holds one output chunk at a time. Each stops at its own
// end-of-data marker and ignores what follows, as readers do.

export type TChunkDecoder = (source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>;

const OUT_CHUNK = 64 * 1024;

// Collects output bytes into fixed-size chunks.
class ChunkWriter {
  buf = Buffer.allocUnsafe(OUT_CHUNK);
  len = 0;

  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.len));
    this.len = 0;
    return out;
  }
}

// LZW as in TIFF and PDF: 9- to 12-bit codes, 256 clears the table, 257 ends the data, and with
// EarlyChange 1 (the default) the code width grows one code early. The table is kept as
// prefix/suffix links, so it is 4096 small entries however long its strings are.
export function lzwDecoder(earlyChange = 1): TChunkDecoder {
  return async function* decodeLzw(source) {
    const prefix = new Int16Array(4096);
    const suffix = new Uint8Array(4096);
    const length = new Uint16Array(4096);
    const first = new Uint8Array(4096);
    for (let c = 0; c < 256; c++) {
      prefix[c] = -1;
      suffix[c] = c;
      length[c] = 1;
      first[c] = c;
    }
    let next = 258;
    let width = 9;
    let previous = -1;
    let bits = 0;
    let bitCount = 0;
    const out = new ChunkWriter();

    for await (const chunk of source) {
      for (let k = 0; k < chunk.length; k++) {
        bits = ((bits << 8) | chunk[k]) & 0xffffff;
        bitCount += 8;
        while (bitCount >= width) {
          const code = (bits >>> (bitCount - width)) & ((1 << width) - 1);
          bitCount -= width;
          if (code === 256) {
            next = 258;
            width = 9;
            previous = -1;
            continue;
          }
          if (code === 257) {
            if (out.len > 0) yield out.take();
            return;
          }
          let entry: number;
          if (code < next) {
            entry = code;
            if (previous !== -1 && next < 4096) addEntry(previous, first[code]);
          } else if (code === next && previous !== -1 && next < 4096) {
            // The string just being defined: previous string plus its own first byte.
            addEntry(previous, first[previous]);
            entry = code;
          } else {
            // A code that cannot occur in valid data: readers stop here.
            if (out.len > 0) yield out.take();
            return;
          }
          if (out.len + length[entry] > OUT_CHUNK) yield out.take();
          let at = out.len + length[entry] - 1;
          for (let e = entry; e !== -1; e = prefix[e]) out.buf[at--] = suffix[e];
          out.len += length[entry];
          previous = entry;
          if (next + earlyChange >= 1 << width && width < 12) width++;
        }
      }
    }
    if (out.len > 0) yield out.take();

    function addEntry(pre: number, byte: number) {
      prefix[next] = pre;
      suffix[next] = byte;
      length[next] = length[pre] + 1;
      first[next] = first[pre];
      next++;
    }
  };
}

// A length byte n: 0–127 copies n+1 bytes, 129–255 repeats the next byte 257−n times, 128 ends.
export const runLengthDecoder: TChunkDecoder = async function* decodeRunLength(source) {
  const out = new ChunkWriter();
  let state: "len" | "copy" | "repeat" = "len";
  let remaining = 0;
  for await (const chunk of source) {
    for (let k = 0; k < chunk.length; k++) {
      const b = chunk[k];
      if (state === "len") {
        if (b === 128) {
          if (out.len > 0) yield out.take();
          return;
        }
        if (b < 128) {
          state = "copy";
          remaining = b + 1;
        } else {
          state = "repeat";
          remaining = 257 - b;
        }
      } else if (state === "copy") {
        if (out.len === OUT_CHUNK) yield out.take();
        out.buf[out.len++] = b;
        if (--remaining === 0) state = "len";
      } else {
        while (remaining > 0) {
          if (out.len === OUT_CHUNK) yield out.take();
          const n = Math.min(remaining, OUT_CHUNK - out.len);
          out.buf.fill(b, out.len, out.len + n);
          out.len += n;
          remaining -= n;
        }
        state = "len";
      }
    }
  }
  if (out.len > 0) yield out.take();
};

// Pairs of hex digits, whitespace ignored, `>` ends; anything else is an error to readers.
export const asciiHexDecoder: TChunkDecoder = async function* decodeAsciiHex(source) {
  const out = new ChunkWriter();
  let high = -1;
  for await (const chunk of source) {
    for (let k = 0; k < chunk.length; k++) {
      const c = chunk[k];
      if (c === 0x3e) {
        if (out.len === OUT_CHUNK) yield out.take();
        if (high !== -1) out.buf[out.len++] = high << 4;
        if (out.len > 0) yield out.take();
        return;
      }
      const v = hexValue(c);
      if (v === -1) {
        if (isWhite(c)) continue;
        if (out.len > 0) yield out.take();
        return;
      }
      if (high === -1) {
        high = v;
        continue;
      }
      if (out.len === OUT_CHUNK) yield out.take();
      out.buf[out.len++] = (high << 4) | v;
      high = -1;
    }
  }
  if (out.len > 0) yield out.take();
};

// Groups of five characters `!`–`u` make four bytes, `z` four zero bytes, `~>` ends.
export const ascii85Decoder: TChunkDecoder = async function* decodeAscii85(source) {
  const out = new ChunkWriter();
  const group: number[] = [];
  const flushGroup = () => {
    if (group.length < 2) return;
    const count = group.length - 1;
    while (group.length < 5) group.push(84);
    let value = 0;
    for (const d of group) value = value * 85 + d;
    for (let b = 0; b < count; b++) out.buf[out.len++] = (value >>> (24 - 8 * b)) & 0xff;
    group.length = 0;
  };
  for await (const chunk of source) {
    for (let k = 0; k < chunk.length; k++) {
      const c = chunk[k];
      if (isWhite(c)) continue;
      if (out.len > OUT_CHUNK - 4) yield out.take();
      if (c === 0x7e) {
        flushGroup();
        if (out.len > 0) yield out.take();
        return;
      }
      if (c === 0x7a && group.length === 0) {
        out.buf.fill(0, out.len, out.len + 4);
        out.len += 4;
        continue;
      }
      if (c < 0x21 || c > 0x75) {
        if (out.len > 0) yield out.take();
        return;
      }
      group.push(c - 0x21);
      if (group.length === 5) flushGroup();
    }
  }
  flushGroup();
  if (out.len > 0) yield out.take();
};

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function isWhite(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}
