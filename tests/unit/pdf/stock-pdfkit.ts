// @ts-expect-error pdfkit ships no types; this is the module React-PDF imports (`import PDFDocument from 'pdfkit'`).
import PDFDocument from "pdfkit";

// pdfkit's own document and stream methods, as the module defines them, for renders that must
// be pdfkit's stock output (unprepared-render.ts). The sheet renderer replaces two of them on
// pdfkit's prototypes for the whole process (share-default-font.ts, compress-streams-fast.ts),
// and pdfkit is loaded once per worker: when the unit tests share a worker (vitest
// `isolate: false`), any earlier file that rendered a sheet has replaced them already. So they
// are kept by a setup file (tests/helpers/unit-setup.ts) before any test file runs, on
// globalThis so that a second evaluation of this module cannot keep the replaced ones.

type TMethod = (this: unknown, ...args: unknown[]) => unknown;
type TStockPdfkit = { documentProto: { initFonts: TMethod }; streamProto: { finalize: TMethod }; initFonts: TMethod; finalize: TMethod };
const STOCK = Symbol.for("certifica.tests.stockPdfkit");
type TGlobalWithStock = typeof globalThis & { [STOCK]?: TStockPdfkit };

// pdfkit does not export its stream object's class: reach it through `ref()`, as
// compress-streams-fast.ts does.
function streamPrototype(): { finalize: TMethod } {
  const ref = (PDFDocument as { prototype: { ref(this: object, data: object): object } }).prototype.ref;
  return Object.getPrototypeOf(ref.call({ _offsets: [], _waiting: 0, compress: false }, {})) as { finalize: TMethod };
}

export function keepStockPdfkit(): void {
  const g = globalThis as TGlobalWithStock;
  if (g[STOCK]) return;
  const documentProto = (PDFDocument as { prototype: { initFonts: TMethod } }).prototype;
  const streamProto = streamPrototype();
  // pdfkit's methods carry their names; the replacements are anonymous functions. Keeping a
  // replacement would make every "stock" render a prepared one, and the comparisons vacuous.
  if (documentProto.initFonts.name !== "initFonts" || streamProto.finalize.name !== "finalize") {
    throw new Error("pdfkit's methods were replaced before the setup file kept them: tests/helpers/unit-setup.ts must run first");
  }
  g[STOCK] = { documentProto, streamProto, initFonts: documentProto.initFonts, finalize: streamProto.finalize };
}

// Runs `render` with pdfkit's own methods in place, then puts back whatever was there. Tests
// only: the prototypes are the process's, so this would reach any render running at the same time.
export async function withStockPdfkit<T>(render: () => Promise<T>): Promise<T> {
  const stock = (globalThis as TGlobalWithStock)[STOCK];
  if (!stock) throw new Error("pdfkit's own methods were not kept: add tests/helpers/unit-setup.ts to the project's setupFiles");
  const { documentProto, streamProto } = stock;
  const current = { initFonts: documentProto.initFonts, finalize: streamProto.finalize };
  documentProto.initFonts = stock.initFonts;
  streamProto.finalize = stock.finalize;
  try {
    return await render();
  } finally {
    documentProto.initFonts = current.initFonts;
    streamProto.finalize = current.finalize;
  }
}
