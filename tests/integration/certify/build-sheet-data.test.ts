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
    expect(data.signers[0]).toEqual({ name: "Héctor Rolando Xicará Monzón", post: "Jefe del Departamento Técnico Pedagógico", office: "Dirección Departamental de Educación de Quetzaltenango", role: "DIDEDUC" });
    expect(data.signers[1].name).toBeUndefined();
    expect(data.signers[1].role).toBe("CENTRAL");
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

describe("buildSheetData through the registry of procedure sheets (procedure-sheets.ts)", () => {
  const central = { verificationCode: "7K3M-Q9TZ-W2HD", now: base.now, baseUrl: base.baseUrl };

  it("D.2.1 (DIDEDUC path): the title, the CGC stamp, the DIDEDUC and the central office", () => {
    const data = ZCertificationSheetData.parse(
      buildSheetData({
        ...central,
        caseRow: {
          number: "TA-2026-000007",
          procedure: "DIPLOMA_BEFORE_2005",
          formData: {
            modality: "EXTRAESCOLAR",
            title: { degree: "Bachiller por Madurez", institution: "PRONEA, Quetzaltenango", graduationYear: 1999 },
            cgcStamp: { registrationNumber: "CGC-88" },
            cgcStampConfirmed: true,
            student: { firstNames: "Rosa", lastNames: "Sic" },
          },
        },
        dideduc: { name: "Quetzaltenango" },
      }),
    );
    expect(data.issuingOffices).toEqual(["Dirección Departamental de Educación de Quetzaltenango", "Departamento de Atención al Ciudadano — DISERSA"]);
    expect(data.studyMode).toBe("OUT_OF_SCHOOL");
    expect(data.fields).toEqual([
      { label: "Programa", value: "PRONEA, Quetzaltenango" },
      { label: "Año de graduación", value: "1999" },
      { label: "Sello de la Contraloría General de Cuentas", value: "registro n.º CGC-88" },
    ]);
    expect(data.statement).toContain("título de Bachiller por Madurez (educación extraescolar)");
    expect(data.signers).toHaveLength(2);
  });

  it("D.1.2 (central only): one central signer, named when known; the form's rows without contact data; a preview says the code comes at issuance", () => {
    const input = {
      ...central,
      caseRow: {
        number: "EG-2026-000002",
        procedure: "GRADUATION_RECORD" as const,
        formData: {
          student: { firstNames: "Rosa Amalia", lastNames: "Sic Batz", birthDate: "1970-01-05" },
          record: { degree: "Maestra de Educación Primaria", institution: "Escuela Normal", graduationYear: 1988 },
          archiveOfficer: { name: "Marta Julia Estrada Castillo", post: "Encargada del Archivo Documental" },
          contactPhone: "5555-1234",
        },
      },
      dideduc: null,
    };
    const data = ZCertificationSheetData.parse(buildSheetData({ ...input, centralSigner: { name: "Karla Beatriz Orellana Saquic", post: "Asistente de Atención al Ciudadano" } }));
    expect(data.issuingOffices).toEqual(["Departamento de Atención al Ciudadano — DISERSA"]);
    expect(data.signers).toEqual([{ name: "Karla Beatriz Orellana Saquic", post: "Asistente de Atención al Ciudadano", office: "Departamento de Atención al Ciudadano — DISERSA", role: "CENTRAL" }]);
    expect(data.holder).toEqual({ fullName: "Rosa Amalia Sic Batz" });
    expect(data.fields).toContainEqual({ label: "Fecha de nacimiento", value: "5 de enero de 1970" });
    expect(data.fields).toContainEqual({ label: "Año de graduación", value: "1988" });
    expect(data.fields).toContainEqual({ label: "Firmó en el Archivo", value: "Marta Julia Estrada Castillo, Encargada del Archivo Documental" });
    expect(data.fields.some((f) => f.value === "5555-1234")).toBe(false);
    expect(data.statement).toContain("certificado con firma electrónica avanzada por Marta Julia Estrada Castillo, Encargada del Archivo Documental");
    const preview = ZCertificationSheetData.parse(buildSheetData({ ...input, preview: true }));
    expect(preview.signers[0].name).toBeUndefined();
    expect(preview.notes[0]).toMatch(/VISTA PREVIA.*al firmar y emitir/);
  });

  it("refuses what it cannot print: a D.1.2 form without the archive officer, a D.1.1 case without its DIDEDUC, a translator registration", () => {
    expect(() =>
      buildSheetData({ ...central, caseRow: { number: "EG-2026-000003", procedure: "GRADUATION_RECORD", formData: { student: { firstNames: "A", lastNames: "B" } } }, dideduc: null }),
    ).toThrow(expect.objectContaining({ code: "INCOMPLETE_FORM" }));
    expect(() => buildSheetData({ ...base, dideduc: null })).toThrow(expect.objectContaining({ code: "NO_DIDEDUC" }));
    expect(() =>
      buildSheetData({ ...central, caseRow: { number: "RT-2026-000001", procedure: "TRANSLATOR_REGISTRATION", formData: {} }, dideduc: null }),
    ).toThrow(expect.objectContaining({ code: "UNSUPPORTED_PROCEDURE" }));
  });
});
