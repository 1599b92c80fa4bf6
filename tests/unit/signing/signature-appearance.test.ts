import { describe, expect, it } from "vitest";
import { buildSignatureAppearance, formatGuatemalaDateTime } from "@/lib/signing/build-signature-appearance";
import { APPEARANCE_PADDING, drawSignatureAppearance, MAX_FONT_SIZE, toWinAnsiText } from "@/lib/signing/draw-signature-appearance";

// The sheet's box: half the text width, SIGNATURE_BOX_HEIGHT tall (certification-sheet.tsx).
const BOX = { width: 242, height: 40 };
// Helvetica's ascender and descender, per 1000.
const ASCENT = 0.718;
const DESCENT = 0.207;

// Windows-1252 (WinAnsiEncoding) bytes back to text, to read what the stream really says.
const CP1252_HIGH: Record<number, string> = { 0x96: "–", 0x97: "—", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x80: "€", 0x85: "…" };
function decodeWinAnsi(hex: string): string {
  return [...Buffer.from(hex, "hex")].map((b) => CP1252_HIGH[b] ?? String.fromCharCode(b)).join("");
}

// The text shown by each Tj of the content stream, in order.
function shownTexts(content: string): string[] {
  return [...content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((m) => decodeWinAnsi(m[1]));
}

// Every drawn line, glyph extents included, lies inside the box less its padding.
function expectInside(drawn: ReturnType<typeof drawSignatureAppearance>, box: { width: number; height: number }) {
  for (const line of drawn.lines) {
    expect(line.x).toBeGreaterThanOrEqual(APPEARANCE_PADDING);
    expect(line.x + line.width).toBeLessThanOrEqual(box.width - APPEARANCE_PADDING + 1e-9);
    expect(line.baseline + drawn.fontSize * ASCENT).toBeLessThanOrEqual(box.height - APPEARANCE_PADDING + 1e-9);
    expect(line.baseline - drawn.fontSize * DESCENT).toBeGreaterThanOrEqual(APPEARANCE_PADDING - 1e-9);
  }
}

describe("formatGuatemalaDateTime", () => {
  it("writes the wall clock in Guatemala (UTC−6), in Spanish, with a 24-hour time", () => {
    expect(formatGuatemalaDateTime(new Date("2026-12-05T20:03:00Z"))).toBe("5 de diciembre de 2026, 14:03 (hora de Guatemala)");
    // Still the 5th in Guatemala at 03:30 UTC on the 6th.
    expect(formatGuatemalaDateTime(new Date("2026-12-06T03:30:59Z"))).toBe("5 de diciembre de 2026, 21:30 (hora de Guatemala)");
    expect(formatGuatemalaDateTime(new Date("2027-01-01T06:09:00Z"))).toBe("1 de enero de 2027, 00:09 (hora de Guatemala)");
  });
});

describe("buildSignatureAppearance", () => {
  it("names the signer (bold), the post, the office and when", () => {
    expect(
      buildSignatureAppearance({
        name: "José Antonio Pérez Gómez",
        post: "Director Departamental de Educación",
        office: "Dirección Departamental de Educación de Guatemala Norte",
        signedAt: new Date("2026-12-05T20:03:00Z"),
      }),
    ).toEqual([
      { text: "José Antonio Pérez Gómez", bold: true },
      { text: "Director Departamental de Educación" },
      { text: "Dirección Departamental de Educación de Guatemala Norte" },
      { text: "Firmado el 5 de diciembre de 2026, 14:03 (hora de Guatemala)" },
    ]);
  });
});

describe("drawSignatureAppearance", () => {
  const lines = buildSignatureAppearance({
    name: "María Fernanda Núñez Ibáñez",
    post: "Asistente de Atención al Ciudadano",
    office: "Departamento de Atención al Ciudadano — DISERSA",
    signedAt: new Date("2026-12-05T20:03:00Z"),
  });

  it("draws every line whole, accents and dashes in WinAnsi, as large as the widest line allows, inside the box", () => {
    const drawn = drawSignatureAppearance(lines, BOX);
    expect(shownTexts(drawn.content)).toEqual(lines.map((l) => l.text));
    expect(drawn.lines.map((l) => l.bold)).toEqual([true, false, false, false]);
    expect(drawn.fontSize).toBeGreaterThanOrEqual(6);
    expect(drawn.fontSize).toBeLessThan(MAX_FONT_SIZE);
    expectInside(drawn, BOX);
    // As large as fits: one size step (0.25 pt) more and the widest line or the block would overflow.
    const next = drawn.fontSize + 0.25;
    const widest = Math.max(...drawn.lines.map((l) => l.width));
    const tooWide = (widest * next) / drawn.fontSize > BOX.width - 2 * APPEARANCE_PADDING;
    const tooTall = (drawn.lines.length - 1) * 1.2 * next + (ASCENT + DESCENT) * next > BOX.height - 2 * APPEARANCE_PADDING;
    expect(tooWide || tooTall).toBe(true);
    // Bold name in Helvetica-Bold, the rest in Helvetica; black text.
    expect(drawn.content).toMatch(/^q\nBT\n0 g\n\/HeBo [\d.]+ Tf\n/);
    expect(drawn.content).toContain("/Helv ");
  });

  it("short lines: capped at the largest size, centred vertically", () => {
    const drawn = drawSignatureAppearance([{ text: "Ana", bold: true }, { text: "Directora" }], BOX);
    expect(drawn.fontSize).toBe(MAX_FONT_SIZE);
    expectInside(drawn, BOX);
    const top = drawn.lines[0].baseline + drawn.fontSize * ASCENT;
    const bottom = drawn.lines[1].baseline - drawn.fontSize * DESCENT;
    expect(BOX.height - top).toBeCloseTo(bottom, 6);
  });

  it("wraps a line too long to stay readable whole, at spaces, and keeps every word", () => {
    const office = "Dirección Departamental de Educación de Guatemala Norte, Unidad de Certificaciones y Registros Académicos Históricos";
    const drawn = drawSignatureAppearance([lines[0], lines[1], { text: office }, lines[3]], BOX);
    expect(drawn.lines.length).toBeGreaterThan(4);
    expect(drawn.fontSize).toBeGreaterThanOrEqual(5);
    expectInside(drawn, BOX);
    const shown = shownTexts(drawn.content);
    expect(shown.join(" ")).toBe([lines[0].text, lines[1].text, office, lines[3].text].join(" "));
    expect(shown.every((t) => !t.startsWith(" ") && !t.endsWith(" "))).toBe(true);
  });

  it("fits a small box, and cuts a single word wider than the box", () => {
    const small = { width: 60, height: 30 };
    const drawn = drawSignatureAppearance([{ text: "Ixcot Chávez de Quiñónez", bold: true }, { text: "Supercalifragilísticoespialidoso" }], small);
    expectInside(drawn, small);
    expect(drawn.lines.length).toBeGreaterThan(2);
    expect(shownTexts(drawn.content).join("").replace(/ /g, "")).toBe("IxcotChávezdeQuiñónezSupercalifragilísticoespialidoso");
  });

  it("writes characters WinAnsi lacks without their accent, or as «?»", () => {
    expect(toWinAnsiText("Kʼicheʼ Āḱ Ŋ «Señor» ¿qué? — ü")).toBe("K?iche? Ak ? «Señor» ¿qué? — ü");
    expect(toWinAnsiText("  dos\tlíneas\nen una  ")).toBe("dos líneas en una");
    const drawn = drawSignatureAppearance([{ text: "Ḱatalina Ŋ", bold: true }], BOX);
    expect(shownTexts(drawn.content)).toEqual(["Katalina ?"]);
  });
});
