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

// The sheet rendered straight through React-PDF, before renderCertificationSheet has prepared
// the fonts and pdfkit (memoized shaping, cached lookups, subsets, shared Helvetica) and without
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
