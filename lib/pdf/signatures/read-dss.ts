import type { TPdfValue } from "./pdf-syntax";
import { readPdfStream } from "./read-pdf-stream";
import { resolveRevisionObject, type TRevisionState } from "./read-revisions";
import type { TXrefTable } from "./read-xref-table";

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
// Objects may sit in object streams (files with cross-reference streams); the streams themselves
// never do.
export function readDss(pdf: Buffer, table: TXrefTable | TRevisionState): TDss | null {
  const xref: TRevisionState = "compressed" in table ? table : { ...table, compressed: new Map() };
  const resolveValue = (value: TPdfValue | undefined) => (value?.kind === "ref" ? resolveRevisionObject(pdf, xref, value.num) : value);
  const rootRef = xref.trailer.entries.get("Root");
  if (rootRef?.kind !== "ref") return null;
  const root = resolveRevisionObject(pdf, xref, rootRef.num);
  if (root.kind !== "dict") return null;
  const dssValue = root.entries.get("DSS");
  if (!dssValue) return null;
  const dss = resolveValue(dssValue);
  if (dss?.kind !== "dict") return null;
  // Where the DSS was written: its own object, else (inline or compressed) the catalog's.
  const location = (num: number) => xref.entries.get(num)?.offset ?? xref.entries.get(xref.compressed.get(num)?.stream ?? -1)?.offset ?? 0;
  const offset = dssValue.kind === "ref" ? location(dssValue.num) : location(rootRef.num);
  const errors: string[] = [];
  const streams = (key: string, what: string): Buffer[] => {
    const list = resolveValue(dss.entries.get(key));
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
  const vri = resolveValue(dss.entries.get("VRI"));
  return {
    certificates: streams("Certs", "un certificado"),
    ocspResponses: streams("OCSPs", "una respuesta OCSP"),
    crls: streams("CRLs", "una CRL"),
    vriEntries: vri?.kind === "dict" ? vri.entries.size : 0,
    offset,
    errors,
  };
}
