import { describe, expect, it } from "vitest";
import {
  decodeTextString,
  encodeTextString,
  formatPdfDate,
  parsePdfDate,
  PdfLexer,
  readIndirectObject,
  serializePdfValue,
} from "@/lib/pdf/signatures/pdf-syntax";

const value = (text: string) => new PdfLexer(Buffer.from(text, "latin1")).readValue();

describe("PDF syntax", () => {
  it("round-trips text strings with accents through UTF-16BE, and ASCII as literals", () => {
    for (const text of ["José Pérez Gómez", "Ñandú (Educación) \\ fin", "plain (ascii) \\ text", ""]) {
      const encoded = encodeTextString(text);
      expect(decodeTextString(value(encoded))).toBe(text);
    }
    expect(encodeTextString("Guatemala")).toBe("(Guatemala)");
    expect(encodeTextString("Educación").startsWith("<FEFF")).toBe(true);
  });

  it("decodes literal escapes, PDFDocEncoding and bare UTF-8", () => {
    expect(decodeTextString(value("(a\\(b\\)c\\\\d\\101\\n)"))).toBe("a(b)c\\dA\n");
    expect(decodeTextString(value("(Educaci\\363n)"))).toBe("Educación");
    expect(decodeTextString(value(`(${Buffer.from("Pérez", "utf8").toString("latin1")})`))).toBe("Pérez");
  });

  it("formats and parses PDF dates, with and without offsets", () => {
    const date = new Date("2026-03-15T14:30:05Z");
    expect(formatPdfDate(date)).toBe("D:20260315143005+00'00'");
    expect(parsePdfDate(formatPdfDate(date))?.toISOString()).toBe(date.toISOString());
    expect(parsePdfDate("D:20260315083005-06'00'")?.toISOString()).toBe(date.toISOString());
    expect(parsePdfDate("D:20260315143005Z")?.toISOString()).toBe(date.toISOString());
    expect(parsePdfDate("basura")).toBeNull();
  });

  it("reads nested objects, references and strings with delimiters inside", () => {
    const object = readIndirectObject(
      Buffer.from("%x\n12 0 obj\n<< /A [1 0 R 2 -3.5 /N#20ame] /B << /C (x (>>) y\\) z) >> /D <ab cd> /E true /F null >>\nendobj", "latin1"),
      3,
    );
    expect(object.num).toBe(12);
    expect(serializePdfValue(object.value)).toBe("<</A [1 0 R 2 -3.5 /N#20ame] /B <</C (x (>>) y\\) z)>> /D <ab cd> /E true /F null>>");
  });
});
