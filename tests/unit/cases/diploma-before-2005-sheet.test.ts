import { describe, expect, it } from "vitest";
import { procedureSheet } from "@/lib/cases/procedure-sheets";
import { CERTIFICATION_TITLE_D21 } from "@/lib/cases/sheets/diploma-before-2005-sheet";

const FORM = {
  modality: "EXTRAESCOLAR",
  title: { degree: "Perito Contador", specialty: "con Orientación en Computación", institution: "Programa Nacional de Educación Alternativa", graduationYear: 2012 },
  cgcStamp: { registrationNumber: "8812", folio: "44", date: "2012-11-30" },
  cgcStampConfirmed: true,
  student: { firstNames: "Ana  Lucía", lastNames: "Pérez Xol", cui: "2345678990101", birthDate: "1980-04-02" },
  contactPhone: "5555-1234",
};
const ctx = { dideducOffice: "Dirección Departamental de Educación de Guatemala Norte", applicantName: "Otra Persona", now: new Date("2026-06-01"), lookup: undefined };
const sheet = procedureSheet("DIPLOMA_BEFORE_2005");

describe("D.2.1 certification sheet content", () => {
  it("certifies the title with its data, the CGC registration as printed and no contact data; only the title's scans follow", () => {
    const content = sheet.content({ number: "TA-2026-000001", procedure: "DIPLOMA_BEFORE_2005", formData: FORM }, ctx);
    expect(content.title).toBe(CERTIFICATION_TITLE_D21);
    expect(content.holder).toEqual({ fullName: "Ana Lucía Pérez Xol", cui: "2345 67899 0101" });
    expect(content.studyMode).toBe("OUT_OF_SCHOOL");
    expect(content.documents).toEqual([{ label: "Título de diversificado", description: "Perito Contador, con Orientación en Computación" }]);
    expect(content.fields).toEqual([
      { label: "Fecha de nacimiento", value: "2 de abril de 1980" },
      { label: "Programa", value: "Programa Nacional de Educación Alternativa" },
      { label: "Año de graduación", value: "2012" },
      { label: "Sello de la Contraloría General de Cuentas", value: "registro n.º 8812, folio 44, fecha 30 de noviembre de 2012" },
    ]);
    expect(content.statement).toContain("título de Perito Contador, con Orientación en Computación (educación extraescolar)");
    expect(content.statement).toContain("Contraloría General de Cuentas");
    expect(JSON.stringify(content)).not.toContain("5555-1234");
    expect(sheet.mergedFileKinds).toEqual(["SCAN"]);
  });

  it("names the registration number D.2.2 did not find, for a school title from 2005 on", () => {
    const form = { ...FORM, modality: "ESCOLAR", title: { ...FORM.title, graduationYear: 2008 }, registryMiss: { registrationNumber: "d 2008 001234" } };
    const content = sheet.content({ number: "TA-2026-000002", procedure: "DIPLOMA_BEFORE_2005", formData: form }, ctx);
    expect(content.fields?.find((f) => f.label === "Número de registro del título")?.value).toBe("D-2008-001234 (no consta en el registro de títulos del Ministerio)");
  });

  it("refuses a form that lacks what the sheet prints, with the reviewer's message", () => {
    expect(() => sheet.content({ number: "TA-2026-000003", procedure: "DIPLOMA_BEFORE_2005", formData: { ...FORM, title: { degree: "Perito" } } }, ctx)).toThrow(
      /incompletos para generar la certificación/,
    );
  });
});
