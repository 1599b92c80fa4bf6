import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDiplomaByNumber } from "@/lib/registry/find-diploma-by-number";
import { importDiplomasCsv } from "@/lib/registry/import-diplomas-csv";
import { readImportReport } from "@/lib/registry/read-import-report";
import { searchDiplomas } from "@/lib/registry/search-diplomas";
import { createRegistryWorld, readAll, type TRegistryWorld } from "./registry-world";

let w: TRegistryWorld;
beforeAll(async () => {
  w = await createRegistryWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

const NOW = new Date("2026-06-15T12:00:00Z");
const HEADER = "numero_registro;nombre;titulo;establecimiento;anio;dideduc;firmado_por";
const row = (n: number, signedBy: string) => `D-2016-4000${String(n).padStart(2, "0")};Persona Prueba Firmante;Perito Contador;Instituto Nacional de Prueba;2016;zacapa;${signedBy}`;

describe("the title registry's firmado_por column", () => {
  it("stores who signed each title, accepting the documented values and their usual spellings", async () => {
    const file = [HEADER, row(1, ""), row(2, "dideduc"), row(3, "director_regional"), row(4, "Directora Regional"), row(5, "ministro"), row(6, "MINISTRA DE EDUCACIÓN"), row(7, "Dirección Departamental")].join("\n");
    const result = await importDiplomasCsv([file], { ...w.options, now: NOW, actor: w.admin });
    expect(result).toMatchObject({ rows: 7, created: 7, rejected: 0 });
    const stored = await w.db.diplomaRegistry.findMany({ where: { registrationNumber: { startsWith: "D-2016-4000" } }, orderBy: { registrationNumber: "asc" } });
    expect(stored.map((d) => d.signedBy)).toEqual(["DIDEDUC", "DIDEDUC", "REGIONAL_DIRECTOR", "REGIONAL_DIRECTOR", "MINISTER", "MINISTER", "DIDEDUC"]);
  });

  it("rejects an unknown value with a Spanish reason in the report, keeping the other rows", async () => {
    const file = [HEADER, row(10, "supervisor"), row(11, "ministro")].join("\n");
    const result = await importDiplomasCsv([file], { ...w.options, now: NOW, actor: w.admin, fileName: "firmantes.csv" });
    expect(result).toMatchObject({ rows: 2, created: 1, rejected: 1, conflicts: 0 });
    expect(result.rejectedSample[0]).toMatchObject({ line: 2, registrationNumber: "D-2016-400010" });
    expect(result.rejectedSample[0].reason).toBe(
      "Firmado por «supervisor» no es un valor válido: escriba dideduc, director_regional, ministro, o deje la celda vacía si firmó la Dirección Departamental.",
    );
    expect(await w.db.diplomaRegistry.findUnique({ where: { registrationNumber: "D-2016-400010" } })).toBeNull();
    const report = await readAll((await readImportReport(result.auditEventId, w.options))!.stream);
    expect(report.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(`linea;${HEADER};motivo`);
    expect(report).toContain("Firmado por «supervisor» no es un valor válido");
  });

  it("treats a file without the column as signed by the DIDEDUC, and a different signer for a registered number as a conflict", async () => {
    const withoutColumn = ["numero_registro;nombre;titulo;establecimiento;anio;dideduc", "D-2016-400020;Persona Prueba Firmante;Perito Contador;Instituto Nacional de Prueba;2016;zacapa"].join("\n");
    expect(await importDiplomasCsv([withoutColumn], { ...w.options, now: NOW, actor: w.admin })).toMatchObject({ created: 1, rejected: 0 });
    expect((await w.db.diplomaRegistry.findUniqueOrThrow({ where: { registrationNumber: "D-2016-400020" } })).signedBy).toBe("DIDEDUC");
    // The same title, now said to be the minister's: refused, not overwritten.
    const conflict = await importDiplomasCsv([[HEADER, row(20, "ministro")].join("\n")], { ...w.options, now: NOW, actor: w.admin });
    expect(conflict).toMatchObject({ created: 0, unchanged: 0, rejected: 1, conflicts: 1 });
    expect(conflict.rejectedSample[0].reason).toMatch(/ya está registrado con otros datos \(firmado por Dirección Departamental de Educación\)/);
    expect((await w.db.diplomaRegistry.findUniqueOrThrow({ where: { registrationNumber: "D-2016-400020" } })).signedBy).toBe("DIDEDUC");
    // The same title with the column saying dideduc: identical, nothing to do.
    expect(await importDiplomasCsv([[HEADER, row(20, "dideduc")].join("\n")], { ...w.options, now: NOW, actor: w.admin })).toMatchObject({ created: 0, unchanged: 1, rejected: 0 });
  });
});

describe("findDiplomaByNumber and who signed the title", () => {
  it("says which titles follow ATE-INS-04 (the seed's regional director's and minister's), and not the DIDEDUC's", async () => {
    const regional = await findDiplomaByNumber("d 2006 002741", w.options);
    expect(regional).toMatchObject({ registrationNumber: "D-2006-002741", signedBy: "REGIONAL_DIRECTOR", otherProcedure: { code: "ATE-INS-04" } });
    expect(regional?.otherProcedure?.message).toMatch(/firmado por un Director Regional de Educación.*ATE-INS-04.*No puede enviar esta solicitud/);
    const minister = await findDiplomaByNumber("D-2007-003350", w.options);
    expect(minister).toMatchObject({ signedBy: "MINISTER", otherProcedure: { code: "ATE-INS-04" } });
    expect(minister?.otherProcedure?.message).toMatch(/firmado por el Ministro de Educación/);
    expect(await findDiplomaByNumber("D-2015-018734", w.options)).toMatchObject({ signedBy: "DIDEDUC", otherProcedure: null });
    // The administrator's listing says who signed each title.
    expect((await searchDiplomas({ q: "D-2006-002741" }, w.options)).rows.map((r) => r.signedBy)).toEqual(["REGIONAL_DIRECTOR"]);
  });
});
