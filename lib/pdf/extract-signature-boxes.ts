import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFString, PDFHexString, type PDFDocument } from "pdf-lib";
import type { TSignatureBox } from "./sheet-data";

// The sheet marks each signer's signature box with a link to `certifica:firma/<signer index>`
// (certification-sheet.tsx): React-PDF writes a /Link annotation whose /Rect is exactly the box it
// laid out, on the page where it laid it out, in the page's user space (pdfkit converts the box
// with the page's transformation). Reading those annotations back is the one place the layout's
// positions come out of React-PDF without reaching into its internals.
export const SIGNATURE_BOX_URI_PREFIX = "certifica:firma/";

export function signatureBoxUri(signer: number): string {
  return `${SIGNATURE_BOX_URI_PREFIX}${signer}`;
}

type TFoundBox = Omit<TSignatureBox, "role">;

// Reads the marker links of the signature boxes and removes them (annotation, its action, and the
// page's /Annots entry, or /Annots itself when nothing else is left): a reader must not find a
// link to a made-up address on the issued sheet. Other annotations stay. Boxes in signer order.
export function extractSignatureBoxes(doc: PDFDocument): TFoundBox[] {
  const boxes: TFoundBox[] = [];
  doc.getPages().forEach((page, pageIndex) => {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    if (!annots) return;
    const keep: Array<ReturnType<PDFArray["get"]>> = [];
    for (const item of annots.asArray()) {
      const annot = item instanceof PDFRef ? doc.context.lookupMaybe(item, PDFDict) : item instanceof PDFDict ? item : undefined;
      const signer = annot ? markedSigner(annot) : null;
      if (annot === undefined || signer === null) {
        keep.push(item);
        continue;
      }
      boxes.push({ signer, pageIndex, rect: readRect(annot) });
      const action = annot.get(PDFName.of("A"));
      if (action instanceof PDFRef) doc.context.delete(action);
      if (item instanceof PDFRef) doc.context.delete(item);
    }
    if (keep.length === annots.size()) return;
    const annotsRef = page.node.get(PDFName.of("Annots"));
    if (keep.length === 0) {
      page.node.delete(PDFName.of("Annots"));
      if (annotsRef instanceof PDFRef) doc.context.delete(annotsRef);
      return;
    }
    const rest = doc.context.obj(keep);
    if (annotsRef instanceof PDFRef) doc.context.assign(annotsRef, rest);
    else page.node.set(PDFName.of("Annots"), rest);
  });
  return boxes.sort((a, b) => a.signer - b.signer);
}

function markedSigner(annot: PDFDict): number | null {
  if (annot.lookupMaybe(PDFName.of("Subtype"), PDFName) !== PDFName.of("Link")) return null;
  const action = annot.lookupMaybe(PDFName.of("A"), PDFDict);
  const uri = action?.lookupMaybe(PDFName.of("URI"), PDFString, PDFHexString)?.decodeText();
  if (!uri?.startsWith(SIGNATURE_BOX_URI_PREFIX)) return null;
  const index = uri.slice(SIGNATURE_BOX_URI_PREFIX.length);
  return /^\d+$/.test(index) ? Number(index) : null;
}

// [left, bottom, right, top], whichever corners the writer gave.
function readRect(annot: PDFDict): TSignatureBox["rect"] {
  const rect = annot.lookup(PDFName.of("Rect"), PDFArray);
  const [x1, y1, x2, y2] = rect.asArray().map((n) => {
    if (!(n instanceof PDFNumber)) throw new Error("El recuadro de firma no tiene un /Rect numérico");
    return n.asNumber();
  });
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}
