import { describe, expect, it } from "vitest";
import {
  diplomaPayloadOf,
  diplomaValuesFromFormData,
  typedGraduationYear,
  type TDiplomaBefore2005Values,
} from "@/app/ciudadano/solicitudes/_components/diploma-before-2005-form-state";
import { diplomaBefore2005Errors, parseDiplomaBefore2005Draft } from "@/lib/cases/forms/diploma-before-2005-form";

const STORED = {
  modality: "ESCOLAR",
  title: { degree: "Maestra de Educación Primaria Urbana", institution: "Escuela Normal Central para Señoritas Belén", graduationYear: 1987 },
  cgcStamp: { registrationNumber: "1204", book: "3" },
  cgcStampConfirmed: true,
  student: { firstNames: "Rosa Elena", lastNames: "Coyoy Tzul", birthDate: "1969-03-01T00:00:00.000Z" },
  contactPhone: "7765-1234",
  signedBy: "DIDEDUC",
};

describe("D.2.1 editor state", () => {
  it("reads stored data of any shape without throwing, with the case's DIDEDUC", () => {
    const values = diplomaValuesFromFormData(STORED, "dideduc-1");
    expect(values.title.graduationYear).toBe("1987");
    expect(values.student.birthDate).toBe("1969-03-01");
    expect(values.cgcStamp).toEqual({ registrationNumber: "1204", book: "3", folio: "", date: "" });
    expect(values.dideducId).toBe("dideduc-1");
    expect(values.registryMissNumber).toBe("");
    for (const junk of [null, 7, "x", [], { modality: "OTRA", title: "Perito", student: [1], cgcStampConfirmed: "true" }]) {
      const v = diplomaValuesFromFormData(junk, null);
      expect(v.modality).toBe("");
      expect(v.cgcStampConfirmed).toBe(false);
      expect(v.title.degree).toBe("");
    }
  });

  it("round-trips through the draft the server keeps, the browser copy keeping the DIDEDUC", () => {
    const values = diplomaValuesFromFormData(STORED, "dideduc-1");
    const payload = diplomaPayloadOf(values);
    expect(payload.dideducId).toBe("dideduc-1");
    // What the server stores drops the DIDEDUC (it lives on the case) and nothing else of the form.
    const stored = parseDiplomaBefore2005Draft(payload);
    expect(stored).not.toHaveProperty("dideducId");
    expect(diplomaValuesFromFormData(stored, "dideduc-1")).toEqual(values);
    // The browser's copy holds it, and wins over the case's.
    expect(diplomaValuesFromFormData(payload, "other").dideducId).toBe("dideduc-1");
    expect(diplomaBefore2005Errors(stored, new Date("2026-06-01"))).toEqual({});
  });

  it("saves a year only once it is a number, but keeps showing what was typed", () => {
    const values: TDiplomaBefore2005Values = { ...diplomaValuesFromFormData({}, null), title: { degree: "", specialty: "", institution: "", graduationYear: "19a" } };
    expect(diplomaPayloadOf(values).title.graduationYear).toBeUndefined();
    expect(values.title.graduationYear).toBe("19a");
    expect(typedGraduationYear(values)).toBeNull();
    expect(typedGraduationYear({ ...values, title: { ...values.title, graduationYear: " 2006 " } })).toBe(2006);
  });

  it("keeps where a request came from (a D.2.2 registry miss) through every autosave", () => {
    const values = diplomaValuesFromFormData({ ...STORED, registryMiss: { registrationNumber: "D-2009-000123" } }, null);
    expect(values.registryMissNumber).toBe("D-2009-000123");
    expect(parseDiplomaBefore2005Draft(diplomaPayloadOf(values)).registryMiss).toEqual({ registrationNumber: "D-2009-000123" });
  });
});
