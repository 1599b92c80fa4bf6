import { describe, expect, it } from "vitest";
import {
  CGC_STAMP_REQUIREMENT,
  diplomaBefore2005Errors,
  parseDiplomaBefore2005Draft,
  REQUESTED_DOCUMENT_FILE_KINDS,
  requestedDocumentOfFileKind,
  SCHOOL_TITLE_FROM_2005_MESSAGE,
  schoolTitleFrom2005,
  ZDiplomaBefore2005Draft,
  ZDiplomaBefore2005FormAt,
} from "@/lib/cases/forms/diploma-before-2005-form";
import { TITLE_SIGNATORY_MISSING, titleSignatoryStop } from "@/lib/cases/forms/title-signatory";
import { REQUESTABLE_DOCUMENTS } from "@/lib/workflow/inputs";

const NOW = new Date("2026-06-01T12:00:00Z");

const complete = {
  modality: "ESCOLAR",
  title: { degree: "Bachiller en Ciencias y Letras", institution: "Instituto Nacional Central para Varones, Guatemala", graduationYear: 1998 },
  cgcStamp: { registrationNumber: "45821", book: "12", folio: "233", date: "14 de diciembre de 1998" },
  cgcStampConfirmed: true,
  student: { firstNames: "Ana Lucía", lastNames: "Pérez Xol", cui: "2345 67899 0101", birthDate: "1980-04-02" },
  contactPhone: "5555-1234",
  signedBy: "DIDEDUC",
};

describe("D.2.1 draft schema", () => {
  it("keeps a partial draft and drops what is not of the form or of the wrong type", () => {
    const draft = ZDiplomaBefore2005Draft.parse({
      modality: "OTRA",
      title: { degree: "Perito Contador", graduationYear: "1990", junk: 1 },
      cgcStampConfirmed: "sí",
      student: "Ana",
      extra: { a: 1 },
    });
    expect(draft).toEqual({ title: { degree: "Perito Contador" }, cgcStamp: {}, student: {} });
  });

  it("never throws, whatever it is given", () => {
    for (const input of [null, undefined, 42, "texto", [], { title: [], cgcStamp: null, student: 7 }]) {
      expect(parseDiplomaBefore2005Draft(input)).toEqual({ title: {}, cgcStamp: {}, student: {} });
    }
  });

  it("drops text longer than its field allows instead of storing it", () => {
    const draft = ZDiplomaBefore2005Draft.parse({ title: { degree: "x".repeat(201), institution: "Liceo" } });
    expect(draft.title).toEqual({ institution: "Liceo" });
  });
});

