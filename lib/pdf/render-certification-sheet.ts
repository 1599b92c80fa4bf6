import { createElement } from "react";
import { Font, renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { CertificationSheet, registerSheetFonts, SHEET_FONT_FAMILY } from "./certification-sheet";
import { memoizeFontLayout } from "./memoize-font-layout";
import { ZCertificationSheetData, type TCertificationSheetInput } from "./sheet-data";

// 4 px per module: printed at 96 pt the image is about 110 ppi, and PDF readers draw it
// without interpolation, so modules stay square; a larger bitmap only slowed rendering
// (≈ 45 ms more at 8 px). Level M survives a stamp or a fold over part of the code.
// Grayscale without alpha (pngjs's colorType, passed through by qrcode): qrcode's default
// RGBA PNG makes React-PDF add a soft mask, i.e. transparency, which archival PDF avoids.
export async function renderQrPng(url: string): Promise<Buffer> {
  const rendererOpts = { colorType: 0 } as NonNullable<QRCode.QRCodeToBufferOptions["rendererOpts"]>;
  return QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 4, rendererOpts });
}

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

// Renders the sheet alone (its own pages, before any scan) as a PDF.
export async function renderCertificationSheet(input: TCertificationSheetInput): Promise<Buffer> {
  const data = ZCertificationSheetData.parse(input);
  await prepareSheetFonts();
  const qrPng = await renderQrPng(data.verification.url);
  return renderToBuffer(createElement(CertificationSheet, { data, qrPng }) as Parameters<typeof renderToBuffer>[0]);
}
