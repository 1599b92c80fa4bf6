import { describe, expect, it } from "vitest";
import { formatCsvLine, readCsvRecords, type TCsvRecord } from "@/lib/registry/csv/read-csv-records";
import { diplomaCsvRowSchema, mapDiplomaCsvHeader } from "@/lib/registry/diploma-csv-row";
import { normalizeDiplomaNumber, ZDiplomaNumber } from "@/lib/registry/diploma-number";

async function read(parts: (string | Uint8Array)[], options = {}): Promise<TCsvRecord[]> {
  const out: TCsvRecord[] = [];
  for await (const r of readCsvRecords(parts, options)) out.push(r);
  return out;
}

describe("normalizeDiplomaNumber", () => {
  it("accepts spaces, other dashes, dots and lower case; refuses what cannot be a number", () => {
    expect(["D-2015-018734", "d 2015 018734", "D2015018734", "d‐2015—018734", "D.2015/018734", "Ｄ-2015-018734"].map(normalizeDiplomaNumber)).toEqual(
      Array(6).fill("D-2015-018734"),
    );
    expect(["", "2015-018734", "D-2015-18734", "D-1999-018734", "X-2015-018734", "D-2015-0187345"].map(normalizeDiplomaNumber)).toEqual(Array(6).fill(null));
    expect(ZDiplomaNumber.safeParse("d2015 018734")).toEqual({ success: true, data: "D-2015-018734" });
    expect(ZDiplomaNumber.safeParse("123").error?.issues[0].message).toMatch(/esquina superior derecha/);
  });
});

describe("readCsvRecords", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks, CRLF, BOM, and numbers lines", async () => {
    const text = '\uFEFFa;b;c\r\n1;"x;y";"di ""hola""\r\nadiós"\r\n\r\n2;;\r\n';
    const records = await read([text]);
    expect(records).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "x;y", 'di "hola"\r\nadiós'] },
      { line: 5, fields: ["2", "", ""] },
    ]);
  });

  it("gives the same records whatever the chunking, also with UTF-8 characters split across chunks", async () => {
    const text = 'nombre,año\n"Peña, Ñandú",2019\nJosé,2020';
    const bytes = Buffer.from(text, "utf8");
    const whole = await read([bytes]);
    expect(whole.map((r) => r.fields)).toEqual([["nombre", "año"], ["Peña, Ñandú", "2019"], ["José", "2020"]]);
    for (const size of [1, 2, 3, 5]) {
      const parts: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
      expect(await read(parts)).toEqual(whole);
    }
  });

  it("detects the delimiter from the header, and reports an unclosed quote and an over-long record", async () => {
    let seen = "";
    await read(["a,b;c;d\n"], { onDelimiter: (d: string) => (seen = d) });
    expect(seen).toBe(";");
    expect(await read(['a;b\n1;"sin cerrar\n2;3\n'])).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "sin cerrar\n2;3\n"], error: "UNTERMINATED_QUOTE" },
    ]);
    const [, long] = await read([`a;b\n${"x".repeat(50)};1\n`], { maxRecordChars: 10 });
    expect(long.error).toBe("TOO_LONG");
  });

  it("formats report lines that read back the same, defusing spreadsheet formulas", async () => {
    const line = formatCsvLine([12, "con;punto y coma", 'comillas "dobles"', "=HYPERLINK(1)", null]);
    expect(line).toBe(`12;"con;punto y coma";"comillas ""dobles""";'=HYPERLINK(1);`);
    expect((await read([`${line}\n`], { delimiter: ";" }))[0].fields).toEqual(["12", "con;punto y coma", 'comillas "dobles"', "'=HYPERLINK(1)", ""]);
  });
});

describe("diploma CSV rows", () => {
  it("maps headers in any order and spelling, and names the missing ones", () => {
    expect(mapDiplomaCsvHeader(["Año", "DIDEDUC", "Número de registro", "Nombre", "Título", "Establecimiento", "extra"])).toEqual({
      index: { year: 0, dideduc: 1, registrationNumber: 2, holderName: 3, degree: 4, school: 5 },
      missing: [],
    });
    expect(mapDiplomaCsvHeader(["nombre"]).missing).toEqual(["numero_registro", "titulo", "establecimiento", "anio", "dideduc"]);
  });

  it("validates a row: year from 2005 to the current year in Guatemala, names with letters, one message per field", () => {
    // 1 January 03:00 UTC is still 31 December in Guatemala.
    const schema = diplomaCsvRowSchema(new Date("2027-01-01T03:00:00Z"));
    const good = { registrationNumber: "d 2026 000001", holderName: "  Ana   María O'Neil ", degree: "Bachiller en Ciencias y Letras", school: "Instituto Nacional", year: "2026", dideduc: "zacapa" };
    expect(schema.parse(good)).toEqual({ ...good, registrationNumber: "D-2026-000001", holderName: "Ana María O'Neil", year: 2026, signedBy: "DIDEDUC", holderCui: null, holderBirthDate: null });
    // cui and fecha_nacimiento: optional; a CUI with its check digit, a date as 2001-02-27 or 27/02/2001.
    expect(schema.parse({ ...good, holderCui: " 2345 67899 0101 ", holderBirthDate: "27/02/2001" })).toMatchObject({ holderCui: "2345678990101", holderBirthDate: new Date("2001-02-27T00:00:00Z") });
    expect(schema.parse({ ...good, holderBirthDate: "2001-02-27" }).holderBirthDate).toEqual(new Date("2001-02-27T00:00:00Z"));
    expect(schema.safeParse({ ...good, holderCui: "2345678980101" }).error?.issues.map((i) => i.path[0])).toEqual(["holderCui"]);
    expect(schema.safeParse({ ...good, holderBirthDate: "29/02/2001" }).error?.issues.map((i) => i.path[0])).toEqual(["holderBirthDate"]);
    // firmado_por: optional; the documented values and their spellings; anything else is refused.
    expect(schema.parse({ ...good, signedBy: "director_regional" }).signedBy).toBe("REGIONAL_DIRECTOR");
    expect(schema.parse({ ...good, signedBy: " Ministra de Educación " }).signedBy).toBe("MINISTER");
    expect(schema.parse({ ...good, signedBy: "" }).signedBy).toBe("DIDEDUC");
    expect(schema.safeParse({ ...good, signedBy: "rector" }).error?.issues.map((i) => i.message)).toEqual([
      "Firmado por «rector» no es un valor válido: escriba dideduc, director_regional, ministro, o deje la celda vacía si firmó la Dirección Departamental.",
    ]);
    expect(schema.safeParse({ ...good, year: "2027" }).error?.issues.map((i) => i.message)).toEqual(["El año está en el futuro (posterior a 2026)."]);
    const empty = schema.safeParse({ ...good, holderName: "", degree: "" });
    expect(empty.error?.issues.map((i) => i.path[0])).toContain("holderName");
    expect(schema.safeParse({ ...good, holderName: "Ana 123" }).success).toBe(false);
  });
});
