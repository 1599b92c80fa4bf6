import { createElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { CertificationSheet, registerSheetFonts } from "./certification-sheet";
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

// Renders the sheet alone (its own pages, before any scan) as a PDF.
export async function renderCertificationSheet(input: TCertificationSheetInput): Promise<Buffer> {
  const data = ZCertificationSheetData.parse(input);
  registerSheetFonts();
  const qrPng = await renderQrPng(data.verification.url);
  return renderToBuffer(createElement(CertificationSheet, { data, qrPng }) as Parameters<typeof renderToBuffer>[0]);
}
