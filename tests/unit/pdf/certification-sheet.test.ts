import fs from "node:fs/promises";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { renderCertificationSheet } from "@/lib/pdf/render-certification-sheet";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { formatLongSpanishDate } from "@/lib/pdf/certification-sheet";
import { CODE, HOLDER, URL_, educationalRecordSheet, swornTranslationSheet } from "./sheet-fixtures";
import {
  makeTempDir,
  pdfImages,
  pdfPageCount,
  pdfPagesText,
  pdfWordBoxes,
  run,
  withTempDir,
  writeTemp,
  type TWordBox,
} from "./poppler";

const ROWS = 40;

// Two words whose boxes share real area (not just a touching edge) are printed over each other.
function overlapping(words: TWordBox[]): Array<[TWordBox, TWordBox]> {
  const hits: Array<[TWordBox, TWordBox]> = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i];
      const b = words[j];
      if (a.page !== b.page) continue;
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const minHeight = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (dx > 1 && dy > minHeight * 0.3) hits.push([a, b]);
    }
  }
  return hits;
}

describe("certification sheet with accented data and a long studies table", () => {
  let dir: string;
  let file: string;
  let pages: string[];

  beforeAll(async () => {
    dir = await makeTempDir();
    const pdf = await renderCertificationSheet(educationalRecordSheet(ROWS, { attachedPages: 4 }));
    file = await writeTemp(dir, "sheet.pdf", pdf);
    pages = await pdfPagesText(file);
    return () => fs.rm(dir, { recursive: true, force: true });
  }, 30_000);

  it("prints accented names and the verification URL and code exactly", () => {
    const text = pages.join("\n");
    for (const s of [
      HOLDER,
      "MINISTERIO DE EDUCACIÓN — REPÚBLICA DE GUATEMALA",
      "Dirección Departamental de Educación de Quetzaltenango",
      "Departamento de Atención al Ciudadano — DISERSA",
      "CERTIFICACIÓN ELECTRÓNICA DE EXPEDIENTE EDUCATIVO",
      "Educación escolar",
      "Expediente EE-2026-000123",
      "15 de marzo de 2026",
      "Otros: Carta de conducta del año 1998",
      "Cantón Chichiquí",
      "Licda. Ana Lucía Pérez Ajú",
      "Directora Departamental de Educación",
      "Decreto número 47-2008",
      "A esta hoja siguen 4 páginas de documentos digitalizados",
      URL_,
      CODE,
    ]) {
      expect(text).toContain(s);
    }
  });

  it("embeds its TrueType font (subset) instead of relying on the reader's fonts", async () => {
    const { stdout } = await run("pdffonts", [file]);
    const rows = stdout.split("\n").slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/SourceSans3/);
      expect(row).toMatch(/TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
  });

  it("flows onto more Letter pages, repeating the table header and numbering every page", async () => {
    expect(await pdfPageCount(file)).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const { stdout } = await run("pdfinfo", [file]);
    expect(stdout).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);

    const lastRowPage = pages.findIndex((p) => p.includes(String(1950 + ROWS - 1)));
    for (let i = 0; i <= lastRowPage; i++) expect(pages[i]).toContain("Grado o etapa");
    pages.forEach((p, i) => {
      expect(p).toContain(`Página de certificación ${i + 1} de ${pages.length}`);
      expect(p).toContain(`Código de verificación ${CODE}`);
    });
    // Every row printed once: none lost at a page break, none split in two.
    const all = pages.join("\n");
    for (let y = 1950; y < 1950 + ROWS; y++) {
      expect(all.split(String(y)).length - 1, `year ${y}`).toBe(1);
    }
  });

  it("prints no text over other text on any page", async () => {
    const words = await pdfWordBoxes(file);
    expect(words.length).toBeGreaterThan(500);
    expect(overlapping(words)).toEqual([]);
  });

  it("keeps the signers, the QR code, the URL and the code together on the last page", async () => {
    // The QR is drawn as vector paths: no image to decode or embed, and no transparency anywhere
    // in the archived file (no soft mask, every opacity 1).
    expect(await pdfImages(file)).toEqual([]);
    const raw = (await fs.readFile(file)).toString("latin1");
    expect(raw).not.toMatch(/\/SMask\b/);
    expect(raw.match(/\/(ca|CA) [\d.]+/g)?.every((o) => / 1$/.test(o))).toBe(true);
    const closing = pages.findIndex((p) => p.includes("Verificación de autenticidad"));
    expect(closing).toBe(pages.length - 1);
    const page = pages[closing];
    expect(page).toContain("Firmado electrónicamente por");
    expect(page).toContain("El nombre del firmante consta en su firma electrónica avanzada.");
    expect(page).toContain(URL_);
    expect(page).toContain(CODE);
  });

  it("has a QR code on that page, and only there, that a reader decodes to the verification URL", async () => {
    // 150 dpi as the brief's check; 72 dpi is about what a phone camera gets from a printout.
    for (const dpi of ["150", "72"]) {
      for (let page = 1; page <= pages.length; page++) {
        const prefix = `${dir}/qr-${dpi}-${page}`;
        await run("pdftoppm", ["-f", String(page), "-l", String(page), "-r", dpi, "-png", "-singlefile", file, prefix]);
        const decoded = await run("zbarimg", ["--quiet", "--raw", `${prefix}.png`]).then(
          ({ stdout }) => stdout.trim(),
          () => null, // zbarimg exits non-zero when it finds no code
        );
        expect(decoded, `${dpi} dpi, page ${page}`).toBe(page === pages.length ? URL_ : null);
      }
    }
  }, 30_000);
});

