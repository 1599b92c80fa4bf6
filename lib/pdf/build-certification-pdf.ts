import { loadScans, mergePdfs, type TPdfAttachment, type TPdfInput } from "./merge-pdfs";
import { renderCertificationSheetDocument } from "./render-certification-sheet";
import { ZCertificationSheetData, type TCertificationSheetData, type TCertificationSheetInput } from "./sheet-data";

export type TBuildCertificationPdfInput = {
  sheet: TCertificationSheetInput;
  // The uploaded scans, in the order they are to follow the sheet.
  scans: readonly TPdfInput[];
  // Files embedded unchanged (D.1.2: the archive's signed PDF).
  attachments?: readonly TPdfAttachment[];
  now?: Date;
};

export type TBuiltCertificationPdf = {
  pdf: Buffer;
  // The data as printed (page count, attachment names and signature boxes filled in): store this one.
  data: TCertificationSheetData;
  sheetPages: number;
  totalPages: number;
  // Wall-clock milliseconds of the two steps, for logs and `npm run bench`.
  timings: { sheetMs: number; mergeMs: number };
};

// Renders the sheet and merges it in front of the scans: the unsigned document of a case.
// Scans are read first, so a damaged or encrypted one fails before anything is rendered and
// the sheet can state how many scanned pages follow it.
export async function buildCertificationPdf({
  sheet,
  scans,
  attachments = [],
  now,
}: TBuildCertificationPdfInput): Promise<TBuiltCertificationPdf> {
  const start = performance.now();
  const scanDocs = await loadScans(scans);
  const scanPages = scanDocs.reduce((n, d) => n + d.getPageCount(), 0);

  const parsed = ZCertificationSheetData.parse(sheet);
  const printed: TCertificationSheetData = {
    ...parsed,
    attachedPages: parsed.attachedPages ?? scanPages,
    attachmentNames: parsed.attachmentNames.length > 0 ? parsed.attachmentNames : attachments.map((a) => a.name),
  };

  const sheetStart = performance.now();
  const { doc: sheetDoc, signatureBoxes } = await renderCertificationSheetDocument(printed);
  const sheetEnd = performance.now();
  // The sheet's pages come first in the merged document: the boxes' page indexes hold there too.
  const data: TCertificationSheetData = { ...printed, signatureBoxes };
  const sheetPages = sheetDoc.getPageCount();
  const pdf = await mergePdfs({ sheet: sheetDoc, scans: scanDocs, attachments, now });
  const timings = { sheetMs: sheetEnd - sheetStart, mergeMs: sheetStart - start + (performance.now() - sheetEnd) };
  return { pdf, data, sheetPages, totalPages: sheetPages + scanPages, timings };
}
