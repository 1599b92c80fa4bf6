import { describe, expect, it } from "vitest";
import {
  draftPayloadOf,
  fieldId,
  normalizeErrorPath,
  snapshotOf,
  valuesFromFormData,
} from "@/app/ciudadano/solicitudes/_components/form-state";
import { nextStepText } from "@/components/cases/next-step";
import { STATE_DESCRIPTIONS } from "@/lib/workflow/state-labels";

describe("citizen editor state", () => {
  it("reads any stored formData without throwing and keeps one empty row to type in", () => {
    for (const junk of [null, undefined, 42, "x", [], { studies: "no" }, { student: 5, documentKinds: [1, "DIPLOMA"] }]) {
      const v = valuesFromFormData(junk, null);
      expect(v.studies).toHaveLength(1);
      expect(v.student.firstNames).toBe("");
    }
    expect(valuesFromFormData({ documentKinds: [1, "DIPLOMA"] }, "d1").documentKinds).toEqual(["DIPLOMA"]);
    expect(valuesFromFormData({}, "d1").dideducId).toBe("d1");
  });

  it("round-trips a draft through the saved shape", () => {
    const stored = {
      modality: "ESCOLAR",
      documentKinds: ["CERTIFICADOS_ESTUDIO", "OTROS"],
      otherDescription: "Constancia",
      student: { firstNames: "María José", lastNames: "Ixcot", birthDate: "2000-05-01T00:00:00.000Z" },
      studies: [{ level: "Sexto primaria", year: 2008, institution: "EORM" }],
    };
    const values = valuesFromFormData(stored, null);
    expect(values.student.birthDate).toBe("2000-05-01");
    expect(values.studies[0].year).toBe("2008");
    const payload = draftPayloadOf(values);
    expect(payload.studies).toEqual([{ level: "Sexto primaria", year: 2008, institution: "EORM" }]);
    expect(payload.otherDescription).toBe("Constancia");
    expect(snapshotOf(valuesFromFormData(payload, null))).toBe(snapshotOf(values));
  });

  it("drops blank rows and half-typed years from the saved draft, but not from the editor", () => {
    const values = valuesFromFormData({}, null);
    values.studies = [
      { key: "a", level: "", year: "", institution: "" },
      { key: "b", level: "Primero básico", year: "20x", institution: "" },
    ];
    values.documentKinds = ["DIPLOMA"];
    values.otherDescription = "leftover";
    const payload = draftPayloadOf(values);
    expect(payload.studies).toEqual([{ level: "Primero básico", year: undefined, institution: undefined }]);
    expect(payload.otherDescription).toBeUndefined();
    expect(values.studies[1].year).toBe("20x");
  });

  it("maps server error paths (rows counted without the blank ones) back to the editor's rows", () => {
    const values = valuesFromFormData({}, null);
    values.studies = [
      { key: "a", level: "", year: "", institution: "" },
      { key: "b", level: "Primero", year: "", institution: "" },
    ];
    expect(normalizeErrorPath("studies.0.year", values)).toBe("studies.1.year");
    expect(normalizeErrorPath("formData.student.lastNames", values)).toBe("student.lastNames");
    expect(fieldId("studies.1.year")).toBe("f-studies-1-year");
  });
});

describe("next step for the applicant", () => {
  it("uses the message of the transition that brought the case there", () => {
    expect(nextStepText("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW", "submit")).toMatch(/revisará sus documentos/);
    expect(nextStepText("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW", "resubmit")).toMatch(/correcciones fueron enviadas/);
    expect(nextStepText("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW", "return")).toMatch(/no necesita hacer nada/);
  });

  it("tells a return by the director from a return by the central office (same action, same state)", () => {
    expect(nextStepText("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW", "return", "DIDEDUC_SIGNATURE")).toBe(
      "La Dirección Departamental está corrigiendo la certificación. Usted no necesita hacer nada.",
    );
    expect(nextStepText("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW", "return", "CENTRAL_REVIEW")).toBe(
      "Atención al Ciudadano devolvió la certificación a la Dirección Departamental para una corrección. Usted no necesita hacer nada.",
    );
    expect(nextStepText("DIPLOMA_BEFORE_2005", "DIDEDUC_REVIEW", "return", "CENTRAL_REVIEW")).toMatch(/^Atención al Ciudadano devolvió/);
  });

  it("falls back to the state's description when the way in is ambiguous or unknown", () => {
    expect(nextStepText("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW", null)).toBe(STATE_DESCRIPTIONS.DIDEDUC_REVIEW);
    expect(nextStepText("EDUCATIONAL_RECORD", "DRAFT", "create")).toBe(STATE_DESCRIPTIONS.DRAFT);
    expect(nextStepText("EDUCATIONAL_RECORD", "ISSUED", null)).toMatch(/Descargue el PDF/);
  });
});
