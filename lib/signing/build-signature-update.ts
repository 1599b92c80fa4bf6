import {
  asName,
  decodeTextString,
  encodeTextString,
  formatPdfDate,
  pdfInt,
  pdfName,
  pdfRef,
  serializePdfValue,
  type TPdfDict,
  type TPdfValue,
} from "@/lib/pdf/signatures/pdf-syntax";
import { PdfStructureError, readXrefTable, resolveObject, resolveValue, type TXrefTable } from "@/lib/pdf/signatures/read-xref-table";
import type { TSignatureAppearance } from "./build-signature-appearance";
import { APPEARANCE_FONTS, drawSignatureAppearance } from "./draw-signature-appearance";
import { SigningError } from "./signing-error";
import { writeXrefSection } from "./write-xref-section";

export type TSignatureFields = {
  reason: string;
  location: string;
  name: string;
  contactInfo?: string;
  signingTime: Date;
  subFilter: "ETSI.CAdES.detached" | "adbe.pkcs7.detached" | "ETSI.RFC3161";
  // Bytes reserved for the CMS; the /Contents hex string is twice as long.
  contentsLength: number;
  // A visible signature (widget on that page, in that box, drawing those lines); without it the
  // signature is invisible, on the first page, exactly as before visible signatures existed.
  appearance?: TSignatureAppearance;
  // "DocTimeStamp": a document timestamp (PAdES B-LTA, ISO 32000-2 §12.8.5) — /Type /DocTimeStamp,
  // no /Name, /Reason, /Location or /ContactInfo; /M only as the claimed time (the token carries
  // the trusted one; without /M pdfsig prints 1970).
  kind?: "Sig" | "DocTimeStamp";
};

export type TSignatureUpdate = {
  // Bytes to append to the PDF: /ByteRange is @signpdf's placeholder, /Contents all zeros.
  update: Buffer;
  // Offsets inside `update` of the "<" of /Contents and just past its ">".
  contentsStart: number;
  contentsEnd: number;
};

// The placeholder @signpdf/signpdf looks for (findByteRange with its default "**********"):
// signPdf (as SignPdf would) fills in the real ranges, padded with spaces to the same length.
export const BYTE_RANGE_PLACEHOLDER = "/ByteRange [0 /********** /********** /**********]";

type TRewrite = { num: number; gen: number; body: string };

// Writes the incremental update (§7.5.6) that adds an invisible signature field to the first
// page: signature dictionary, widget, AcroForm, the page with the widget in /Annots, a
// cross-reference section for exactly those objects and a trailer pointing back with /Prev. The
// original bytes stay untouched, so earlier signatures keep covering what they signed.
export function buildSignatureUpdate(pdf: Buffer, fields: TSignatureFields): TSignatureUpdate {
  if (!pdf.subarray(0, 1024).includes("%PDF-")) throw new SigningError("MALFORMED_PDF", "El archivo no es un PDF.");
  let xref: TXrefTable;
  try {
    xref = readXrefTable(pdf);
  } catch (error) {
    throw structureError(error);
  }
  try {
    return writeUpdate(pdf, xref, fields);
  } catch (error) {
    throw structureError(error);
  }
}

function structureError(error: unknown): unknown {
  if (!(error instanceof PdfStructureError)) return error;
  if (error.problem === "XREF_STREAM") {
    return new SigningError("UNSUPPORTED_PDF", `No se puede firmar este PDF: ${error.message}.`, { cause: error });
  }
  if (error.problem === "ENCRYPTED") return new SigningError("UNSUPPORTED_PDF", "No se puede firmar un PDF cifrado.", { cause: error });
  return new SigningError("MALFORMED_PDF", `El PDF está dañado: ${error.message}.`, { cause: error });
}

function expectDict(value: TPdfValue | undefined, what: string): TPdfDict {
  if (value?.kind !== "dict") throw new PdfStructureError("MALFORMED", `${what} no es un diccionario`);
  return value;
}

