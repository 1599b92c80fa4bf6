import { PDFArray, PDFDict, PDFName, PDFRef, type PDFContext, type PDFDocument, type PDFPage } from "pdf-lib";

// A scan can itself be a signed PDF (a diploma signed by another institution). copyPages brings
// its signature widgets along with the page, and through them the signature dictionaries, whose
// /ByteRange describes the original file, not ours: pdfsig then lists a third signature with
// "Digest Mismatch" on the issued certification, and our validator calls the document invalid.
// That signature cannot survive a merge anyway (the bytes it covered are gone), so the merged
// document keeps the scan's pages without it. A signed original that must stay verifiable is
// embedded as an attachment instead, byte for byte.
export function dropCopiedSignatures(doc: PDFDocument, pages: readonly PDFPage[]): void {
  const context = doc.context;
  const dropped = new Set<PDFRef>();
  for (const page of pages) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i--) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict) || !isSignatureWidget(context, annot)) continue;
      const ref = annots.get(i);
      annots.remove(i);
      if (ref instanceof PDFRef) dropped.add(ref);
      collectFieldObjects(context, annot, dropped);
    }
  }
  for (const ref of dropped) context.delete(ref);
}

function fieldType(context: PDFContext, field: PDFDict): PDFName | undefined {
  // /FT is inheritable: a widget often carries it only on its parent field.
  let node: PDFDict | undefined = field;
  for (let depth = 0; node && depth < 16; depth++) {
    const ft = node.get(PDFName.of("FT"));
    if (ft instanceof PDFName) return ft;
    node = context.lookupMaybe(node.get(PDFName.of("Parent")), PDFDict);
  }
  return undefined;
}

function isSignatureWidget(context: PDFContext, annot: PDFDict): boolean {
  return annot.get(PDFName.of("Subtype")) === PDFName.of("Widget") && fieldType(context, annot) === PDFName.of("Sig");
}

// The signature value (/V) and the parent field of a dropped widget, when they are objects of
// their own: left in the file they would still be written out, /ByteRange and all.
function collectFieldObjects(context: PDFContext, widget: PDFDict, into: Set<PDFRef>): void {
  let node: PDFDict | undefined = widget;
  for (let depth = 0; node && depth < 16; depth++) {
    const value = node.get(PDFName.of("V"));
    if (value instanceof PDFRef) into.add(value);
    const parent: unknown = node.get(PDFName.of("Parent"));
    if (!(parent instanceof PDFRef)) break;
    const parentDict: PDFDict | undefined = context.lookupMaybe(parent, PDFDict);
    // Only a field that is a signature field (and whose kids are all being dropped with it).
    if (!parentDict || fieldType(context, parentDict) !== PDFName.of("Sig") || !onlyKid(parentDict, node)) break;
    into.add(parent);
    node = parentDict;
  }
}

function onlyKid(parent: PDFDict, child: PDFDict): boolean {
  const kids = parent.lookupMaybe(PDFName.of("Kids"), PDFArray);
  return !kids || kids.size() <= 1 || kids.asArray().every((k) => k instanceof PDFRef && parent.context.lookup(k) === child);
}
