import { inflateSync } from "node:zlib";
import { asName, asNumber, type TPdfDict, type TPdfValue } from "./pdf-syntax";
import { resolveObject, resolveValue, type TXrefTable } from "./read-xref-table";

// Streams of validation data are small (certificates, OCSP responses, CRLs): a bound keeps a
// hostile /Length or a deflate bomb from costing memory.
const MAX_STREAM_BYTES = 16 * 1024 * 1024;

// The decoded data of the stream object `value` refers to (§7.3.8). Only FlateDecode (or no
// filter) is read, which is what DSS writers use; anything else throws.
export function readPdfStream(pdf: Buffer, xref: TXrefTable, value: TPdfValue | undefined): Buffer {
  if (value?.kind !== "ref") throw new Error("el flujo no es un objeto indirecto");
  const object = resolveObject(pdf, xref, value.num);
  if (object.value.kind !== "dict") throw new Error("el flujo no tiene diccionario");
  const dict: TPdfDict = object.value;
  const length = asNumber(resolveValue(pdf, xref, dict.entries.get("Length")));
  if (length === null || !Number.isInteger(length) || length < 0 || length > MAX_STREAM_BYTES) throw new Error("/Length inválido");
  let at = object.end;
  while (at < pdf.length && (pdf[at] === 0x20 || pdf[at] === 0x0d || pdf[at] === 0x0a || pdf[at] === 0x09)) {
    if (pdf.toString("latin1", at, at + 6) === "stream") break;
    at++;
  }
  if (pdf.toString("latin1", at, at + 6) !== "stream") throw new Error("falta «stream»");
  at += 6;
  // The keyword is followed by CRLF or LF (§7.3.8.1).
  if (pdf[at] === 0x0d) at++;
  if (pdf[at] === 0x0a) at++;
  if (at + length > pdf.length) throw new Error("el flujo sale del archivo");
  const raw = pdf.subarray(at, at + length);
  const filterValue = resolveValue(pdf, xref, dict.entries.get("Filter"));
  const filters = filterValue?.kind === "array" ? filterValue.items.map(asName) : filterValue ? [asName(filterValue)] : [];
  let data: Buffer = raw;
  for (const filter of filters) {
    if (filter !== "FlateDecode") throw new Error(`filtro no soportado: ${filter ?? "?"}`);
    data = inflateSync(data, { maxOutputLength: MAX_STREAM_BYTES });
  }
  if (filters.length > 0 && dict.entries.has("DecodeParms")) throw new Error("/DecodeParms no soportado");
  return data;
}
