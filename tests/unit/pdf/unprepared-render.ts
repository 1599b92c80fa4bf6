import { createElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import { CertificationSheet, registerSheetFonts } from "@/lib/pdf/certification-sheet";
import { buildQrPath } from "@/lib/pdf/build-qr-path";
import type { TCertificationSheetData } from "@/lib/pdf/sheet-data";

// The creation date, and the file /ID pdfkit derives from it, differ between any two renders.
export function stripDates(pdf: Buffer): string {
  return pdf
    .toString("latin1")
    .replace(/\(D:\d{14}[^)]*\)/g, "")
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "");
}

// The sheet rendered straight through React-PDF, before renderCertificationSheet has prepared
// the fonts and pdfkit (memoized shaping, cached lookups, subsets, shared Helvetica): call it in
// a fresh module graph (a test file's first render) to get the stock libraries' bytes.
export function renderSheetUnprepared(data: TCertificationSheetData): Promise<Buffer> {
  registerSheetFonts();
  return renderToBuffer(createElement(CertificationSheet, { data, qr: buildQrPath(data.verification.url) }) as Parameters<typeof renderToBuffer>[0]);
}
