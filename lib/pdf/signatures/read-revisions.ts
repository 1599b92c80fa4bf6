import { PdfLexer, type TPdfDict } from "./pdf-syntax";
import type { TXrefEntry, TXrefTable } from "./read-xref-table";

export type TRevision = {
  // First byte after the previous revision's %%EOF (0 for the original document).
  start: number;
  xrefOffset: number;
  // Just past this revision's "%%EOF".
  end: number;
  // What this revision's cross-reference section says: in use (offset, gen) or freed.
  entries: Map<number, TXrefEntry | "free">;
  trailer: TPdfDict;
  // Every object as of the end of this revision (this section over all older ones).
  state: TXrefTable;
};

const STARTXREF = Buffer.from("startxref");
const EOF = Buffer.from("%%EOF");

// The file's revisions, oldest first, from the chain of classic cross-reference sections
// (§7.5.6, following /Prev from the last startxref). Null when that chain cannot be read:
// cross-reference streams, a broken offset, a loop. Never throws.
export function readRevisions(pdf: Buffer): TRevision[] | null {
  try {
    const at = pdf.lastIndexOf(STARTXREF);
    if (at < 0) return null;
    const lexer = new PdfLexer(pdf, at + STARTXREF.length);
    let offset: number | null = lexer.readInteger();
    const sections: Array<{ xrefOffset: number; entries: Map<number, TXrefEntry | "free">; trailer: TPdfDict }> = [];
    const visited = new Set<number>();
    while (offset !== null) {
      if (visited.has(offset) || offset < 0 || offset >= pdf.length || visited.size > 1000) return null;
      visited.add(offset);
      const section = readSection(pdf, offset);
      if (!section) return null;
      sections.push({ xrefOffset: offset, ...section });
      const prev = section.trailer.entries.get("Prev");
      offset = prev?.kind === "number" ? prev.value : null;
    }
    sections.sort((a, b) => a.xrefOffset - b.xrefOffset);
    const revisions: TRevision[] = [];
    const merged = new Map<number, TXrefEntry>();
    let start = 0;
    for (const section of sections) {
      const eof = pdf.indexOf(EOF, section.xrefOffset);
      if (eof < 0) return null;
      const end = eof + EOF.length;
      for (const [num, entry] of section.entries) {
        if (entry === "free") merged.delete(num);
        else merged.set(num, entry);
      }
      const size = section.trailer.entries.get("Size");
      revisions.push({
        start,
        xrefOffset: section.xrefOffset,
        end,
        entries: section.entries,
        trailer: section.trailer,
        state: { entries: new Map(merged), trailer: section.trailer, startxref: section.xrefOffset, size: size?.kind === "number" ? size.value : 0 },
      });
      start = end;
    }
    return revisions;
  } catch {
    return null;
  }
}

function readSection(pdf: Buffer, offset: number): { entries: Map<number, TXrefEntry | "free">; trailer: TPdfDict } | null {
  const lexer = new PdfLexer(pdf, offset);
  if (lexer.readWord() !== "xref") return null;
  const entries = new Map<number, TXrefEntry | "free">();
  for (;;) {
    const word = lexer.peekWord();
    if (word === "trailer") {
      lexer.pos += word.length;
      const trailer = lexer.readValue();
      return trailer.kind === "dict" && !trailer.entries.has("XRefStm") ? { entries, trailer } : null;
    }
    const first = lexer.readInteger();
    const count = lexer.readInteger();
    for (let i = 0; i < count; i++) {
      const entryOffset = lexer.readInteger();
      const gen = lexer.readInteger();
      const type = lexer.readWord();
      // Object 0 heads the free list in every section; it is not a change.
      if (first + i === 0) continue;
      if (type === "n") entries.set(first + i, { offset: entryOffset, gen });
      else if (type === "f") entries.set(first + i, "free");
      else return null;
    }
  }
}
