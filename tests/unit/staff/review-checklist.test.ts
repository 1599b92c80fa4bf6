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
    expect([...ALL_REVIEW_CHECKLIST_KEYS].sort()).toEqual(["authorities", "cgcStamp", "grades", "signaturesAndSeals", "studentName", "studies"]);
  });
});