function writeUpdate(pdf: Buffer, xref: TXrefTable, fields: TSignatureFields): TSignatureUpdate {
  const rootRef = xref.trailer.entries.get("Root");
  if (rootRef?.kind !== "ref") throw new PdfStructureError("MALFORMED", "El trailer no tiene /Root");
  const root = resolveObject(pdf, xref, rootRef.num);
  const catalog = expectDict(root.value, "El catálogo");
  const page = fields.appearance ? findPage(pdf, xref, catalog, fields.appearance.pageIndex) : findFirstPage(pdf, xref, catalog);

  let highest = 0;
  for (const num of xref.entries.keys()) highest = Math.max(highest, num);
  let next = Math.max(xref.size, highest + 1);
  const sigNum = next++;
  const widgetNum = next++;
  const appearanceObjects = fields.appearance ? appearanceObjectsFor(fields.appearance, () => next++) : null;
  const rewrites: TRewrite[] = [];

  // AcroForm: rewrite it where it lives (its own object, or inline in the catalog), or create it.
  const acroFormValue = catalog.entries.get("AcroForm");
  const acroForm = acroFormValue ? expectDict(resolveValue(pdf, xref, acroFormValue), "/AcroForm") : null;
  const fieldsValue = acroForm?.entries.get("Fields");
  const existingFields = fieldsValue ? resolveValue(pdf, xref, fieldsValue) : undefined;
  const fieldItems = existingFields?.kind === "array" ? existingFields.items : [];
  const fieldName = uniqueFieldName(pdf, xref, fieldItems);
  const newFields: TPdfValue = { kind: "array", items: [...fieldItems, pdfRef(widgetNum)] };

  const newAcroForm: TPdfDict = { kind: "dict", entries: new Map(acroForm?.entries ?? []) };
  if (fieldsValue?.kind === "ref") {
    // /Fields lives in its own object: keep the AcroForm as it is and rewrite the array.
    rewrites.push({ num: fieldsValue.num, gen: fieldsValue.gen, body: serializePdfValue(newFields) });
  } else {
    newAcroForm.entries.set("Fields", newFields);
  }
  newAcroForm.entries.set("SigFlags", pdfInt(3));
  if (acroFormValue?.kind === "ref") {
    rewrites.push({ num: acroFormValue.num, gen: acroFormValue.gen, body: serializePdfValue(newAcroForm) });
  } else {
    const newCatalog: TPdfDict = { kind: "dict", entries: new Map(catalog.entries) };
    if (acroFormValue) newCatalog.entries.set("AcroForm", newAcroForm);
    else {
      const acroFormNum = next++;
      rewrites.push({ num: acroFormNum, gen: 0, body: serializePdfValue(newAcroForm) });
      newCatalog.entries.set("AcroForm", pdfRef(acroFormNum));
    }
    rewrites.push({ num: root.num, gen: root.gen, body: serializePdfValue(newCatalog) });
  }

  // The widget goes into the first page's /Annots (an inline array, or an array object).
  const annotsValue = page.dict.entries.get("Annots");
  const annots = annotsValue ? resolveValue(pdf, xref, annotsValue) : undefined;
  const newAnnots: TPdfValue = { kind: "array", items: [...(annots?.kind === "array" ? annots.items : []), pdfRef(widgetNum)] };
  if (annotsValue?.kind === "ref") {
    rewrites.push({ num: annotsValue.num, gen: annotsValue.gen, body: serializePdfValue(newAnnots) });
  } else {
    const newPage: TPdfDict = { kind: "dict", entries: new Map(page.dict.entries) };
    newPage.entries.set("Annots", newAnnots);
    rewrites.push({ num: page.num, gen: page.gen, body: serializePdfValue(newPage) });
  }

  const widget: TPdfDict = {
    kind: "dict",
    entries: new Map<string, TPdfValue>([
      ["Type", pdfName("Annot")],
      ["Subtype", pdfName("Widget")],
      ["FT", pdfName("Sig")],
      ["Rect", { kind: "array", items: [pdfInt(0), pdfInt(0), pdfInt(0), pdfInt(0)] }],
      // Print + Locked: an invisible field nobody edits.
      ["F", pdfInt(132)],
      ["T", { kind: "string", raw: encodeTextString(fieldName), start: 0, end: 0 }],
      ["V", pdfRef(sigNum)],
      ["P", pdfRef(page.num, page.gen)],
    ]),
  };
  if (appearanceObjects) {
    // Printed, in the box, drawn by its own appearance stream.
    widget.entries.set("Rect", { kind: "array", items: fields.appearance!.rect.map(pdfReal) });
    widget.entries.set("F", pdfInt(4));
    widget.entries.set("AP", { kind: "dict", entries: new Map([["N", pdfRef(appearanceObjects.streamNum)]]) });
  }

  const text = (key: string, value: string | undefined) => (value ? `/${key} ${encodeTextString(value)}\n` : "");
  const docTimeStamp = fields.kind === "DocTimeStamp";
  const sigHead =
    `<<\n/Type /${docTimeStamp ? "DocTimeStamp" : "Sig"}\n/Filter /Adobe.PPKLite\n/SubFilter /${fields.subFilter}\n${BYTE_RANGE_PLACEHOLDER}\n/Contents <`;
  const sigTail = docTimeStamp
    ? `>\n/M (${formatPdfDate(fields.signingTime)})\n>>`
    : `>\n/M (${formatPdfDate(fields.signingTime)})\n` +
      text("Name", fields.name) +
      text("Reason", fields.reason) +
      text("Location", fields.location) +
      text("ContactInfo", fields.contactInfo) +
      ">>";

  // Layout: every object's offset is known before any byte is written.
  // Every string here is latin1, one character per byte, so string lengths are byte offsets.
  const parts: string[] = [];
  let length = 0;
  const offsets = new Map<number, { offset: number; gen: number }>();
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  if (!endsWithEol(pdf)) push("\n");
  const contentsHexLength = fields.contentsLength * 2;

  offsets.set(sigNum, { offset: pdf.length + length, gen: 0 });
  push(`${sigNum} 0 obj\n`);
  const contentsStart = length + sigHead.length - 1;
  push(sigHead);
  push("0".repeat(contentsHexLength));
  const contentsEnd = length + 1;
  push(`${sigTail}\nendobj\n`);
  for (const obj of [{ num: widgetNum, gen: 0, body: serializePdfValue(widget) }, ...(appearanceObjects?.objects ?? []), ...rewrites]) {
    offsets.set(obj.num, { offset: pdf.length + length, gen: obj.gen });
    push(`${obj.num} ${obj.gen} obj\n${obj.body}\nendobj\n`);
  }

  const xrefOffset = pdf.length + length;
  push(writeXrefSection(offsets, xref, next, xrefOffset));

  const update = Buffer.from(parts.join(""), "latin1");
  // The ranges written over it must fit the placeholder: three numbers of up to 10 digits.
  if (pdf.length + update.length > 9_999_999_999) throw new SigningError("UNSUPPORTED_PDF", "El PDF es demasiado grande para firmarlo.");
  return { update, contentsStart, contentsEnd };
}

