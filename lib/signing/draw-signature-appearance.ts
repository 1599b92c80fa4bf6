import { StandardFontEmbedder, StandardFonts } from "pdf-lib";
import type { TAppearanceLine } from "./build-signature-appearance";

// The content of a visible signature's appearance stream (/AP /N, a form XObject as large as the
// widget): the lines, left-aligned and centred vertically, in one font size, the largest that
// fits the box (at most MAX_FONT_SIZE), wrapping a line at spaces only when keeping every line
// whole would take the text below MIN_UNWRAPPED_SIZE.
//
// The fonts are two of the standard 14 (Helvetica, Helvetica-Bold) with WinAnsiEncoding: every
// viewer has them, nothing is embedded, and WinAnsi covers Spanish (á é í ó ú ü ñ ¿ ¡, the dashes
// and curly quotes). Metrics and encoding come from pdf-lib's AFM data (StandardFontEmbedder);
// a character outside WinAnsi is written without its accent, or as "?" if it has none.

export const APPEARANCE_FONTS = { regular: { resource: "Helv", baseFont: "Helvetica" }, bold: { resource: "HeBo", baseFont: "Helvetica-Bold" } } as const;

export const MAX_FONT_SIZE = 9;
const MIN_UNWRAPPED_SIZE = 6;
const MIN_FONT_SIZE = 2;
const SIZE_STEP = 0.25;
// Line advance, in font sizes.
const LEADING = 1.2;
// Inside the frame the sheet prints around the box.
export const APPEARANCE_PADDING = 3;

// pdf-lib's StandardFonts values are the names its embedder takes (its typings name another enum).
type TFontName = Parameters<typeof StandardFontEmbedder.for>[0];
const regular = StandardFontEmbedder.for(StandardFonts.Helvetica as unknown as TFontName);
const bold = StandardFontEmbedder.for(StandardFonts.HelveticaBold as unknown as TFontName);
// Helvetica's ascender and descender (AFM, per 1000: 718 and -207): the extent of a line of text.
const ASCENT = (regular.font.Ascender || 718) / 1000;
const DESCENT = -(regular.font.Descender || -207) / 1000;

export type TDrawnLine = { text: string; bold: boolean; x: number; baseline: number; width: number };
export type TDrawnAppearance = {
  // The content stream's bytes (latin1: ASCII operators, text as hex strings of WinAnsi codes).
  content: string;
  fontSize: number;
  lines: TDrawnLine[];
};

const encodable = new Map<string, boolean>();
function canEncode(char: string): boolean {
  let known = encodable.get(char);
  if (known === undefined) {
    try {
      regular.encodeText(char);
      known = true;
    } catch {
      known = false;
    }
    encodable.set(char, known);
  }
  return known;
}

// The text with every character WinAnsi lacks replaced: without its diacritics when that is
// enough (ā → a), "?" otherwise. Control characters become spaces.
export function toWinAnsiText(text: string): string {
  let out = "";
  for (const char of text.replace(/[\u0000-\u001f\u007f]/g, " ")) {
    if (canEncode(char)) out += char;
    else {
      const bare = char.normalize("NFD").replace(/\p{M}/gu, "");
      out += bare && [...bare].every(canEncode) ? bare : "?";
    }
  }
  return out.replace(/\s+/g, " ").trim();
}

const widthAt = (text: string, isBold: boolean, size: number) => (isBold ? bold : regular).widthOfTextAtSize(text, size);

// Breaks one line into lines no wider than `width` at `size`: at spaces, and inside a word only
// when the word alone is wider.
function wrap(text: string, isBold: boolean, size: number, width: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    const candidate = current ? `${current} ${word}` : word;
    if (widthAt(candidate, isBold, size) <= width) {
      current = candidate;
      continue;
    }
    if (current) out.push(current);
    current = "";
    let rest = word;
    while (widthAt(rest, isBold, size) > width && rest.length > 1) {
      let cut = 1;
      while (cut < rest.length && widthAt(rest.slice(0, cut + 1), isBold, size) <= width) cut++;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) out.push(current);
  return out;
}

const blockHeight = (count: number, size: number) => (count - 1) * size * LEADING + size * (ASCENT + DESCENT);

type TLaidOut = { size: number; lines: Array<{ text: string; bold: boolean }> };

function layOut(lines: Array<{ text: string; bold: boolean }>, width: number, height: number): TLaidOut {
  // Every line whole: the size at which the widest one fills the width, bounded by the height.
  const widest = Math.max(...lines.map((l) => widthAt(l.text, l.bold, 1)));
  const byWidth = widest > 0 ? width / widest : MAX_FONT_SIZE;
  const byHeight = height / blockHeight(lines.length, 1);
  const whole = Math.floor(Math.min(MAX_FONT_SIZE, byWidth, byHeight) / SIZE_STEP) * SIZE_STEP;
  if (whole >= MIN_UNWRAPPED_SIZE) return { size: whole, lines };
  // Too small: wrap, at the largest size whose wrapped lines fit the height.
  for (let size = MAX_FONT_SIZE; size >= MIN_FONT_SIZE; size -= SIZE_STEP) {
    const wrapped = lines.flatMap((l) => wrap(l.text, l.bold, size, width).map((text) => ({ text, bold: l.bold })));
    if (blockHeight(wrapped.length, size) <= height && wrapped.every((l) => widthAt(l.text, l.bold, size) <= width)) {
      return { size, lines: wrapped };
    }
  }
  // Nothing fits even at the smallest size (a box a few points tall): the lines whole, that small.
  return { size: MIN_FONT_SIZE, lines };
}

const num = (n: number) => String(Math.round(n * 1000) / 1000);

export function drawSignatureAppearance(input: readonly TAppearanceLine[], box: { width: number; height: number }): TDrawnAppearance {
  const lines = input.map((l) => ({ text: toWinAnsiText(l.text), bold: Boolean(l.bold) })).filter((l) => l.text !== "");
  const width = Math.max(0, box.width - 2 * APPEARANCE_PADDING);
  const height = Math.max(0, box.height - 2 * APPEARANCE_PADDING);
  if (lines.length === 0) return { content: "", fontSize: 0, lines: [] };
  const { size, lines: laidOut } = layOut(lines, width, height);

  // Centred vertically: the first baseline one ascent below the top of the text block.
  const top = box.height - APPEARANCE_PADDING - Math.max(0, (height - blockHeight(laidOut.length, size)) / 2);
  const drawn: TDrawnLine[] = laidOut.map((l, i) => ({
    text: l.text,
    bold: l.bold,
    x: APPEARANCE_PADDING,
    baseline: top - size * ASCENT - i * size * LEADING,
    width: widthAt(l.text, l.bold, size),
  }));
  let content = "q\nBT\n0 g\n";
  let font: boolean | null = null;
  for (const line of drawn) {
    if (line.bold !== font) {
      content += `/${line.bold ? APPEARANCE_FONTS.bold.resource : APPEARANCE_FONTS.regular.resource} ${num(size)} Tf\n`;
      font = line.bold;
    }
    const hex = (line.bold ? bold : regular).encodeText(line.text).toString();
    content += `1 0 0 1 ${num(line.x)} ${num(line.baseline)} Tm\n${hex} Tj\n`;
  }
  content += "ET\nQ\n";
  return { content, fontSize: size, lines: drawn };
}
