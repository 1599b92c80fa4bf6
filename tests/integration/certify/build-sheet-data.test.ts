import { describe, expect, it } from "vitest";
import { buildSheetData } from "@/lib/cases/build-sheet-data";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { SAMPLE_FORM } from "./certify-world";

const base = {
  caseRow: { number: "EE-2026-000123", procedure: "EDUCATIONAL_RECORD" as const, formData: SAMPLE_FORM },
  dideduc: { name: "Quetzaltenango" },
  verificationCode: "7K3M-Q9TZ-W2HD",
  // 02:00 UTC on the 1st is still the 28th of February in Guatemala (UTC−6).
  now: new Date("2026-03-01T02:00:00Z"),
  baseUrl: "https://certifica.mineduc.gob.gt",
};

describe("buildSheetData (D.1.1)", () => {
  it("prints the form as the sheet schema wants it", () => {
    const data = ZCertificationSheetData.parse(buildSheetData({ ...base, dideducSigner: { name: "Héctor Rolando Xicará Monzón", post: "Jefe del Departamento Técnico Pedagógico" } }));
    expect(data.issuingOffices).toEqual(["Dirección Departamental de Educación de Quetzaltenango", "Departamento de Atención al Ciudadano — DISERSA"]);
    expect(data.holder).toEqual({ fullName: "María José Ixcot Chávez", cui: "5260 18151 0901" });
    expect(data.studyMode).toBe("SCHOOL");
    expect(data.documents).toEqual([
      { label: "Certificados de estudio" },
      { label: "Diplomas" },
      { label: "Otros", description: "Constancia de conducta" },
    ]);
    expect(data.fields).toEqual([{ label: "Fecha de nacimiento", value: "17 de abril de 2001" }]);
    expect(data.studies?.columns).toEqual(["Grado o etapa", "Año", "Establecimiento educativo"]);
    expect(data.studies?.rows[0]).toEqual(["Primero primaria", "2008", "Escuela Oficial Rural Mixta No. 12, Mixco"]);
    expect(data.issueDate).toBe("2026-02-28");
    expect(data.verification).toEqual({ code: "7K3M-Q9TZ-W2HD", url: "https://certifica.mineduc.gob.gt/verificar/7K3M-Q9TZ-W2HD" });
    expect(data.signers[0]).toEqual({ name: "Héctor Rolando Xicará Monzón", post: "Jefe del Departamento Técnico Pedagógico", office: "Dirección Departamental de Educación de Quetzaltenango" });
    expect(data.signers[1].name).toBeUndefined();
    expect(data.statement).toContain("extendidos a nombre de María José Ixcot Chávez");
    expect(data.notes).toEqual([]);
  });

  it("uses the program column for extraescolar, the post alone without a known signer, and marks a preview", () => {
    const data = ZCertificationSheetData.parse(
      buildSheetData({ ...base, caseRow: { ...base.caseRow, formData: { ...SAMPLE_FORM, modality: "EXTRAESCOLAR" } }, preview: true }),
    );
    expect(data.studyMode).toBe("OUT_OF_SCHOOL");
    expect(data.studies?.columns[2]).toBe("Programa");
    expect(data.signers[0].name).toBeUndefined();
    expect(data.notes[0]).toMatch(/VISTA PREVIA/);
  });

  it("refuses a form that lacks what the sheet prints", () => {
    expect(() => buildSheetData({ ...base, caseRow: { ...base.caseRow, formData: { ...SAMPLE_FORM, studies: [] } } })).toThrow(
      expect.objectContaining({ code: "INCOMPLETE_FORM" }),
    );
    expect(() => buildSheetData({ ...base, caseRow: { ...base.caseRow, formData: {} } })).toThrow(expect.objectContaining({ name: "DomainError" }));
  });
});
