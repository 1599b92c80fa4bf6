import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import type { TPdfStream, TPdfValue } from "./find-pdf-streams";
import { ascii85Decoder, asciiHexDecoder, lzwDecoder, runLengthDecoder, type TChunkDecoder } from "./pdf-stream-decoders";

// Decompression-bomb check: how many bytes the streams of a PDF decode to, measured by decoding
// them as a reader would, in chunks that are counted and dropped, and stopped the moment the
// count passes `budget`. Memory is a few 64 KB chunks and one zlib window per step whatever the
// stream expands to; work is bounded by the budget (output) and `inputBudget` (input read).
//
// Which filters are decoded (PDF 32000-1 §7.4), and why:
// - FlateDecode (and `Fl`): with Node's zlib. A stream without a valid zlib header is inflated as
//   raw deflate, as lenient readers do.
// - LZWDecode, RunLengthDecode, ASCIIHexDecode, ASCII85Decode (and their short names): with the
//   decoders in pdf-stream-decoders.ts. LZW expands about as much as Flate (≈1 000:1 at most).
// - Chains (`/Filter [/ASCII85Decode /FlateDecode]`, `[/FlateDecode /FlateDecode]`, …) are decoded
//   step by step, and the output of every step counts: a double-deflated stream (which a single
//   pass would show as a small, innocent middle step) is caught on its final output.
// - Image codecs (DCTDecode, JPXDecode, JBIG2Decode, CCITTFaxDecode) and Crypt end the chain and
//   are not decoded: their size once decoded is that of the image they declare (width × height),
//   drawn one page at a time, and they are what normal scans are made of.
// - Predictors (/DecodeParms /Predictor) are ignored: they never make data larger.
// - A /Filter given by reference (`/Filter 12 0 R`, possibly an object inside an object stream) or a
//   dictionary that cannot be read: the stream is inflated if its data starts with a zlib header.
// Object streams (/Type /ObjStm) and cross-reference streams are streams like any other and are
// counted; this runs before pdf-lib loads the file, because pdf-lib inflates those whole to read
// the objects inside them. Objects inside an object stream are never streams themselves (§7.5.7).
export type TDecodedMeasure = { decodedBytes: number; exceeded: boolean };

export class DecodeLimitExceeded extends Error {
  constructor() {
    super("decode budget exceeded");
    this.name = "DecodeLimitExceeded";
  }
}

type TStep = "flate" | "lzw" | "runlength" | "asciihex" | "ascii85";

const FILTER_STEPS = new Map<string, TStep>([
  ["FlateDecode", "flate"],
  ["Fl", "flate"],
  ["LZWDecode", "lzw"],
  ["LZW", "lzw"],
  ["RunLengthDecode", "runlength"],
  ["RL", "runlength"],
  ["ASCIIHexDecode", "asciihex"],
  ["AHx", "asciihex"],
  ["ASCII85Decode", "ascii85"],
  ["A85", "ascii85"],
]);

const SOURCE_CHUNK = 64 * 1024;
// Most streams of a normal file are small deflated page contents and fonts: those are inflated in
// one synchronous call whose output is capped at SMALL_OUTPUT (so memory stays bounded), which
// costs a fraction of a streaming pipeline. Anything bigger, or corrupt, goes the streaming way.
const SMALL_INPUT = 256 * 1024;
const SMALL_OUTPUT = 1024 * 1024;

export async function measureDecodedStreams(
  buf: Buffer,
  streams: readonly TPdfStream[],
  limits: { budget: number; inputBudget: number },
): Promise<TDecodedMeasure> {
  const count = { output: 0, input: 0 };
  for (const stream of streams) {
    const steps = decodingSteps(buf, stream);
    if (steps.length === 0) continue;
    const small = steps.length === 1 && steps[0].step === "flate" ? inflateSmall(buf, stream) : null;
    if (small !== null) {
      count.input += stream.dataEnd - stream.dataStart;
      count.output += small;
      if (count.output > limits.budget || count.input > limits.inputBudget) return { decodedBytes: count.output, exceeded: true };
      continue;
    }
    try {
      await decodeCounting(buf, stream, steps, count, limits);
    } catch (e) {
      if (e instanceof DecodeLimitExceeded) return { decodedBytes: count.output, exceeded: true };
      // Corrupt or truncated data: readers stop there too. What it produced so far was counted.
    }
  }
  return { decodedBytes: count.output, exceeded: false };
}

