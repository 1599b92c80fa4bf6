import { createElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { CertificationSheet, registerSheetFonts } from "./certification-sheet";
import { ZCertificationSheetData, type TCertificationSheetInput } from "./sheet-data";

// 8 px per module keeps the code sharp when printed at 104 pt (about 3.7 cm) and when a phone
// reads it off a screen; level M survives a stamp or a fold over part of it.
export async function renderQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 8 });
}

// Renders the sheet alone (its own pages, before any scan) as a PDF.
export async function renderCertificationSheet(input: TCertificationSheetInput): Promise<Buffer> {
  const data = ZCertificationSheetData.parse(input);
  registerSheetFonts();
  const qrPng = await renderQrPng(data.verification.url);
  return renderToBuffer(createElement(CertificationSheet, { data, qrPng }) as Parameters<typeof renderToBuffer>[0]);
}
