import { describe, expect, it } from "vitest";
import { ALL_REVIEW_CHECKLIST_KEYS, REVIEW_CHECKLIST, reviewChecklistFor } from "@/components/staff/review-checklist";
import { reviewChecklistKeys } from "@/lib/cases/generate-certification";

describe("reviewer's checklists", () => {
  it("shows exactly the items the domain requires, for each procedure a DIDEDUC certifies", () => {
    for (const procedure of ["EDUCATIONAL_RECORD", "DIPLOMA_BEFORE_2005"] as const) {
      expect(reviewChecklistFor(procedure).map((i) => i.key)).toEqual([...reviewChecklistKeys(procedure)]);
    }
  });

  it("asks about the Contraloría's stamp on a title, not on a D.1.1 record", () => {
    expect(reviewChecklistFor("DIPLOMA_BEFORE_2005").find((i) => i.key === "cgcStamp")?.label).toBe(
      "El título lleva el sello de registro de la Contraloría General de Cuentas",
    );
    expect(reviewChecklistFor("EDUCATIONAL_RECORD")).toBe(REVIEW_CHECKLIST);
    expect(REVIEW_CHECKLIST.map((i): string => i.key)).not.toContain("cgcStamp");
  });

  it("lets the server action accept every key of every checklist, once", () => {
    expect([...ALL_REVIEW_CHECKLIST_KEYS].sort()).toEqual(["authorities", "cgcStamp", "gradeLevels", "grades", "signaturesAndSeals", "studentName", "studies"]);
  });

  it('"Que los grados correspondan": the D.1.1 checklist asks for the grade levels studied, not the marks', () => {
    const d11 = reviewChecklistFor("EDUCATIONAL_RECORD");
    expect(d11.find((i) => i.key === "gradeLevels")?.label).toBe("Los grados cursados corresponden a los registros");
    expect(d11.map((i) => i.key)).not.toContain("grades");
    for (const item of d11) expect(item.label).not.toMatch(/calificaci/i);
    // D.2.1 keeps its own item, which already speaks of the grades studied for the title's career.
    expect(reviewChecklistFor("DIPLOMA_BEFORE_2005").find((i) => i.key === "grades")?.label).toBe(
      "Los grados cursados corresponden a la carrera del título según los registros",
    );
  });
});