function endsWithEol(pdf: Buffer): boolean {
  const last = pdf[pdf.length - 1];
  return last === 0x0a || last === 0x0d;
}

function findFirstPage(pdf: Buffer, xref: TXrefTable, catalog: TPdfDict): { num: number; gen: number; dict: TPdfDict } {
  let ref = catalog.entries.get("Pages");
  for (let depth = 0; depth < 32; depth++) {
    if (ref?.kind !== "ref") throw new PdfStructureError("MALFORMED", "El árbol de páginas no usa referencias");
    const node = resolveObject(pdf, xref, ref.num);
    const dict = expectDict(node.value, "Un nodo del árbol de páginas");
    const type = asName(dict.entries.get("Type"));
    const kids = resolveValue(pdf, xref, dict.entries.get("Kids"));
    if (type === "Page" || (type !== "Pages" && kids?.kind !== "array")) return { num: node.num, gen: node.gen, dict };
    if (kids?.kind !== "array" || kids.items.length === 0) throw new PdfStructureError("MALFORMED", "El PDF no tiene páginas");
    ref = kids.items[0];
  }
  throw new PdfStructureError("MALFORMED", "El árbol de páginas es demasiado profundo");
}

// The appearance of a visible signature: a form XObject the size of the box, drawing the lines
// with two standard fonts (draw-signature-appearance.ts), and the two font dictionaries.
function appearanceObjectsFor(appearance: TSignatureAppearance, allocate: () => number): { streamNum: number; objects: TRewrite[] } {
  const [left, bottom, right, top] = appearance.rect;
  if (![left, bottom, right, top].every(Number.isFinite) || right <= left || top <= bottom) {
    throw new SigningError("MALFORMED_PDF", "El recuadro de la firma visible no es un rectángulo válido.");
  }
  const width = right - left;
  const height = top - bottom;
  const streamNum = allocate();
  const regularNum = allocate();
  const boldNum = allocate();
  const { content } = drawSignatureAppearance(appearance.lines, { width, height });
  const font = (baseFont: string) => `<</Type /Font /Subtype /Type1 /BaseFont /${baseFont} /Encoding /WinAnsiEncoding>>`;
  const stream =
    `<</Type /XObject /Subtype /Form /BBox [0 0 ${formatReal(width)} ${formatReal(height)}] ` +
    `/Resources <</Font <</${APPEARANCE_FONTS.regular.resource} ${regularNum} 0 R /${APPEARANCE_FONTS.bold.resource} ${boldNum} 0 R>>>> ` +
    `/Length ${Buffer.byteLength(content, "latin1")}>>\nstream\n${content}\nendstream`;
  return {
    streamNum,
    objects: [
      { num: streamNum, gen: 0, body: stream },
      { num: regularNum, gen: 0, body: font(APPEARANCE_FONTS.regular.baseFont) },
      { num: boldNum, gen: 0, body: font(APPEARANCE_FONTS.bold.baseFont) },
    ],
  };
}

