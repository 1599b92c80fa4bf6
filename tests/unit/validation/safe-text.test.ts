import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkTextTree, findHiddenCharacter, stripHiddenCharacters } from "@/lib/validation/hidden-characters";
import { safeText } from "@/lib/validation/safe-text";

// The shared text rule (lib/validation): which characters are refused, the Spanish message, NFC.
// text-schemas.test.ts checks that the schemas of text printed on certifications use it.

const HIDDEN_MESSAGE = /^El texto tiene un carácter invisible o de control \(U\+[0-9A-F]{4,5}\), como los que llegan al copiar y pegar/;

const REFUSED: Array<[string, string]> = [
  ["U+202A LEFT-TO-RIGHT EMBEDDING", "\u202A"],
  ["U+202B RIGHT-TO-LEFT EMBEDDING", "\u202B"],
  ["U+202C POP DIRECTIONAL FORMATTING", "\u202C"],
  ["U+202D LEFT-TO-RIGHT OVERRIDE", "\u202D"],
  ["U+202E RIGHT-TO-LEFT OVERRIDE", "\u202E"],
  ["U+2066 LEFT-TO-RIGHT ISOLATE", "\u2066"],
  ["U+2067 RIGHT-TO-LEFT ISOLATE", "\u2067"],
  ["U+2068 FIRST STRONG ISOLATE", "\u2068"],
  ["U+2069 POP DIRECTIONAL ISOLATE", "\u2069"],
  ["U+200E LEFT-TO-RIGHT MARK", "\u200E"],
  ["U+200F RIGHT-TO-LEFT MARK", "\u200F"],
  ["U+061C ARABIC LETTER MARK", "\u061C"],
  ["U+200B ZERO WIDTH SPACE", "\u200B"],
  ["U+200C ZERO WIDTH NON-JOINER", "\u200C"],
  ["U+200D ZERO WIDTH JOINER", "\u200D"],
  ["U+2060 WORD JOINER", "\u2060"],
  ["U+2061–U+2064 invisible operators", "\u2062"],
  ["U+FEFF ZERO WIDTH NO-BREAK SPACE (BOM)", "\uFEFF"],
  ["U+00AD SOFT HYPHEN", "\u00AD"],
  ["U+180E MONGOLIAN VOWEL SEPARATOR", "\u180E"],
  ["U+034F COMBINING GRAPHEME JOINER", "\u034F"],
  ["U+3164 HANGUL FILLER", "\u3164"],
  ["U+FE0F VARIATION SELECTOR-16", "\uFE0F"],
  ["U+E0041 TAG LATIN CAPITAL LETTER A", "\u{E0041}"],
  ["U+E0100 VARIATION SELECTOR-17", "\u{E0100}"],
  ["U+2028 LINE SEPARATOR", "\u2028"],
  ["U+0000 NUL", "\u0000"],
  ["U+001B ESCAPE", "\u001B"],
  ["U+0085 NEXT LINE", "\u0085"],
  ["a lone surrogate", "\uD800"],
];

const ACCEPTED = [
  "María José Ixcot Chávez",
  "Ñuñoa Güemes",
  "K'iche' Q’eqchi’",
  "Bachiller en Ciencias y Letras con Orientación en Computación",
  "Instituto Nacional de Educación Básica, jornada vespertina (INEB) #2 — Mixco",
  "Zoë O'Brien-Saint-Just",
  "Acuerdo Ministerial 2418-2019",
  "Jose\u0301", // a combining accent is text (NFC composes it)
  "a\u00A0b", // a no-break space is visible as a space
];

describe("findHiddenCharacter", () => {
  it.each(REFUSED)("refuses %s", (_name, char) => {
    expect(findHiddenCharacter(`Ana${char}Lucía`)).toBe(char);
  });

  it.each(ACCEPTED)("accepts %j", (text) => {
    expect(findHiddenCharacter(text)).toBeNull();
  });

  it("lets multi-line text keep tab and line breaks, and nothing else", () => {
    expect(findHiddenCharacter("uno\ndos\r\n\ttres", { multiline: true })).toBeNull();
    expect(findHiddenCharacter("uno\ndos")).toBe("\n");
    expect(findHiddenCharacter("uno\u202Edos", { multiline: true })).toBe("\u202E");
    expect(findHiddenCharacter("uno\u0000dos", { multiline: true })).toBe("\u0000");
    expect(findHiddenCharacter("uno\u2028dos", { multiline: true })).toBe("\u2028");
  });
});

describe("stripHiddenCharacters and checkTextTree", () => {
  it("strips every refused character and composes to NFC", () => {
    expect(stripHiddenCharacters("acta\u202Efdp.exe\u200B.pdf")).toBe("actafdp.exe.pdf");
    expect(stripHiddenCharacters(REFUSED.map(([, c]) => c).join(""))).toBe("");
    expect(stripHiddenCharacters("Jose\u0301")).toBe("José");
  });

  it("reports each refused string at its path and returns an NFC copy", () => {
    const { value, problems } = checkTextTree({ student: { firstNames: "Jose\u0301", lastNames: "Pe\u200Brez" }, studies: [{ level: "ok" }, { level: "x\u2066" }], year: 1990 });
    expect(value).toEqual({ student: { firstNames: "José", lastNames: "Pe\u200Brez" }, studies: [{ level: "ok" }, { level: "x\u2066" }], year: 1990 });
    expect(problems.map((p) => p.path.join("."))).toEqual(["student.lastNames", "studies.1.level"]);
    expect(problems[0].message).toMatch(HIDDEN_MESSAGE);
    expect(problems[0].message).toContain("U+200B");
  });
});

describe("safeText", () => {
  const ZName = safeText({ error: "Escriba el nombre." }).trim().min(1, { error: "Escriba el nombre." }).max(10, { error: "Máximo 10." });

  it("refuses a hidden character with one Spanish message that names it, before the field's own rules", () => {
    const r = ZName.safeParse(` Ana\u202E${"x".repeat(20)} `);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toHaveLength(1);
    expect(r.error?.issues[0].message).toMatch(HIDDEN_MESSAGE);
    expect(r.error?.issues[0].message).toContain("(U+202E)");
  });

  it("normalizes to NFC, then the field's rules apply", () => {
    expect(ZName.parse("  Jose\u0301 ")).toBe("José");
    expect(ZName.safeParse("").error?.issues[0].message).toBe("Escriba el nombre.");
    expect(ZName.safeParse("x".repeat(11)).error?.issues[0].message).toBe("Máximo 10.");
  });
});
