import { createHash } from "node:crypto";
import { pdfInt, pdfName, pdfRef, serializePdfValue, type TPdfDict, type TPdfValue } from "@/lib/pdf/signatures/pdf-syntax";
import { PdfStructureError, readXrefTable, resolveObject, resolveValue, type TXrefTable } from "@/lib/pdf/signatures/read-xref-table";
import { SigningError } from "./signing-error";
import { writeXrefSection } from "./write-xref-section";

export type TValidationData = {
  // DER certificates, OCSPResponses and CertificateLists; duplicates are written once.
  certificates: Buffer[];
  ocspResponses: Buffer[];
  crls: Buffer[];
  // Which of them validate which signature: keyed by `vriKey(signature /Contents value)`.
  vri?: Array<{ key: string; certificates: Buffer[]; ocspResponses: Buffer[]; crls: Buffer[] }>;
};

// The VRI key of a signature (ETSI EN 319 142-1 §5.4.2.2): the uppercase hex SHA-1 of its
// /Contents value — the whole string as decoded, padding included, for CMS signatures; for a
// document timestamp, its token's DER (what iText and pyHanko hash too).
export function vriKey(contentsValue: Buffer): string {
  return createHash("sha1").update(contentsValue).digest("hex").toUpperCase();
}

type TObject = { num: number; gen: number; body: Buffer };

// Adds the Document Security Store (PAdES B-LT, ETSI EN 319 142-1 §5.4; ISO 32000-2 §12.8.4.3) as
// an incremental update: one stream per certificate, OCSP response and CRL, the /DSS dictionary
// with /Certs, /OCSPs, /CRLs and /VRI, and the catalog rewritten to point at it. Nothing earlier
// is rewritten but the catalog's new revision, so every signature keeps covering what it signed.
// A DSS already in the file (a later re-timestamping) is extended: its entries are kept and only
// data it does not hold yet is added.
export function addValidationData(pdf: Buffer, data: TValidationData): Buffer {
  let xref: TXrefTable;
  try {
    xref = readXrefTable(pdf);
    return Buffer.concat([pdf, writeDssUpdate(pdf, xref, data)]);
  } catch (error) {
    if (error instanceof PdfStructureError) throw new SigningError("MALFORMED_PDF", `No se pudo agregar la información de validación: ${error.message}.`, { cause: error });
    throw error;
  }
}

function writeDssUpdate(pdf: Buffer, xref: TXrefTable, data: TValidationData): Buffer {
  const rootRef = xref.trailer.entries.get("Root");
  if (rootRef?.kind !== "ref") throw new PdfStructureError("MALFORMED", "El trailer no tiene /Root");
  const root = resolveObject(pdf, xref, rootRef.num);
  if (root.value.kind !== "dict") throw new PdfStructureError("MALFORMED", "El catálogo no es un diccionario");
  const catalog = root.value;

  let highest = 0;
  for (const num of xref.entries.keys()) highest = Math.max(highest, num);
  let next = Math.max(xref.size, highest + 1);
  const objects: TObject[] = [];

  // Existing DSS: keep its arrays, and know which blobs it already holds (our own streams are
  // unfiltered; a filtered one from elsewhere is kept but not compared).
  const existing = readExistingDss(pdf, xref, catalog);
  const refs = { Certs: [...existing.Certs.refs], OCSPs: [...existing.OCSPs.refs], CRLs: [...existing.CRLs.refs] };
  const known = new Map<string, TPdfValue>();
  for (const group of [existing.Certs, existing.OCSPs, existing.CRLs]) for (const [hash, ref] of group.known) known.set(hash, ref);

  const streamFor = (der: Buffer, group: keyof typeof refs): TPdfValue => {
    const hash = createHash("sha256").update(der).digest("hex");
    const found = known.get(hash);
    if (found) return found;
    const num = next++;
    objects.push({ num, gen: 0, body: Buffer.concat([Buffer.from(`<< /Length ${der.length} >>\nstream\n`, "latin1"), der, Buffer.from("\nendstream", "latin1")]) });
    const ref = pdfRef(num);
    known.set(hash, ref);
    refs[group].push(ref);
    return ref;
  };
  for (const der of data.certificates) streamFor(der, "Certs");
  for (const der of data.ocspResponses) streamFor(der, "OCSPs");
  for (const der of data.crls) streamFor(der, "CRLs");

  const dss = new Map<string, TPdfValue>([["Type", pdfName("DSS")]]);
  for (const key of ["Certs", "OCSPs", "CRLs"] as const) if (refs[key].length > 0) dss.set(key, { kind: "array", items: refs[key] });

  const vri = new Map<string, TPdfValue>(existing.vri);
  for (const entry of data.vri ?? []) {
    const item = new Map<string, TPdfValue>();
    const list = (ders: Buffer[], group: keyof typeof refs): TPdfValue => ({ kind: "array", items: ders.map((d) => streamFor(d, group)) });
    if (entry.certificates.length > 0) item.set("Cert", list(entry.certificates, "Certs"));
    if (entry.ocspResponses.length > 0) item.set("OCSP", list(entry.ocspResponses, "OCSPs"));
    if (entry.crls.length > 0) item.set("CRL", list(entry.crls, "CRLs"));
    if (!/^[0-9A-F]{40}$/.test(entry.key)) throw new Error(`Clave VRI inválida: ${entry.key}`);
    vri.set(entry.key, { kind: "dict", entries: item });
  }
  // Refs added while writing VRI entries go into the DSS arrays too.
  for (const key of ["Certs", "OCSPs", "CRLs"] as const) if (refs[key].length > 0) dss.set(key, { kind: "array", items: refs[key] });
  if (vri.size > 0) {
    const vriNum = next++;
    objects.push({ num: vriNum, gen: 0, body: Buffer.from(serializePdfValue({ kind: "dict", entries: vri }), "latin1") });
    dss.set("VRI", pdfRef(vriNum));
  }
  const dssNum = next++;
  objects.push({ num: dssNum, gen: 0, body: Buffer.from(serializePdfValue({ kind: "dict", entries: dss }), "latin1") });

  const newCatalog: TPdfDict = { kind: "dict", entries: new Map(catalog.entries) };
  newCatalog.entries.set("DSS", pdfRef(dssNum));
  // PAdES's extension of ISO 32000-1 (ETSI EN 319 142-1 §5.4.1): ESIC level 5 names DSS and
  // document timestamps for PDF 1.7 readers. Left alone when the catalog already declares extensions.
  if (!newCatalog.entries.has("Extensions")) {
    newCatalog.entries.set("Extensions", {
      kind: "dict",
      entries: new Map([["ESIC", { kind: "dict", entries: new Map<string, TPdfValue>([["BaseVersion", pdfName("1.7")], ["ExtensionLevel", pdfInt(5)]]) }]]),
    });
  }
  objects.push({ num: root.num, gen: root.gen, body: Buffer.from(serializePdfValue(newCatalog), "latin1") });

  return writeUpdate(pdf, xref, objects, next);
}

