// @ts-expect-error pdfkit ships no types; this is the module React-PDF imports (`import PDFDocument from 'pdfkit'`).
import PDFDocument from "pdfkit";
import { constants, deflateSync } from "node:zlib";

// pdfkit deflates every stream it writes (page contents, font subsets, their ToUnicode maps) at
// zlib's default level 6: ≈ 1.5 ms of a sheet, most of it the two page contents (≈ 50 KB of text
// operators). At level 1 (Z_BEST_SPEED) the same streams take ≈ 0.7 ms and ≈ 2 KB more, beside
// the megabytes of scans that follow the sheet. The decompressed content is the same, byte for
// byte (tests/unit/pdf/compress-streams-fast.test.ts); only the Flate encoding differs, which
// every reader decodes alike.
//
// pdfkit compresses in its stream object's `finalize()` when `compress` is set (and `write()`
// has already put /Filter /FlateDecode in the dictionary): the stream is deflated here first and
// handed on with `compress` cleared, and pdfkit writes it as usual. Encrypted documents (which
// the sheet never is) keep pdfkit's own path, which compresses before encrypting.

type TStreamObject = {
  compress: boolean;
  buffer: Uint8Array[];
  document: { _security?: unknown };
  finalize(): void;
};

export const FAST_DEFLATE_LEVEL = constants.Z_BEST_SPEED;
let installed = false;

export function compressStreamsFast(): void {
  if (installed) return;
  installed = true;
  // pdfkit does not export its stream object's class: reach it through `ref()`, on a stand-in for
  // the document holding the few fields the constructor reads.
  const ref = (PDFDocument as { prototype: { ref(this: object, data: object): object } }).prototype.ref;
  const probe = ref.call({ _offsets: [], _waiting: 0, compress: false }, {});
  const proto = Object.getPrototypeOf(probe) as TStreamObject;
  const finalize = proto.finalize;
  proto.finalize = function (this: TStreamObject) {
    if (this.compress && this.buffer.length > 0 && !this.document._security) {
      const raw = this.buffer.length === 1 ? this.buffer[0] : Buffer.concat(this.buffer);
      this.buffer = [deflateSync(raw, { level: FAST_DEFLATE_LEVEL })];
      this.compress = false;
    }
    finalize.call(this);
  };
}
