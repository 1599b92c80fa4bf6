import { PdfLexer, PdfSyntaxError, readIndirectObject, type TIndirectObject, type TPdfDict, type TPdfValue } from "./pdf-syntax";

export type TXrefEntry = { offset: number; gen: number };

export type TXrefTable = {
  // Objects in use, at their newest definition.
  entries: Map<number, TXrefEntry>;
  // The newest trailer dictionary.
  trailer: TPdfDict;
  // Offset of the newest cross-reference section.
  startxref: number;
  size: number;
};

export type TPdfStructureProblem = "XREF_STREAM" | "ENCRYPTED" | "MALFORMED";

export class PdfStructureError extends Error {
  constructor(
    readonly problem: TPdfStructureProblem,
    message: string,
  ) {
    super(message);
    this.name = "PdfStructureError";
  }
}

const STARTXREF = Buffer.from("startxref");
const XREF = Buffer.from("xref");

// Reads classic cross-reference tables (§7.5.4), following /Prev through every incremental
// update. Cross-reference streams (PDF 1.5 compression) are refused: writing an incremental update
// over them would need a cross-reference stream too, and the files we sign are saved without them.
export function readXrefTable(pdf: Buffer): TXrefTable {
  const at = pdf.lastIndexOf(STARTXREF);
  if (at < 0) throw new PdfStructureError("MALFORMED", "El PDF no tiene «startxref»");
  const lexer = new PdfLexer(pdf, at + STARTXREF.length);
  let startxref: number;
  try {
    startxref = lexer.readInteger();
  } catch {
    throw new PdfStructureError("MALFORMED", "El valor de «startxref» no es un número");
  }

  const entries = new Map<number, TXrefEntry>();
  const seen = new Set<number>();
  const visited = new Set<number>();
  let newestTrailer: TPdfDict | null = null;
  let offset: number | null = startxref;
  while (offset !== null) {
    if (visited.has(offset) || offset < 0 || offset >= pdf.length) {
      throw new PdfStructureError("MALFORMED", `Referencia cruzada fuera del archivo o en bucle (${offset})`);
    }
    visited.add(offset);
    const trailer = readSection(pdf, offset, entries, seen);
    newestTrailer ??= trailer;
    if (trailer.entries.has("XRefStm")) {
      throw new PdfStructureError("XREF_STREAM", "El PDF combina tablas y flujos de referencias cruzadas (archivo híbrido)");
    }
    const prev = trailer.entries.get("Prev");
    offset = prev?.kind === "number" ? prev.value : null;
  }
  const trailer = newestTrailer!;
  if (trailer.entries.has("Encrypt")) throw new PdfStructureError("ENCRYPTED", "El PDF está cifrado");
  const size = trailer.entries.get("Size");
  return { entries, trailer, startxref, size: size?.kind === "number" ? size.value : 0 };
}

function readSection(pdf: Buffer, offset: number, entries: Map<number, TXrefEntry>, seen: Set<number>): TPdfDict {
  const lexer = new PdfLexer(pdf, offset);
  lexer.skipSpace();
  if (!pdf.subarray(lexer.pos, lexer.pos + 4).equals(XREF)) {
    if (/^\d+\s+\d+\s+obj\b/.test(pdf.toString("latin1", lexer.pos, lexer.pos + 32))) {
      throw new PdfStructureError(
        "XREF_STREAM",
        "El PDF usa flujos de referencias cruzadas (xref streams); debe guardarse con tablas clásicas (pdf-lib: useObjectStreams: false)",
      );
    }
    throw new PdfStructureError("MALFORMED", `No hay tabla de referencias cruzadas en ${offset}`);
  }
  lexer.pos += 4;
  try {
    for (;;) {
      const word = lexer.peekWord();
      if (word === "trailer") {
        lexer.pos += word.length;
        const trailer = lexer.readValue();
        if (trailer.kind !== "dict") throw new PdfSyntaxError("El «trailer» no es un diccionario");
        return trailer;
      }
      const first = lexer.readInteger();
      const count = lexer.readInteger();
      for (let i = 0; i < count; i++) {
        const entryOffset = lexer.readInteger();
        const gen = lexer.readInteger();
        const type = lexer.readWord();
        const num = first + i;
        // An older section never overrides what a newer one said, free entries included.
        if (seen.has(num)) continue;
        seen.add(num);
        if (type === "n") entries.set(num, { offset: entryOffset, gen });
        else if (type !== "f") throw new PdfSyntaxError(`Entrada de referencia cruzada inválida: «${type}»`);
      }
    }
  } catch (error) {
    if (error instanceof PdfSyntaxError) throw new PdfStructureError("MALFORMED", error.message);
    throw error;
  }
}

export function resolveObject(pdf: Buffer, xref: TXrefTable, num: number): TIndirectObject {
  const entry = xref.entries.get(num);
  if (!entry) throw new PdfStructureError("MALFORMED", `El objeto ${num} no está en la tabla de referencias cruzadas`);
  let object: TIndirectObject;
  try {
    object = readIndirectObject(pdf, entry.offset);
  } catch (error) {
    throw new PdfStructureError("MALFORMED", `No se pudo leer el objeto ${num}: ${(error as Error).message}`);
  }
  if (object.num !== num || object.gen !== entry.gen) {
    throw new PdfStructureError("MALFORMED", `La tabla de referencias cruzadas apunta mal al objeto ${num}`);
  }
  return object;
}

// Follows a reference (once): direct values come back as they are.
export function resolveValue(pdf: Buffer, xref: TXrefTable, value: TPdfValue | undefined): TPdfValue | undefined {
  return value?.kind === "ref" ? resolveObject(pdf, xref, value.num).value : value;
}