type TExistingGroup = { refs: TPdfValue[]; known: Map<string, TPdfValue> };

function readExistingDss(pdf: Buffer, xref: TXrefTable, catalog: TPdfDict) {
  const empty = (): TExistingGroup => ({ refs: [], known: new Map() });
  const result = { Certs: empty(), OCSPs: empty(), CRLs: empty(), vri: new Map<string, TPdfValue>() };
  const dss = resolveValue(pdf, xref, catalog.entries.get("DSS"));
  if (dss?.kind !== "dict") return result;
  for (const key of ["Certs", "OCSPs", "CRLs"] as const) {
    const array = resolveValue(pdf, xref, dss.entries.get(key));
    if (array?.kind !== "array") continue;
    for (const item of array.items) {
      result[key].refs.push(item);
      if (item.kind !== "ref") continue;
      const bytes = readUnfilteredStream(pdf, xref, item.num);
      if (bytes) result[key].known.set(createHash("sha256").update(bytes).digest("hex"), item);
    }
  }
  const vri = resolveValue(pdf, xref, dss.entries.get("VRI"));
  if (vri?.kind === "dict") for (const [k, v] of vri.entries) result.vri.set(k, v);
  return result;
}

// The data of a stream object without /Filter, or null.
function readUnfilteredStream(pdf: Buffer, xref: TXrefTable, num: number): Buffer | null {
  try {
    const object = resolveObject(pdf, xref, num);
    if (object.value.kind !== "dict" || object.value.entries.has("Filter")) return null;
    const length = object.value.entries.get("Length");
    if (length?.kind !== "number") return null;
    const keyword = pdf.indexOf("stream", object.start, "latin1");
    if (keyword < 0) return null;
    let start = keyword + "stream".length;
    if (pdf[start] === 0x0d) start++;
    if (pdf[start] === 0x0a) start++;
    return pdf.subarray(start, start + length.value);
  } catch {
    return null;
  }
}

// Objects, a cross-reference section for exactly them, and a trailer pointing back with /Prev.
export function writeUpdate(pdf: Buffer, xref: TXrefTable, objects: TObject[], next: number): Buffer {
  const parts: Buffer[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buffer = typeof b === "string" ? Buffer.from(b, "latin1") : b;
    parts.push(buffer);
    length += buffer.length;
  };
  const last = pdf[pdf.length - 1];
  if (last !== 0x0a && last !== 0x0d) push("\n");
  const offsets = new Map<number, { offset: number; gen: number }>();
  for (const object of objects) {
    offsets.set(object.num, { offset: pdf.length + length, gen: object.gen });
    push(`${object.num} ${object.gen} obj\n`);
    push(object.body);
    push("\nendobj\n");
  }
  push(writeXrefSection(offsets, xref, next, pdf.length + length));
  return Buffer.concat(parts, length);
}