describe("page breaks for any length of the studies table", () => {
  it("never leaves a section title or the table header alone at the foot of a page, nor splits the closing block", async () => {
    await withTempDir(async (dir) => {
      for (let rows = 2; rows <= 26; rows += 3) {
        const file = await writeTemp(dir, `rows-${rows}.pdf`, await renderCertificationSheet(educationalRecordSheet(rows)));
        const pages = await pdfPagesText(file);
        pages.forEach((page, i) => {
          const lines = page.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("Expediente EE-") && !l.startsWith("Página de certificación"));
          expect(lines.at(-1), `${rows} rows, page ${i + 1}`).not.toMatch(/^(TITULAR|ESTUDIOS CERTIFICADOS|CERTIFICACIÓN$|Grado o etapa)/);
        });
        const closing = pages.filter((p) => p.includes("Verificación de autenticidad"));
        expect(closing, `${rows} rows`).toHaveLength(1);
        expect(closing[0].split("Firmado electrónicamente por").length - 1).toBe(2);
        expect(closing[0]).toContain(URL_);
      }
    });
  }, 60_000);
});

describe("the overlap check", () => {
  it("catches a word printed over another line", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    page.drawText("Primera línea normal", { x: 50, y: 700, size: 10, font });
    page.drawText("Segunda línea normal", { x: 50, y: 686, size: 10, font });
    page.drawText("ENCIMA", { x: 60, y: 697, size: 10, font });
    await withTempDir(async (dir) => {
      const hits = overlapping(await pdfWordBoxes(await writeTemp(dir, "o.pdf", await doc.save())));
      expect(hits.map(([a, b]) => [a.word, b.word].sort())).toEqual([
        ["ENCIMA", "Primera"],
        ["ENCIMA", "línea"],
      ]);
    });
  });
});

describe("certification sheet for other procedures", () => {
  it("renders labelled fields without a studies table on one page (D.3)", async () => {
    const pdf = await renderCertificationSheet(swornTranslationSheet());
    await withTempDir(async (dir) => {
      const file = await writeTemp(dir, "d3.pdf", pdf);
      const pages = await pdfPagesText(file);
      expect(pages).toHaveLength(1);
      expect(pages[0]).toContain("DATOS CERTIFICADOS");
      expect(pages[0]).toContain("José Ángel Muñoz Quiñónez");
      expect(pages[0]).toContain("Idioma autorizado");
      expect(pages[0]).not.toContain("Grado o etapa");
      expect(pages[0]).toContain("Página de certificación 1 de 1");
    });
  });
});

describe("sheet data", () => {
  it("refuses a verification URL that does not carry the printed code", () => {
    const bad = educationalRecordSheet(1, { verification: { url: "http://localhost:3000/verificar/OTRO", code: CODE } });
    expect(ZCertificationSheetData.safeParse(bad).success).toBe(false);
  });

  it("refuses study rows that do not match the columns", () => {
    const base = educationalRecordSheet(1);
    const bad = { ...base, studies: { ...base.studies!, rows: [["Primero primaria", "1990"]] } };
    expect(ZCertificationSheetData.safeParse(bad).success).toBe(false);
  });

  it("fills defaults: heading, lists, schema version", () => {
    const data = ZCertificationSheetData.parse(educationalRecordSheet(1));
    expect(data.heading).toBe("Ministerio de Educación — República de Guatemala");
    expect(data.schemaVersion).toBe(1);
    expect(data.fields).toEqual([]);
    expect(data.attachmentNames).toEqual([]);
  });

  it("formats the issue date in Spanish without a time zone shift", () => {
    expect(formatLongSpanishDate("2026-01-01")).toBe("1 de enero de 2026");
    expect(formatLongSpanishDate("2025-12-31")).toBe("31 de diciembre de 2025");
  });
});
