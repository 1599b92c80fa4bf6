import { inflateSync } from "node:zlib";
import { createElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import { CertificationSheet, registerSheetFonts } from "@/lib/pdf/certification-sheet";
import { buildQrPath } from "@/lib/pdf/build-qr-path";
import { TEXT_LAYOUT_MEMO, type TGlobalWithMemo, type TTextLayoutMemo } from "@/lib/pdf/memoize-text-layout";
import type { TCertificationSheetData } from "@/lib/pdf/sheet-data";

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

// The sheet rendered straight through React-PDF, before renderCertificationSheet has prepared
// the fonts and pdfkit (memoized shaping, cached lookups, subsets, shared Helvetica, level-1
// Flate: compare with inflatedPdf) and without
// the text layout memo: call it in a fresh module graph (a test file's first render) to get the
// stock libraries' bytes.
export function renderSheetUnprepared(data: TCertificationSheetData): Promise<Buffer> {
  registerSheetFonts();
  return withTextLayoutMemo(undefined, () =>
    renderToBuffer(createElement(CertificationSheet, { data, qr: buildQrPath(data.verification.url) }) as Parameters<typeof renderToBuffer>[0]),
  );
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