describe("D.2.1 submission schema", () => {
  it("accepts a complete school title before 2005, with the CGC data as printed and the CUI normalized away from spaces", () => {
    const parsed = ZDiplomaBefore2005FormAt(NOW).parse(complete);
    expect(parsed.title).toEqual({ degree: "Bachiller en Ciencias y Letras", institution: "Instituto Nacional Central para Varones, Guatemala", graduationYear: 1998, specialty: undefined });
    expect(parsed.cgcStamp.registrationNumber).toBe("45821");
    expect(diplomaBefore2005Errors(complete, NOW)).toEqual({});
  });

  it("accepts an out-of-school title of any year, and no CGC data typed", () => {
    const form = { ...complete, modality: "EXTRAESCOLAR", title: { ...complete.title, graduationYear: 2019 }, cgcStamp: undefined };
    expect(diplomaBefore2005Errors(form, NOW)).toEqual({});
    expect(schoolTitleFrom2005(form)).toBe(false);
  });

  it("sends a school title of 2005 or later to D.2.2, and only that", () => {
    const form = { ...complete, title: { ...complete.title, graduationYear: 2005 } };
    expect(schoolTitleFrom2005(form)).toBe(true);
    expect(diplomaBefore2005Errors(form, NOW)).toEqual({ "title.graduationYear": [SCHOOL_TITLE_FROM_2005_MESSAGE] });
    expect(schoolTitleFrom2005({ ...form, title: { ...form.title, graduationYear: 2004 } })).toBe(false);
  });

  it("reports the D.2.2 rule together with every other missing field, in one round", () => {
    const errors = diplomaBefore2005Errors({ modality: "ESCOLAR", title: { graduationYear: 2010 } }, NOW);
    expect(Object.keys(errors).sort()).toEqual(["cgcStampConfirmed", "signedBy", "student", "title.degree", "title.graduationYear", "title.institution"]);
    expect(errors["title.graduationYear"]).toEqual([SCHOOL_TITLE_FROM_2005_MESSAGE]);
    expect(errors.cgcStampConfirmed[0]).toBe("Confirme que el título lleva el sello de registro de la Contraloría General de Cuentas.");
  });

  it("reports every missing field of an empty submission in Spanish", () => {
    const errors = diplomaBefore2005Errors({}, NOW);
    expect(Object.keys(errors).sort()).toEqual(["cgcStampConfirmed", "modality", "signedBy", "student", "title"]);
    expect(errors.modality).toEqual(["Indique si el título es de educación escolar o extraescolar."]);
  });

  it('"Títulos y/o Diplomas … firmados por Directores Regionales y/o Ministros de educación" (ATE-INS-04): asked, and only the usual signer goes on', () => {
    const { signedBy: _answer, ...unanswered } = complete;
    expect(diplomaBefore2005Errors(unanswered, NOW)).toEqual({ signedBy: [TITLE_SIGNATORY_MISSING] });
    expect(diplomaBefore2005Errors({ ...complete, signedBy: "REGIONAL_DIRECTOR" }, NOW)).toEqual({ signedBy: [titleSignatoryStop("REGIONAL_DIRECTOR")] });
    expect(diplomaBefore2005Errors({ ...complete, signedBy: "MINISTER" }, NOW)).toEqual({ signedBy: [titleSignatoryStop("MINISTER")] });
    expect(titleSignatoryStop("MINISTER")).toContain("Auténtica de firma de documentos educativos");
    expect(titleSignatoryStop("DIDEDUC")).toBeNull();
    // A draft keeps any of the three answers, and nothing else.
    expect(parseDiplomaBefore2005Draft({ signedBy: "MINISTER" }).signedBy).toBe("MINISTER");
    expect(parseDiplomaBefore2005Draft({ signedBy: "REY" }).signedBy).toBeUndefined();
  });

  it("refuses a year out of range, an invalid CUI and a future birth date, each on its field", () => {
    const errors = diplomaBefore2005Errors(
      { ...complete, modality: "EXTRAESCOLAR", title: { ...complete.title, graduationYear: 2027 }, student: { ...complete.student, cui: "1234567890123", birthDate: "2030-01-01" } },
      NOW,
    );
    expect(errors["title.graduationYear"]).toEqual(["El año de graduación debe estar entre 1900 y 2026."]);
    expect(errors["student.cui"]?.[0]).toMatch(/CUI del estudiante no es válido/);
    expect(errors["student.birthDate"]).toEqual(["Escriba una fecha de nacimiento válida, o deje el campo vacío."]);
  });

  it("requires the confirmation of the CGC stamp to be exactly yes", () => {
    expect(diplomaBefore2005Errors({ ...complete, cgcStampConfirmed: false }, NOW)).toHaveProperty("cgcStampConfirmed");
    expect(CGC_STAMP_REQUIREMENT).toMatch(/^El título debe llevar el sello de registro de la Contraloría General de Cuentas/);
  });
});

describe("requested documents", () => {
  it("gives each document a reviewer may request its own file kind, and back", () => {
    for (const doc of REQUESTABLE_DOCUMENTS) expect(requestedDocumentOfFileKind(REQUESTED_DOCUMENT_FILE_KINDS[doc])).toBe(doc);
    expect(new Set(Object.values(REQUESTED_DOCUMENT_FILE_KINDS)).size).toBe(REQUESTABLE_DOCUMENTS.length);
    expect(requestedDocumentOfFileKind("SCAN")).toBeNull();
  });
});
