import { describe, expect, it } from "vitest";
import { caseSearchTerms, studentNamesOf } from "@/lib/cases/case-search-terms";
import { describeCaseAction } from "@/lib/cases/describe-case-action";
import { ZEducationalRecordDraft, educationalRecordErrors } from "@/lib/cases/forms/educational-record-form";
import { PROCEDURE_DEFINITIONS } from "@/lib/workflow/definitions";

describe("describeCaseAction", () => {
  const d11 = PROCEDURE_DEFINITIONS.EDUCATIONAL_RECORD.transitions;
  const byAction = (a: string) => describeCaseAction(d11.find((t) => t.action === a)!);

  it("tells the screen which fields and which domain operation each D.1.1 transition needs", () => {
    expect(byAction("submit")).toMatchObject({ inputKind: "none", operation: "submit" });
    expect(byAction("reject_for_correction")).toMatchObject({ label: "Rechazar para corrección", inputKind: "reason", operation: "plain", to: "NEEDS_CORRECTION" });
    expect(byAction("reject_with_guidance")).toMatchObject({ inputKind: "guidance", operation: "plain", to: "REJECTED" });
    expect(byAction("generate_certification")).toMatchObject({ inputKind: "none", operation: "generate_certification" });
    expect(byAction("sign")).toMatchObject({ operation: "sign" });
    expect(byAction("sign_and_issue")).toMatchObject({ label: "Firmar y emitir", operation: "sign_and_issue" });
    expect(byAction("reject_definitively")).toMatchObject({ inputKind: "reason", operation: "plain" });
    expect(byAction("revoke")).toMatchObject({ label: "Anular certificación", inputKind: "revoke", operation: "revoke", to: "REVOKED" });
  });

  it("gives every transition of every procedure a known input kind", () => {
    for (const def of Object.values(PROCEDURE_DEFINITIONS)) {
      // Internal transitions (replace) are never offered to a screen, so they need no form.
      for (const t of def.transitions.filter((x) => !x.internal)) {
        const described = describeCaseAction(t);
        const keys = Object.keys(t.input.shape).sort().join(",");
        const expected = { "": "none", reason: "reason", "reason,supervision": "guidance", "documents,obtainAt,reason": "request_documents", "category,confirmNumber,note": "revoke" }[keys];
        expect([t.action, described.inputKind]).toEqual([t.action, expected]);
      }
    }
  });
});

describe("caseSearchTerms", () => {
  it("folds case, accents and ñ and splits on punctuation, once per word", () => {
    expect(caseSearchTerms("José Ángel NÚÑEZ-López", "josé")).toEqual(["jose", "angel", "nunez", "lopez"]);
    expect(caseSearchTerms(null, undefined, "  ")).toEqual([]);
    expect(studentNamesOf({ student: { firstNames: "Ana", lastNames: 3 } })).toEqual(["Ana"]);
    expect(studentNamesOf(null)).toEqual([]);
  });
});

describe("educational record form", () => {
  it("keeps a partial draft and drops what is not of the form", () => {
    expect(ZEducationalRecordDraft.parse({ modality: "X", studies: [{ year: "abc", level: "Primero" }], junk: 1 })).toEqual({
      documentKinds: [],
      student: {},
      studies: [{ level: "Primero" }],
    });
  });

  it("reports every missing field of a submission in Spanish", () => {
    const errors = educationalRecordErrors({ documentKinds: ["OTROS"] }, new Date("2026-06-01"));
    expect(Object.keys(errors).sort()).toEqual(["modality", "otherDescription", "signedBy", "student", "studies"]);
    expect(errors.modality[0]).toBe("Indique si los estudios fueron escolares o extraescolares.");
  });
});