// A real number as PDF writes it: no exponent, at most 6 decimals (what React-PDF's pdfkit and
// pdf-lib write), so a box read from the sheet is written back digit for digit.
function formatReal(n: number): string {
  const text = n.toFixed(6).replace(/\.?0+$/, "");
  return text === "-0" ? "0" : text;
}
const pdfReal = (n: number): TPdfValue => ({ kind: "number", value: n, raw: formatReal(n) });

// The page at `index` (0-based, document order), walking /Kids with each node's /Count.
function findPage(pdf: Buffer, xref: TXrefTable, catalog: TPdfDict, index: number): { num: number; gen: number; dict: TPdfDict } {
  const missing = () => new SigningError("MALFORMED_PDF", `El PDF no tiene la página ${index + 1}, donde va la firma visible.`);
  if (!Number.isInteger(index) || index < 0) throw missing();
  let ref = catalog.entries.get("Pages");
  let remaining = index;
  for (let depth = 0; depth < 32; depth++) {
    if (ref?.kind !== "ref") throw new PdfStructureError("MALFORMED", "El árbol de páginas no usa referencias");
    const node = resolveObject(pdf, xref, ref.num);
    const dict = expectDict(node.value, "Un nodo del árbol de páginas");
    const kids = resolveValue(pdf, xref, dict.entries.get("Kids"));
    if (asName(dict.entries.get("Type")) === "Page" || kids?.kind !== "array") {
      if (remaining === 0) return { num: node.num, gen: node.gen, dict };
      throw missing();
    }
    let next: TPdfValue | undefined;
    for (const kid of kids.items) {
      const kidDict = resolveValue(pdf, xref, kid);
      const count = kidDict?.kind === "dict" && asName(kidDict.entries.get("Type")) !== "Page" ? resolveValue(pdf, xref, kidDict.entries.get("Count")) : undefined;
      const pages = count?.kind === "number" ? count.value : 1;
      if (remaining < pages) {
        next = kid;
        break;
      }
      remaining -= pages;
    }
    if (!next) throw missing();
    ref = next;
  }
  throw new PdfStructureError("MALFORMED", "El árbol de páginas es demasiado profundo");
}

function uniqueFieldName(pdf: Buffer, xref: TXrefTable, fieldRefs: TPdfValue[]): string {
  const taken = new Set<string>();
  for (const ref of fieldRefs) {
    try {
      const field = resolveValue(pdf, xref, ref);
      const name = field?.kind === "dict" ? decodeTextString(field.entries.get("T")) : null;
      if (name) taken.add(name);
    } catch {
      // A field we cannot read does not stop the signature; its name just cannot be avoided.
    }
  }
  let n = 1;
  while (taken.has(`Firma${n}`)) n++;
  return `Firma${n}`;
}
