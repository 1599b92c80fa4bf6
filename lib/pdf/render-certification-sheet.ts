import { createElement } from "react";
import { Font, renderToBuffer } from "@react-pdf/renderer";
import type { PDFDocument } from "pdf-lib";
import { buildQrPath } from "./build-qr-path";
import { CertificationSheet, registerSheetFonts, SHEET_FONT_FAMILY } from "./certification-sheet";
import { loadPdfPart } from "./merge-pdfs";
import { memoizeFontLayout } from "./memoize-font-layout";
import { ZCertificationSheetData, type TCertificationSheetInput } from "./sheet-data";

// The sheet's three faces, loaded once per process with their text shaping memoized.
const SHEET_FACES = [
  { fontFamily: SHEET_FONT_FAMILY, fontWeight: 400, fontStyle: "normal" },
  { fontFamily: SHEET_FONT_FAMILY, fontWeight: 700, fontStyle: "normal" },
  { fontFamily: SHEET_FONT_FAMILY, fontWeight: 400, fontStyle: "italic" },
] as const;
let fontsReady: Promise<void> | null = null;

function prepareSheetFonts(): Promise<void> {
  registerSheetFonts();
  fontsReady ??= (async () => {
    for (const face of SHEET_FACES) {
      await Font.load(face);
      const data = Font.getFont(face).data;
      if (data) memoizeFontLayout(data as unknown as Parameters<typeof memoizeFontLayout>[0]);
    }
  })().catch((error: unknown) => {
    fontsReady = null;
    throw error;
  });
  return fontsReady;
}

export type TRenderedSheet = {
  pdf: Buffer;
  // The same bytes, parsed (pdf-lib): merged in front of the scans without parsing them again.
  doc: PDFDocument;
};

// Renders the sheet alone (its own pages, before any scan) as a PDF.
export async function renderCertificationSheet(input: TCertificationSheetInput): Promise<Buffer> {
  const data = ZCertificationSheetData.parse(input);
  await prepareSheetFonts();
  const element = createElement(CertificationSheet, { data, qr: buildQrPath(data.verification.url) });
  return renderToBuffer(element as Parameters<typeof renderToBuffer>[0]);
}

// The same, parsed.
export async function renderCertificationSheetDocument(input: TCertificationSheetInput): Promise<TRenderedSheet> {
  const pdf = await renderCertificationSheet(input);
  return { pdf, doc: await loadPdfPart(pdf, "hoja de certificación") };
}
