// pdfkit embeds each face of the sheet as a TrueType subset of the glyphs a render used, and
// fontkit's `subset.encode()` builds it through its generic table encoder (restructure): every
// glyph's bytes read out of the file again, every glyph's metrics encoded as a struct, every
// table's size computed and then encoded field by field. ≈ 1.1 ms per sheet for three faces, the
// glyph lists different from case to case (names, codes), so there is nothing to memoize.
//
// For the fonts it can handle (TrueType outlines, no variations), each subset's `encode` writes
// the very same bytes in one pass: the same tables in the same order (head, hhea, loca, maxp, the
// hinting tables the font has, glyf, hmtx), `head`, `hhea`, `maxp` and the hinting tables as they
// are in the file with the counts fontkit sets, glyph bytes sliced from the file (composite
// glyphs' component ids renumbered, components added to the subset, as fontkit does), the same
// table directory. Byte for byte fontkit's output (tests/unit/pdf/write-font-subsets.test.ts,
// on random glyph lists and the whole sheet).

type TGlyph = {
  advanceWidth: number;
  _decode(): { numberOfContours: number; components?: Array<{ glyphID: number; pos: number }> } | null;
  _getMetrics(): { leftBearing: number };
};
type TTableEntry = { offset: number; length: number };
type TSubset = {
  glyphs: number[];
  cff?: unknown;
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
};
export type TSubsetFont = {
  directory: { tables: Record<string, TTableEntry | undefined> };
  stream: { buffer: Uint8Array };
  loca: { version: number; offsets: number[] };
  _variationProcessor?: unknown;
  getGlyph(id: number): TGlyph;
  createSubset(): TSubset;
};

// fontkit's order of the tables in a TrueType subset (TTFSubset.encode); those a font lacks are
// left out, as fontkit leaves out undefined ones.
const TABLE_ORDER = ["head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm"] as const;
const RAW_TABLES = new Set(["cvt ", "prep", "fpgm"]);

const written = new WeakSet<object>();

export function writeFontSubsetsDirectly(font: TSubsetFont): void {
  if (written.has(font)) return;
  const tables = font.directory?.tables;
  if (!tables || tables["CFF "] || !tables.glyf || !tables.loca || !tables.head || !tables.hhea || !tables.maxp || font._variationProcessor) return;
  written.add(font);
  const fileBytes = font.stream.buffer;
  const table = (tag: string) => {
    const entry = tables[tag]!;
    return fileBytes.subarray(entry.offset, entry.offset + entry.length);
  };
  const glyf = table("glyf");
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    if (subset.cff != null) return subset;
    subset.encode = () => encodeTrueTypeSubset(font, subset, table, glyf);
    return subset;
  };
}

function encodeTrueTypeSubset(font: TSubsetFont, subset: TSubset, table: (tag: string) => Uint8Array, glyf: Uint8Array): Uint8Array {
  const offsets = font.loca.offsets;
  const glyphBytes: Uint8Array[] = [];
  const advances: number[] = [];
  const bearings: number[] = [];
  let glyfLength = 0;
  // subset.glyphs grows as composite glyphs add their components.
  for (let i = 0; i < subset.glyphs.length; i++) {
    const gid = subset.glyphs[i];
    const glyph = font.getGlyph(gid);
    const outline = glyph._decode();
    let bytes = glyf.subarray(offsets[gid], offsets[gid + 1]);
    if (outline && outline.numberOfContours < 0) {
      bytes = new Uint8Array(bytes);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (const component of outline.components ?? []) view.setUint16(component.pos, subset.includeGlyph(component.glyphID));
    }
    glyphBytes.push(bytes);
    advances.push(glyph.advanceWidth);
    bearings.push(glyph._getMetrics().leftBearing);
    glyfLength += bytes.length;
  }
  const count = glyphBytes.length;
  const shortLoca = font.loca.version === 0;

  const present = TABLE_ORDER.filter((tag) => !RAW_TABLES.has(tag) || hasTable(font, tag));
  const lengths: Record<string, number> = {
    head: table("head").length,
    hhea: table("hhea").length,
    loca: (count + 1) * (shortLoca ? 2 : 4),
    maxp: table("maxp").length,
    glyf: glyfLength,
    hmtx: count * 4,
  };
  for (const tag of RAW_TABLES) if (hasTable(font, tag)) lengths[tag] = table(tag).length;

  // The table directory: fontkit writes "true" as the version and no checksums.
  const numTables = present.length;
  const maxExponentFor2 = Math.floor(Math.log(numTables) / Math.LN2);
  const maxPowerOf2 = Math.pow(2, maxExponentFor2);
  const searchRange = maxPowerOf2 * 16;
  const directoryLength = 12 + numTables * 16;
  const total = present.reduce((n, tag) => n + lengths[tag], directoryLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set([0x74, 0x72, 0x75, 0x65], 0);
  view.setUint16(4, numTables);
  view.setUint16(6, searchRange);
  view.setUint16(8, Math.log(maxPowerOf2) / Math.LN2);
  view.setUint16(10, numTables * 16 - searchRange);
  let entry = 12;
  let at = directoryLength;
  for (const tag of present) {
    for (let i = 0; i < 4; i++) out[entry + i] = tag.charCodeAt(i);
    view.setUint32(entry + 4, 0);
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, lengths[tag]);
    entry += 16;
    switch (tag) {
      case "head":
        out.set(table("head"), at);
        view.setInt16(at + 50, font.loca.version);
        break;
      case "hhea":
        out.set(table("hhea"), at);
        view.setUint16(at + 34, count);
        break;
      case "maxp":
        out.set(table("maxp"), at);
        view.setUint16(at + 4, count);
        break;
      case "loca": {
        let offset = 0;
        for (let i = 0; i <= count; i++) {
          if (shortLoca) view.setUint16(at + i * 2, offset >>> 1);
          else view.setUint32(at + i * 4, offset);
          if (i < count) offset += glyphBytes[i].length;
        }
        break;
      }
      case "glyf": {
        let position = at;
        for (const bytes of glyphBytes) {
          out.set(bytes, position);
          position += bytes.length;
        }
        break;
      }
      case "hmtx":
        for (let i = 0; i < count; i++) {
          view.setUint16(at + i * 4, advances[i]);
          view.setInt16(at + i * 4 + 2, bearings[i]);
        }
        break;
      default:
        out.set(table(tag), at);
    }
    at += lengths[tag];
  }
  return out;
}

function hasTable(font: TSubsetFont, tag: string): boolean {
  return Boolean(font.directory.tables[tag]);
}
