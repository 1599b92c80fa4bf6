// @ts-expect-error pdfkit ships no types; this is the module React-PDF imports (`import PDFDocument from 'pdfkit'`).
import PDFDocument from "pdfkit";

// Every `new PDFDocument()` (one per render in React-PDF) selects pdfkit's default font,
// Helvetica, and so parses its metrics again (pdfkit's AFMFont): ≈ 0.3 ms per sheet, for a font
// the sheet never prints (React-PDF selects the embedded faces before any text). The parsed
// metrics are never written to after construction, so every document can share the first
// document's. Each document still gets its own font object with the same fields (its own
// document and id "F1", no dictionary until used) and the same font state, so the fonts that
// follow are numbered, looked up and written as before (byte for byte,
// tests/unit/pdf/share-default-font.test.ts).

type TFontState = {
  _font: object | null;
  _fontCount: number;
  _fontSource: unknown;
  _fontFamily: unknown;
  _fontFamilies: Record<string, object>;
  initFonts(defaultFont?: string | null, defaultFontFamily?: string | null, defaultFontSize?: number): void;
};

const DEFAULT_FONT = "Helvetica";
let installed = false;
// Documents that got the shared metrics (the test checks the sharing happens).
export const sharedDefaultFont = { documents: 0 };

export function shareDefaultFont(): void {
  if (installed) return;
  installed = true;
  const proto = (PDFDocument as { prototype: TFontState }).prototype;
  const initFonts = proto.initFonts;
  let template: { prototype: object; fields: Record<string, unknown> } | null = null;

  proto.initFonts = function (this: TFontState, defaultFont = DEFAULT_FONT, defaultFontFamily = null, defaultFontSize = 12) {
    if (defaultFont !== DEFAULT_FONT || defaultFontFamily !== null) {
      initFonts.call(this, defaultFont, defaultFontFamily, defaultFontSize);
      return;
    }
    if (!template) {
      initFonts.call(this, defaultFont, defaultFontFamily, defaultFontSize);
      // Its fields as pdfkit's font() just made them, before any use adds a dictionary.
      if (this._font && this._fontFamilies[DEFAULT_FONT] === this._font && this._fontCount === 1) {
        template = { prototype: Object.getPrototypeOf(this._font) as object, fields: { ...this._font } };
      }
      return;
    }
    initFonts.call(this, null, null, defaultFontSize);
    // What `this.font("Helvetica")` does on a fresh document, the parsed metrics shared.
    const font = Object.assign(Object.create(template.prototype) as object, template.fields, { document: this, id: `F${++this._fontCount}` });
    this._fontSource = DEFAULT_FONT;
    this._fontFamily = null;
    this._font = font;
    this._fontFamilies[DEFAULT_FONT] = font;
    sharedDefaultFont.documents++;
  };
}
