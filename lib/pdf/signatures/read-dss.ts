import type { TPdfValue } from "./pdf-syntax";
import { readPdfStream } from "./read-pdf-stream";
import { resolveObject, resolveValue, type TXrefTable } from "./read-xref-table";

export type TDss = {
  certificates: Buffer[];
  ocspResponses: Buffer[];
  crls: Buffer[];
  // Entries of /VRI (one per signature the writer chose to describe).
  vriEntries: number;
  // Where the DSS dictionary lies: a document timestamp covers it when its signed range starts
  // after this offset. The end of the file's bytes for an inline DSS is the catalog's offset.
  offset: number;
  // Spanish, one line per stream that could not be read.
  errors: string[];
};

// The Document Security Store (ISO 32000-2 §12.8.4.3) of the newest revision: the catalog's /DSS
// with its /Certs, /OCSPs and /CRLs arrays of streams. Null when there is none or the file's
// structure cannot be read; unreadable entries are skipped and named in `errors`.
export function readDss(pdf: Buffer, xref: TXrefTable): TDss | null {
  const rootRef = xref.trailer.entries.get("Root");
  if (rootRef?.kind !== "ref") return null;
  const root = resolveObject(pdf, xref, rootRef.num);
  if (root.value.kind !== "dict") return null;
  const dssValue = root.value.entries.get("DSS");
  if (!dssValue) return null;
  const dss = resolveValue(pdf, xref, dssValue);
  if (dss?.kind !== "dict") return null;
  const offset = dssValue.kind === "ref" ? (xref.entries.get(dssValue.num)?.offset ?? root.start) : root.start;
  const errors: string[] = [];
  const streams = (key: string, what: string): Buffer[] => {
    const list = resolveValue(pdf, xref, dss.entries.get(key));
    if (!list) return [];
    if (list.kind !== "array") {
      errors.push(`La entrada /${key} del DSS no es una lista.`);
      return [];
    }
    return list.items.flatMap((item: TPdfValue) => {
      try {
        return [readPdfStream(pdf, xref, item)];
      } catch {
        errors.push(`No se pudo leer ${what} del DSS.`);
        return [];
      }
    });
  };
  const vri = resolveValue(pdf, xref, dss.entries.get("VRI"));
  return {
    certificates: streams("Certs", "un certificado"),
    ocspResponses: streams("OCSPs", "una respuesta OCSP"),
    crls: streams("CRLs", "una CRL"),
    vriEntries: vri?.kind === "dict" ? vri.entries.size : 0,
    offset,
    errors,
  };
}
