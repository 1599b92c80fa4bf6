import { describe, expect, it } from "vitest";
import { formatCui } from "@/lib/identity/format-cui";
import { cuiCheckDigit, MUNICIPALITIES_PER_DEPARTMENT, normalizeCui, validateCui } from "@/lib/identity/validate-cui";

// Check digits worked out by hand with the rule of procedures.md (weights 2..9 left to right,
// sum mod 11), e.g. 23456789: 2·2+3·3+4·4+5·5+6·6+7·7+8·8+9·9 = 284, 284 mod 11 = 9.
describe("validateCui", () => {
  it.each([
    ["2345678990101", 1, 1], // the example of procedures.md with its right check digit (9)
    ["1234567892217", 22, 17], // last department, its last municipality
    ["1000000020924", 9, 24], // Quetzaltenango has 24 municipalities
    ["0000000511332", 13, 32], // Huehuetenango has 32, the most
    ["1111111100601", 6, 1], // check digit 0
    ["5260181510901", 9, 1], // a demo account's CUI
  ])("accepts %s", (cui, department, municipality) => {
    expect(validateCui(cui)).toEqual({ ok: true, cui, department, municipality });
  });

  it("accepts the number written with spaces, as printed on the DPI, and returns it without them", () => {
    expect(validateCui("2345 67899 0101")).toMatchObject({ ok: true, cui: "2345678990101" });
    expect(validateCui(" 1234 56789 2217 ")).toMatchObject({ ok: true, cui: "1234567892217" });
    expect(normalizeCui("2345 67899\t0101")).toBe("2345678990101");
  });

  it("computes the check digit as the remainder mod 11", () => {
    expect(cuiCheckDigit("23456789")).toBe(9);
    expect(cuiCheckDigit("12345678")).toBe(9);
    expect(cuiCheckDigit("11111111")).toBe(0);
    expect(cuiCheckDigit("10000007")).toBeNull(); // 2 + 7·9 = 65, 65 mod 11 = 10
  });

  it("refuses a wrong check digit (the spec's own illustration, 2345 67890 0101, is one)", () => {
    expect(validateCui("2345 67890 0101")).toMatchObject({ ok: false, problem: "CHECK_DIGIT" });
    expect(validateCui("1234567882217")).toMatchObject({ ok: false, problem: "CHECK_DIGIT" });
  });

  it("refuses every number whose sequence gives remainder 10, whatever its check digit", () => {
    for (let d = 0; d <= 9; d++) expect(validateCui(`10000007${d}0101`)).toMatchObject({ ok: false, problem: "CHECK_DIGIT" });
  });

  it.each([
    ["1234567890001", "00"],
    ["1234567892301", "23"],
    ["1234567899901", "99"],
  ])("refuses department %s (%s)", (cui) => {
    expect(validateCui(cui)).toMatchObject({ ok: false, problem: "DEPARTMENT" });
  });

  it.each([
    ["1234567890118", "Guatemala (01) has 17"],
    ["1234567890100", "municipality 00"],
    ["1234567890209", "El Progreso (02) has 8"],
    ["1234567891806", "Izabal (18) has 5"],
    ["1234567891625", "Alta Verapaz (16) has 17"],
    ["1234567891333", "Huehuetenango (13) has 32"],
  ])("refuses a municipality out of range: %s (%s)", (cui) => {
    expect(validateCui(cui)).toMatchObject({ ok: false, problem: "MUNICIPALITY" });
  });

  it("knows the municipality count of all 22 departments", () => {
    expect(MUNICIPALITIES_PER_DEPARTMENT).toHaveLength(22);
    expect(MUNICIPALITIES_PER_DEPARTMENT.reduce((a, b) => a + b, 0)).toBe(338); // the list in procedures.md
  });

  it.each(["234567899010", "23456789901011", "1", "2345 6789 0101"])("refuses the wrong length: %s", (cui) => {
    expect(validateCui(cui)).toMatchObject({ ok: false, problem: "LENGTH" });
  });

  it.each(["2345-67899-0101", "23456789901O1", "abcdefghijklm", "2345678990101x"])("refuses anything but digits and spaces: %s", (cui) => {
    expect(validateCui(cui)).toMatchObject({ ok: false, problem: "NOT_DIGITS" });
  });

  it("refuses an empty value with a message saying what to write", () => {
    const r = validateCui("   ");
    expect(r).toMatchObject({ ok: false, problem: "EMPTY" });
    if (!r.ok) expect(r.message).toMatch(/CUI/);
  });

  it("formats a CUI as printed on the DPI", () => {
    expect(formatCui("2345678990101")).toBe("2345 67899 0101");
    expect(formatCui("123")).toBe("123");
  });
});
