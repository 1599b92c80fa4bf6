import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsvRecords } from "@/lib/registry/csv/read-csv-records";
import { findDiplomaByNumber } from "@/lib/registry/find-diploma-by-number";
import { importDiplomasCsv } from "@/lib/registry/import-diplomas-csv";
import { readImportReport } from "@/lib/registry/read-import-report";
import { searchDiplomas } from "@/lib/registry/search-diplomas";
import { chunked, createRegistryWorld, readAll, type TRegistryWorld } from "./registry-world";

let w: TRegistryWorld;
beforeAll(async () => {
  w = await createRegistryWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

// Spanish-locale spreadsheet export: BOM, ";" and CRLF; a quoted school with ";" and a line break.
const FILE = [
  "numero_registro;nombre;titulo;establecimiento;anio;dideduc",
  "D-2016-100001;Luisa Fernanda Coj Tzul;Bachiller en Ciencias y Letras;Instituto Nacional de Educación Diversificada, Sololá;2016;solola",
  'd 2018 100002;José Andrés Pérez López;Perito Contador;"Colegio Mixto ""El Ángel""; jornada\nvespertina";2018;Guatemala Norte',
  "D2019-100003;Ana Sofía Ixchop Batz;Maestra de Educación Primaria;Escuela Normal Rural de Cobán;2019;ALTA VERAPAZ",
  "X-2016-1;Pedro Gómez;Bachiller en Computación;Instituto Central;2016;solola",
  "D-2004-100005;Rosa Elena Tum Yax;Perito Contador;Instituto Nacional, Zacapa;2004;zacapa",
  "D-2016-100006;Mario;Perito en Turismo;Instituto Nacional, Petén;2016;peten",
  "D-2016-100007;Carlos Ruano Paz;Perito en Turismo;Instituto Nacional, Petén;2016;Atlántida",
  "D-2016-100008;Carlos Ruano Paz;Perito en Turismo;Instituto Nacional, Petén;2999;peten",
  "",
  "D-2015-018734;Otra Persona Distinta;Bachiller en Ciencias y Letras con Orientación en Computación;Instituto Nacional de Educación Diversificada, Quetzaltenango;2015;quetzaltenango",
].join("\r\n");
const NOW = new Date("2026-06-15T12:00:00Z");

describe("importDiplomasCsv", () => {
  let first: Awaited<ReturnType<typeof importDiplomasCsv>>;

  it("imports the good rows, reports the bad ones with line and reason, and records the import", async () => {
    const before = await w.db.diplomaRegistry.count();
    first = await importDiplomasCsv(chunked(`\uFEFF${FILE}`, 7), { ...w.options, now: NOW, actor: w.admin, fileName: "titulos.csv", batchSize: 2 });
    expect(first).toMatchObject({ delimiter: ";", rows: 9, created: 3, unchanged: 0, rejected: 6, conflicts: 1, fileName: "titulos.csv" });
    expect(await w.db.diplomaRegistry.count()).toBe(before + 3);

    const quoted = await w.db.diplomaRegistry.findUniqueOrThrow({ where: { registrationNumber: "D-2018-100002" }, include: { dideduc: true } });
    expect(quoted.school).toBe('Colegio Mixto "El Ángel"; jornada vespertina');
    expect(quoted.dideduc?.code).toBe("guatemala-norte");
    expect(quoted.importBatch).toBe(first.importBatch);

    const reasons = Object.fromEntries(first.rejectedSample.map((r) => [r.line, r.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([6, 7, 8, 9, 10, 12]);
    expect(reasons[6]).toMatch(/Número de registro no válido/);
    expect(reasons[7]).toMatch(/anterior a 2005/);
    expect(reasons[8]).toMatch(/al menos un nombre y un apellido/);
    expect(reasons[9]).toMatch(/DIDEDUC «Atlántida» no existe/);
    expect(reasons[10]).toMatch(/en el futuro/);
    expect(reasons[12]).toMatch(/ya está registrado con otros datos \(nombre registrado «María José Ixcot Chávez»\)/);
    // Not overwritten.
    expect((await w.db.diplomaRegistry.findUniqueOrThrow({ where: { registrationNumber: "D-2015-018734" } })).holderName).toBe("María José Ixcot Chávez");

    const event = await w.db.auditEvent.findUniqueOrThrow({ where: { id: BigInt(first.auditEventId) } });
    expect(event).toMatchObject({ caseId: null, actorId: w.admin.id, role: "ADMIN", action: "admin.import_diplomas" });
    expect(event.data).toMatchObject({ fileName: "titulos.csv", rows: 9, created: 3, unchanged: 0, rejected: 6, conflicts: 1, reportKey: first.reportKey });
  });

  it("keeps a downloadable CSV report of the rejected rows that can be corrected and imported again", async () => {
    const report = await readImportReport(first.auditEventId, w.options);
    expect(report?.fileName).toMatch(/^filas-rechazadas-\d{4}-\d{2}-\d{2}-\d+\.csv$/);
    const text = await readAll(report!.stream);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const records = [];
    for await (const r of readCsvRecords([text])) records.push(r.fields);
    expect(records[0]).toEqual(["linea", "numero_registro", "nombre", "titulo", "establecimiento", "anio", "dideduc", "motivo"]);
    expect(records.slice(1).map((r) => r[0])).toEqual(["6", "7", "8", "9", "10", "12"]);
    expect(records[2][1]).toBe("D-2004-100005");
    expect(records[2][7]).toMatch(/anterior a 2005/);
    expect(await readImportReport("999999999", w.options)).toBeNull();
    expect(await readImportReport("not-a-number", w.options)).toBeNull();
  });

  it("changes nothing when the same file is imported again", async () => {
    const rowsBefore = await w.db.diplomaRegistry.findMany({ orderBy: { registrationNumber: "asc" } });
    const again = await importDiplomasCsv(chunked(`\uFEFF${FILE}`, 1024), { ...w.options, now: NOW, actor: w.admin, fileName: "titulos.csv" });
    expect(again).toMatchObject({ rows: 9, created: 0, unchanged: 3, rejected: 6, conflicts: 1 });
    expect(await w.db.diplomaRegistry.findMany({ orderBy: { registrationNumber: "asc" } })).toEqual(rowsBefore);
    expect(await w.db.auditEvent.count({ where: { action: "admin.import_diplomas" } })).toBe(2);
  });

  it("reads a comma-separated file without BOM, and a repeated number in one file", async () => {
    const csv = [
      "dideduc,Año,Título,Nombre,Establecimiento,Número de registro,notas",
      "zacapa,2020,Perito Agrónomo,Elsa Marina Cordón Paz,\"Instituto Técnico, Zacapa\",D-2020-200001,ok",
      "zacapa,2020,Perito Agrónomo,Elsa Marina Cordón Paz,\"Instituto Técnico, Zacapa\",D-2020-200001,repetida igual",
      "zacapa,2021,Perito Agrónomo,Elsa Marina Cordón Paz,\"Instituto Técnico, Zacapa\",D-2020-200001,repetida distinta",
    ].join("\n");
    const result = await importDiplomasCsv([csv], { ...w.options, now: NOW, actor: w.admin });
    expect(result).toMatchObject({ delimiter: ",", rows: 3, created: 1, unchanged: 1, rejected: 1, conflicts: 1 });
    expect(result.rejectedSample[0]).toMatchObject({ line: 4, registrationNumber: "D-2020-200001" });
    expect(result.rejectedSample[0].reason).toMatch(/ya aparece en la línea 2 con otros datos/);
  });

  it("refuses a file without the required columns and a non-administrator, recording the failed import", async () => {
    await expect(importDiplomasCsv(["numero;nombre\nD-2016-1;x"], { ...w.options, now: NOW, actor: w.admin, fileName: "malo.csv" })).rejects.toMatchObject({
      code: "CSV_HEADER",
      message: expect.stringContaining("faltan: titulo, establecimiento, anio, dideduc"),
    });
    const failed = await w.db.auditEvent.findFirstOrThrow({ where: { action: "admin.import_diplomas" }, orderBy: { id: "desc" } });
    expect(failed.data).toMatchObject({ fileName: "malo.csv", failed: true, created: 0 });
    await expect(importDiplomasCsv([""], { ...w.options, now: NOW, actor: w.admin })).rejects.toMatchObject({ code: "CSV_EMPTY" });
    const citizen = await w.user("ciudadana");
    await expect(importDiplomasCsv([FILE], { ...w.options, now: NOW, actor: citizen })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses rows with bytes that are not UTF-8 (a Latin-1 export), naming the problem", async () => {
    const latin1 = Buffer.from("numero_registro;nombre;titulo;establecimiento;anio;dideduc\nD-2016-300001;José Pérez;Perito Contador;Instituto Nacional;2016;zacapa\n", "latin1");
    const result = await importDiplomasCsv([latin1], { ...w.options, now: NOW, actor: w.admin });
    expect(result).toMatchObject({ created: 0, rejected: 1 });
    expect(result.rejectedSample[0].reason).toMatch(/caracteres ilegibles: guarde el archivo como «CSV UTF-8»/);
    const latin1Header = Buffer.from("numero_registro;nombre;título;establecimiento;año;dideduc\n", "latin1");
    await expect(importDiplomasCsv([latin1Header], { ...w.options, now: NOW, actor: w.admin })).rejects.toMatchObject({
      code: "CSV_HEADER",
      message: expect.stringContaining("no parece estar en UTF-8"),
    });
  });
});

describe("importDiplomasCsv: the holder's CUI and birth date (optional columns)", () => {
  const opts = () => ({ ...w.options, now: NOW, actor: w.admin });
  const HEAD = "numero_registro;nombre;titulo;establecimiento;anio;dideduc";
  const row = (n: string, name: string) => `${n};${name};Perito Contador;Instituto Nacional de Educación Diversificada, Zacapa;2016;zacapa`;

  it("stores them, accepting 2001-02-27 and 27/02/2001, and rejects a CUI or a date that cannot be one", async () => {
    const csv = [
      `${HEAD};cui;fecha_nacimiento`,
      `${row("D-2016-300001", "Elmer Josué Paz Cordón")};2345 67899 0101;1998-04-17`,
      `${row("D-2016-300002", "Iris Marleny Paz Cordón")};;27/02/1999`,
      `${row("D-2016-300003", "Otto René Paz Cordón")};2345678980101;`,
      `${row("D-2016-300004", "Lidia Ester Paz Cordón")};;31/02/2001`,
      `${row("D-2016-300005", "Berta Alicia Paz Cordón")};;2999-01-01`,
    ].join("\r\n");
    const result = await importDiplomasCsv([csv], opts());
    expect(result).toMatchObject({ rows: 5, created: 2, rejected: 3, conflicts: 0 });
    const reasons = Object.fromEntries(result.rejectedSample.map((r) => [r.line, r.reason]));
    expect(reasons[4]).toMatch(/El CUI «2345678980101» no es válido/);
    expect(reasons[5]).toMatch(/La fecha de nacimiento «31\/02\/2001» no es válida/);
    expect(reasons[6]).toMatch(/La fecha de nacimiento «2999-01-01» no es válida/);
    const [a, b] = await w.db.diplomaRegistry.findMany({ where: { registrationNumber: { in: ["D-2016-300001", "D-2016-300002"] } }, orderBy: { registrationNumber: "asc" } });
    expect(a).toMatchObject({ holderCui: "2345678990101", holderBirthDate: new Date("1998-04-17T00:00:00Z") });
    expect(b).toMatchObject({ holderCui: null, holderBirthDate: new Date("1999-02-27T00:00:00Z") });
  });

  it("completes a title registered without them, never replaces them, and an empty cell erases nothing", async () => {
    const bare = await importDiplomasCsv([`${HEAD}\r\n${row("D-2016-300010", "Nidia Paola Paz Cordón")}`], opts());
    expect(bare).toMatchObject({ created: 1 });

    const withHolder = `${HEAD};cui;fecha_nacimiento\r\n${row("D-2016-300010", "Nidia Paola Paz Cordón")};2345 67899 0101;2000-05-06`;
    expect(await importDiplomasCsv([withHolder], opts())).toMatchObject({ created: 0, unchanged: 0, completed: 1, rejected: 0 });
    expect(await w.db.diplomaRegistry.findUniqueOrThrow({ where: { registrationNumber: "D-2016-300010" } })).toMatchObject({
      holderCui: "2345678990101",
      holderBirthDate: new Date("2000-05-06T00:00:00Z"),
    });
    // The same file again: nothing to do.
    expect(await importDiplomasCsv([withHolder], opts())).toMatchObject({ unchanged: 1, completed: 0 });
    // Without the columns, or with empty cells: nothing erased.
    expect(await importDiplomasCsv([`${HEAD};cui;fecha_nacimiento\r\n${row("D-2016-300010", "Nidia Paola Paz Cordón")};;`], opts())).toMatchObject({ unchanged: 1 });
    // Another CUI for a title that has one: a conflict, reported without repeating the registered one.
    const other = await importDiplomasCsv([`${HEAD};cui\r\n${row("D-2016-300010", "Nidia Paola Paz Cordón")};1111111100601`], opts());
    expect(other).toMatchObject({ rejected: 1, conflicts: 1 });
    expect(other.rejectedSample[0].reason).toBe("El número D-2016-300010 ya está registrado con otro CUI del graduado; no se reemplazó.");
    expect((await w.db.diplomaRegistry.findUniqueOrThrow({ where: { registrationNumber: "D-2016-300010" } })).holderCui).toBe("2345678990101");
  });
});

describe("importDiplomasCsv with a larger file", () => {
  it("streams thousands of rows in small chunks across batches, then a second pass is a no-op", async () => {
    const rows = 3000;
    // Names take letters only: "Aab", "Aac"… from the row's index.
    const letters = (n: number) => "A" + [Math.floor(n / 676) % 26, Math.floor(n / 26) % 26, n % 26].map((d) => String.fromCharCode(97 + d)).join("");
    async function* file(): AsyncGenerator<string> {
      yield "numero_registro;nombre;titulo;establecimiento;anio;dideduc\n";
      for (let i = 0; i < rows; i++) yield `D-2010-${String(700000 + i).padStart(6, "0")};Persona ${letters(i)} Prueba;Perito Contador;Instituto Nacional de Prueba;2010;${i % 100 === 0 ? "Narnia" : "jutiapa"}\n`;
    }
    const before = await w.db.diplomaRegistry.count();
    const first = await importDiplomasCsv(file(), { ...w.options, now: NOW, actor: w.admin });
    expect(first).toMatchObject({ rows, created: rows - 30, rejected: 30, unchanged: 0 });
    expect(await w.db.diplomaRegistry.count()).toBe(before + rows - 30);
    const second = await importDiplomasCsv(file(), { ...w.options, now: NOW, actor: w.admin });
    expect(second).toMatchObject({ rows, created: 0, rejected: 30, unchanged: rows - 30 });
    const report = await readAll((await readImportReport(second.auditEventId, w.options))!.stream);
    expect(report.trim().split("\r\n")).toHaveLength(31);
  });
});

describe("findDiplomaByNumber", () => {
  it("finds a title however the citizen types its number", async () => {
    for (const typed of ["D-2015-018734", "d 2015 018734", "D2015018734", " d–2015–018734 ", "D.2015.018734"]) {
      const found = await findDiplomaByNumber(typed, w.options);
      expect(found, typed).toMatchObject({
        registrationNumber: "D-2015-018734",
        holderName: "María José Ixcot Chávez",
        year: 2015,
        dideduc: { code: "quetzaltenango", name: "Quetzaltenango" },
        otherProcedure: null,
      });
    }
  });

  it("returns null for a number not registered or not a number at all", async () => {
    expect(await findDiplomaByNumber("D-2015-999999", w.options)).toBeNull();
    expect(await findDiplomaByNumber("hola", w.options)).toBeNull();
    expect(await findDiplomaByNumber("", w.options)).toBeNull();
  });
});

describe("searchDiplomas", () => {
  it("searches by number or a part of the name, paginated", async () => {
    expect((await searchDiplomas({ q: "d2015 018734" }, w.options)).rows.map((r) => r.holderName)).toEqual(["María José Ixcot Chávez"]);
    const byName = await searchDiplomas({ q: "ixcot" }, w.options);
    expect(byName.rows.map((r) => r.registrationNumber)).toContain("D-2015-018734");
    const page1 = await searchDiplomas({ page: 1, pageSize: 5 }, w.options);
    const page2 = await searchDiplomas({ page: 2, pageSize: 5 }, w.options);
    expect(page1.rows).toHaveLength(5);
    expect(page1.total).toBe(await w.db.diplomaRegistry.count());
    expect(page1.pageCount).toBe(Math.ceil(page1.total / 5));
    expect(page2.rows[0].registrationNumber < page1.rows[4].registrationNumber).toBe(true);
  });
});
