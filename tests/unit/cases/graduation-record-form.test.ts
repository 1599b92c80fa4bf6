import { describe, expect, it } from "vitest";
import {
  graduationPayloadOf,
  graduationValuesFromFormData,
} from "@/app/ciudadano/solicitudes/_components/graduation-record-form-state";
import { graduationRecordErrors, ZGraduationRecordDraft } from "@/lib/cases/forms/graduation-record-form";

const NOW = new Date("2026-03-15T12:00:00Z");
const COMPLETE = {
  student: { firstNames: "Juan Pablo", lastNames: "Sic Batz", cui: "9083016690101", birthDate: "1970-02-11" },
  record: { degree: "Bachiller en Ciencias y Letras", institution: "Instituto Nacional Central para Varones", graduationYear: 1988 },
  archiveOfficer: { name: "Marta Julia Estrada Castillo", post: "Encargada del Archivo Documental" },
};

describe("D.1.2 form schemas", () => {
  it("keeps a partial draft, drops what is not of the form, never throws on nonsense", () => {
    expect(ZGraduationRecordDraft.parse({ student: { firstNames: "Juan" }, record: { graduationYear: "1988" }, extra: 1 })).toEqual({
      student: { firstNames: "Juan" },
      record: { graduationYear: undefined },
      archiveOfficer: {},
    });
    expect(ZGraduationRecordDraft.parse({ student: "x", record: [], archiveOfficer: null })).toEqual({ student: {}, record: {}, archiveOfficer: {} });
    expect(() => ZGraduationRecordDraft.parse({ student: { firstNames: "x".repeat(500) } })).not.toThrow();
  });

  it("accepts a complete form and names every missing field at once", () => {
    expect(graduationRecordErrors(COMPLETE, NOW)).toEqual({});
    const errors = graduationRecordErrors({}, NOW);
    expect(Object.keys(errors).sort()).toEqual(["archiveOfficer", "record", "student"]);
    const nested = graduationRecordErrors({ student: {}, record: {}, archiveOfficer: {} }, NOW);
    expect(Object.keys(nested).sort()).toEqual([
      "archiveOfficer.name",
      "archiveOfficer.post",
      "record.degree",
      "record.graduationYear",
      "record.institution",
      "student.firstNames",
      "student.lastNames",
    ]);
  });

  it("takes years of the archive only, 1974 to 1996, saying so", () => {
    for (const year of [1974, 1996]) expect(graduationRecordErrors({ ...COMPLETE, record: { ...COMPLETE.record, graduationYear: year } }, NOW)).toEqual({});
    for (const year of [1973, 1997, 2010]) {
      expect(graduationRecordErrors({ ...COMPLETE, record: { ...COMPLETE.record, graduationYear: year } }, NOW)).toEqual({
        "record.graduationYear": [expect.stringContaining("de 1974 a 1996")],
      });
    }
  });

  it("checks the CUI and the birth date when given", () => {
    const errors = graduationRecordErrors({ ...COMPLETE, student: { ...COMPLETE.student, cui: "1234567890123", birthDate: "2030-01-01" } }, NOW);
    expect(errors["student.cui"]).toEqual([expect.stringContaining("CUI")]);
    expect(errors["student.birthDate"]).toEqual([expect.stringContaining("fecha de nacimiento")]);
  });
});

describe("D.1.2 editor state", () => {
  it("round-trips stored data and keeps a year that is not a number out of the draft", () => {
    const values = graduationValuesFromFormData(COMPLETE);
    expect(values.record.graduationYear).toBe("1988");
    expect(graduationPayloadOf(values)).toEqual({ ...COMPLETE, contactPhone: undefined });
    const typing = { ...values, record: { ...values.record, graduationYear: "19a" } };
    expect(graduationPayloadOf(typing).record.graduationYear).toBeUndefined();
    expect(graduationValuesFromFormData(null).archiveOfficer).toEqual({ name: "", post: "" });
  });
});