async function decodeCounting(
  buf: Buffer,
  stream: TPdfStream,
  steps: readonly { step: TStep; params: TPdfValue | undefined }[],
  count: { output: number; input: number },
  limits: { budget: number; inputBudget: number },
): Promise<void> {
  async function* source() {
    for (let at = stream.dataStart; at < stream.dataEnd; at += SOURCE_CHUNK) {
      const chunk = buf.subarray(at, Math.min(stream.dataEnd, at + SOURCE_CHUNK));
      count.input += chunk.length;
      if (count.input > limits.inputBudget) throw new DecodeLimitExceeded();
      yield chunk;
    }
  }
  const counted = (decoder: TChunkDecoder): TChunkDecoder =>
    async function* (input) {
      for await (const chunk of decoder(input)) {
        count.output += chunk.length;
        if (count.output > limits.budget) throw new DecodeLimitExceeded();
        yield chunk;
      }
    };
  const stages = steps.map(({ step, params }) => counted(decoderFor(step, params)));
  const drain = async (input: AsyncIterable<Buffer>) => {
    for await (const chunk of input) void chunk;
  };
  // pipeline's typings do not follow a variable number of stages.
  await (pipeline as (...args: unknown[]) => Promise<void>)(source, ...stages, drain);
}

function decoderFor(step: TStep, params: TPdfValue | undefined): TChunkDecoder {
  switch (step) {
    case "flate":
      return flateDecoder;
    case "lzw": {
      const early = params?.t === "dict" ? params.v.get("EarlyChange") : undefined;
      return lzwDecoder(early?.t === "num" && early.v === 0 ? 0 : 1);
    }
    case "runlength":
      return runLengthDecoder;
    case "asciihex":
      return asciiHexDecoder;
    case "ascii85":
      return ascii85Decoder;
  }
}

// Node's zlib behind the chunk-decoder interface: it reads its input only as its output is taken
// (zlib's own backpressure), and stops at the end of the deflate data.
const flateDecoder: TChunkDecoder = async function* inflate(source) {
  const iterator = source[Symbol.asyncIterator]();
  const head = await iterator.next();
  if (head.done) return;
  const inflater = hasZlibHeader(head.value)
    ? zlib.createInflate({ chunkSize: SOURCE_CHUNK })
    : zlib.createInflateRaw({ chunkSize: SOURCE_CHUNK });
  async function* input() {
    yield head.value as Buffer;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
  }
  // Ends in an abort when zlib finishes before its input (the bytes after the deflate data, which
  // readers ignore too); a real error surfaces through the iteration below.
  const feeding = pipeline(Readable.from(input()), inflater).catch(() => undefined);
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } finally {
    inflater.destroy();
    await feeding;
  }
};

// The decoded size of a small zlib stream, or null when it is not one (too large an input or
// output, no zlib header, corrupt data: what corrupt data produced before failing must be counted).
function inflateSmall(buf: Buffer, stream: TPdfStream): number | null {
  const input = buf.subarray(stream.dataStart, stream.dataEnd);
  if (input.length > SMALL_INPUT || !hasZlibHeader(input)) return null;
  try {
    return zlib.inflateSync(input, { maxOutputLength: SMALL_OUTPUT }).length;
  } catch {
    return null;
  }
}

// RFC 1950: compression method 8, window ≤ 32 KB, and the two header bytes a multiple of 31.
function hasZlibHeader(chunk: Buffer): boolean {
  if (chunk.length < 2) return false;
  return (chunk[0] & 0x0f) === 8 && chunk[0] >> 4 <= 7 && ((chunk[0] << 8) | chunk[1]) % 31 === 0;
}

// The decoding steps a reader would apply to this stream, up to the first one not decoded here.
function decodingSteps(buf: Buffer, stream: TPdfStream): { step: TStep; params: TPdfValue | undefined }[] {
  const sniffed = () => (hasZlibHeader(buf.subarray(stream.dataStart, stream.dataStart + 2)) ? [{ step: "flate" as const, params: undefined }] : []);
  if (!stream.dict) return sniffed();
  const filter = stream.dict.get("Filter");
  if (!filter) return [];
  const names = filter.t === "arr" ? filter.v : [filter];
  const parms = stream.dict.get("DecodeParms") ?? stream.dict.get("DP");
  const steps: { step: TStep; params: TPdfValue | undefined }[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    // A filter named by reference: what it is cannot be known without resolving it.
    if (name.t !== "name") return steps.length === 0 ? sniffed() : steps;
    const step = FILTER_STEPS.get(name.v);
    if (!step) break;
    steps.push({ step, params: parms?.t === "arr" ? parms.v[i] : parms });
  }
  return steps;
}
