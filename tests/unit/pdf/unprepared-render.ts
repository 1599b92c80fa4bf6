import { inflateSync } from "node:zlib";
import { createElement } from "react";
import { Font, renderToBuffer } from "@react-pdf/renderer";
import { CertificationSheet, registerSheetFonts, SHEET_FONT_FAMILY } from "@/lib/pdf/certification-sheet";
import { buildQrPath } from "@/lib/pdf/build-qr-path";
import { TEXT_LAYOUT_MEMO, type TGlobalWithMemo, type TTextLayoutMemo } from "@/lib/pdf/memoize-text-layout";
import type { TCertificationSheetData } from "@/lib/pdf/sheet-data";
import { withStockPdfkit } from "./stock-pdfkit";

// The creation date, and the file /ID pdfkit derives from it, differ between any two renders.
export function stripDates(pdf: Buffer): string {
  return pdf
    .toString("latin1")
    .replace(/\(D:\d{14}[^)]*\)/g, "")
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "");
}

// Every stream of a PDF as pdfkit writes it (a direct /Length in each stream's dictionary): the
// dictionary's text, the stored bytes and where they start and end.
export function pdfStreams(pdf: Buffer): Array<{ dictionary: string; objStart: number; start: number; end: number; data: Buffer }> {
  const text = pdf.toString("latin1");
  const streams = [];
  const streamStart = /(?<!end)stream\r?\n/g;
  for (let match = streamStart.exec(text); match; match = streamStart.exec(text)) {
    const objStart = text.lastIndexOf(" obj", match.index);
    const dictionary = text.slice(objStart, match.index);
    const length = /\/Length (\d+)/.exec(dictionary);
    if (!length) throw new Error(`stream without a direct /Length at ${match.index}`);
    const start = match.index + match[0].length;
    const end = start + Number(length[1]);
    streams.push({ dictionary, objStart, start, end, data: pdf.subarray(start, end) });
    streamStart.lastIndex = end;
  }
  return streams;
}

// A PDF as pdfkit wrote it, with every stream decompressed: what two renders that differ only in
// their Flate encoding (compress-streams-fast.ts) have in common, byte for byte. Each stream's
// dictionary loses its /Length and the cross-reference table its offsets, which follow from the
// encoding; dates and /ID are stripped as in stripDates.
export function inflatedPdf(pdf: Buffer): string {
  const text = pdf.toString("latin1");
  const parts: string[] = [];
  let from = 0;
  for (const { dictionary, objStart, end, data } of pdfStreams(pdf)) {
    const content = /\/FlateDecode/.test(dictionary) ? inflateSync(data) : data;
    parts.push(text.slice(from, objStart), dictionary.replace(/\/Length \d+/, ""), "stream\n", content.toString("latin1"));
    from = end;
  }
  parts.push(text.slice(from));
  return stripDates(Buffer.from(parts.join(""), "latin1"))
    .replace(/\nxref\n[\s\S]*?\ntrailer/, "\nxref trailer")
    .replace(/startxref\n\d+/, "startxref");
}

// The sheet rendered straight through React-PDF, without what renderCertificationSheet prepares
// for the whole process (memoized shaping, cached lookups and direct subsets on the sheet's
// fontkit objects; shared Helvetica and level-1 Flate on pdfkit's prototypes; the text layout
// memo): the stock libraries' bytes, to compare with inflatedPdf. Right in any module graph,
// fresh or shared with test files that rendered before (vitest `isolate: false`).
export function renderSheetUnprepared(data: TCertificationSheetData): Promise<Buffer> {
  return renderUnprepared(createElement(CertificationSheet, { data, qr: buildQrPath(data.verification.url) }) as Parameters<typeof renderToBuffer>[0]);
}

// Any document, rendered as renderSheetUnprepared renders the sheet.
export function renderUnprepared(document: Parameters<typeof renderToBuffer>[0]): Promise<Buffer> {
  registerSheetFonts();
  return withStockPdfkit(() => withFreshSheetFonts(() => withTextLayoutMemo(undefined, () => renderToBuffer(document))));
}

const SHEET_FACES = [
  { fontFamily: SHEET_FONT_FAMILY, fontWeight: 400, fontStyle: "normal" },
  { fontFamily: SHEET_FONT_FAMILY, fontWeight: 700, fontStyle: "normal" },
  { fontFamily: SHEET_FONT_FAMILY, fontWeight: 400, fontStyle: "italic" },
] as const;

// Runs `render` with the sheet's faces unloaded, so React-PDF opens the font files again (fresh
// fontkit objects, as in a fresh module graph), then puts back the faces the sheet renderer
// loaded and prepared, if any. Tests only, as withTextLayoutMemo.
async function withFreshSheetFonts<T>(render: () => Promise<T>): Promise<T> {
  const sources = SHEET_FACES.map((face) => Font.getFont(face));
  const kept = sources.map(({ data, loadResultPromise }) => ({ data, loadResultPromise }));
  for (const source of sources) {
    source.data = null;
    source.loadResultPromise = null;
  }
  try {
    return await render();
  } finally {
    sources.forEach((source, i) => Object.assign(source, kept[i]));
  }
}

// Runs `render` with another text layout memo in place, or with none (a pass-through, which the
// sheet renderer's own install leaves alone), then puts the previous one back. Tests only: the
// memo is the process's, so this would reach any render running at the same time.
export async function withTextLayoutMemo<T>(memo: TTextLayoutMemo | undefined, render: () => Promise<T>): Promise<T> {
  const g = globalThis as TGlobalWithMemo;
  const previous = g[TEXT_LAYOUT_MEMO];
  const passThrough = ((text, container, options, layout) => layout(text, container, options)) as TTextLayoutMemo;
  g[TEXT_LAYOUT_MEMO] = memo ?? passThrough;
  try {
    return await render();
  } finally {
    if (previous) g[TEXT_LAYOUT_MEMO] = previous;
    else delete g[TEXT_LAYOUT_MEMO];
  }
}
