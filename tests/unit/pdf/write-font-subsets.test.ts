import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { SHEET_FONT_FAMILY } from "@/lib/pdf/certification-sheet";
import { renderCertificationSheet } from "@/lib/pdf/render-certification-sheet";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { writeFontSubsetsDirectly, type TSubsetFont } from "@/lib/pdf/write-font-subsets";
import { educationalRecordSheet } from "./sheet-fixtures";
import { inflatedPdf, renderSheetUnprepared, stripDates as strip } from "./unprepared-render";

const FACES = [
  ["Regular", 400, "normal"],
  ["Bold", 700, "normal"],
  ["Italic", 400, "italic"],
] as const;

// The sheet's font files under other family names: fresh fontkit objects, one per family.
async function open(family: string, face: (typeof FACES)[number]) {
  const [name, fontWeight, fontStyle] = face;
  Font.register({ family, src: path.join(process.cwd(), "lib", "pdf", "fonts", `SourceSans3-${name}.ttf`), fontWeight, fontStyle });
  await Font.load({ fontFamily: family, fontWeight, fontStyle });
  return Font.getFont({ fontFamily: family, fontWeight, fontStyle }).data as unknown as TSubsetFont & { numGlyphs: number };
}

// A small deterministic generator, so a failure names a list that can be replayed.
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe("writeFontSubsetsDirectly", () => {
  it("leaves the rendered sheet unchanged (a multi-page sheet, dates aside)", async () => {
    // The unprepared render embeds through fontkit's own subset encoder (fresh fontkit objects).
    const data = ZCertificationSheetData.parse(educationalRecordSheet(40));
    const plain = await renderSheetUnprepared(data);
    await renderCertificationSheet(data);
    const direct = await renderCertificationSheet(data);
    for (const [, fontWeight, fontStyle] of FACES) {
      expect(Object.hasOwn(Font.getFont({ fontFamily: SHEET_FONT_FAMILY, fontWeight, fontStyle }).data!, "createSubset")).toBe(true);
    }
    expect(strip(plain).match(/\/FontFile2/g)!.length).toBe(3);
    expect(inflatedPdf(direct)).toBe(inflatedPdf(plain));
  }, 30_000);

  it("writes fontkit's bytes for any glyph list, composite glyphs included", async () => {
    for (const face of FACES) {
      const plain = await open(`SubsetPlain${face[0]}`, face);
      const direct = await open(`SubsetDirect${face[0]}`, face);
      expect(direct).not.toBe(plain);
      writeFontSubsetsDirectly(direct);
      expect(Object.hasOwn(direct, "createSubset") && !Object.hasOwn(plain, "createSubset")).toBe(true);
      const composites: number[] = [];
      for (let gid = 0; gid < plain.numGlyphs && composites.length < 200; gid++) {
        if ((plain.getGlyph(gid)._decode()?.numberOfContours ?? 0) < 0) composites.push(gid);
      }
      expect(composites.length, face[0]).toBeGreaterThan(20);
      const next = random(FACES.indexOf(face) + 1);
      const lists = [[], [0], composites.slice(0, 40), Array.from({ length: plain.numGlyphs }, (_, gid) => gid)];
      for (let n = 0; n < 40; n++) {
        const length = 1 + Math.floor(next() * 300);
        lists.push(Array.from({ length }, () => (next() < 0.2 ? composites[Math.floor(next() * composites.length)] : Math.floor(next() * plain.numGlyphs))));
      }
      for (const list of lists) {
        const a = plain.createSubset();
        const b = direct.createSubset();
        for (const gid of list) expect(b.includeGlyph(gid)).toBe(a.includeGlyph(gid));
        const expected = Buffer.from(a.encode());
        const actual = b.encode();
        expect(actual).toBeInstanceOf(Uint8Array);
        expect(Buffer.from(actual).equals(expected), `${face[0]}: ${JSON.stringify(list)}`).toBe(true);
        // Components the subset took in on the way, as fontkit's.
        expect(b.glyphs).toEqual(a.glyphs);
      }
    }
  }, 60_000);

  it("leaves fonts it cannot write to fontkit (CFF outlines, variations)", () => {
    const createSubset = () => ({ glyphs: [0], includeGlyph: () => 0, encode: () => new Uint8Array() });
    const tables = { head: { offset: 0, length: 54 }, hhea: { offset: 0, length: 36 }, maxp: { offset: 0, length: 6 }, loca: { offset: 0, length: 4 } };
    const base = { stream: { buffer: new Uint8Array() }, loca: { version: 0, offsets: [0, 0] }, getGlyph: () => ({}) as never, createSubset };
    const cff = { ...base, directory: { tables: { ...tables, "CFF ": { offset: 0, length: 1 } } } };
    const variable = { ...base, directory: { tables: { ...tables, glyf: { offset: 0, length: 0 } } }, _variationProcessor: {} };
    writeFontSubsetsDirectly(cff);
    writeFontSubsetsDirectly(variable);
    expect(cff.createSubset).toBe(createSubset);
    expect(variable.createSubset).toBe(createSubset);
  });
});
