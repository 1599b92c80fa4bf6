import { pdfInt, serializePdfValue, type TPdfValue } from "@/lib/pdf/signatures/pdf-syntax";
import type { TXrefTable } from "@/lib/pdf/signatures/read-xref-table";

export type TObjectOffsets = Map<number, { offset: number; gen: number }>;

// The end of an incremental update (§7.5.6): a cross-reference section for exactly the objects
// it wrote (`offsets`, absolute), and a trailer that keeps /Root, /Info and /ID and points back to
// the previous section with /Prev. Every update this project appends (signature, DSS, document
// timestamp) ends with it. Latin-1 text, one character per byte.
export function writeXrefSection(offsets: TObjectOffsets, xref: TXrefTable, nextObjectNumber: number, xrefOffset: number): string {
  const trailer = new Map<string, TPdfValue>([["Size", pdfInt(Math.max(xref.size, nextObjectNumber))]]);
  for (const key of ["Root", "Info", "ID"]) {
    const value = xref.trailer.entries.get(key);
    if (value) trailer.set(key, value);
  }
  trailer.set("Prev", pdfInt(xref.startxref));
  return `xref\n${xrefSubsections(offsets)}trailer\n${serializePdfValue({ kind: "dict", entries: trailer })}\nstartxref\n${xrefOffset}\n%%EOF\n`;
}

// Subsections of consecutive object numbers; each entry is exactly 20 bytes (§7.5.4).
function xrefSubsections(offsets: TObjectOffsets): string {
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let out = "";
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
    out += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const { offset, gen } = offsets.get(nums[k])!;
      out += `${String(offset).padStart(10, "0")} ${String(gen).padStart(5, "0")} n\r\n`;
    }
    i = j + 1;
  }
  return out;
}
