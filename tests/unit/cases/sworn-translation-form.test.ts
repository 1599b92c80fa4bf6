import { describe, expect, it } from "vitest";
import { describeCaseAction } from "@/lib/cases/describe-case-action";
import { swornTranslationErrors, translatorFieldPath, ZSwornTranslationDraft, ZSwornTranslationForm } from "@/lib/cases/forms/sworn-translation-form";
import { formKindOf } from "@/components/staff/form-kind";
import { PROCEDURE_DEFINITIONS } from "@/lib/workflow/definitions";

const VALID = {
  translator: { id: "t1", name: "Ana Lucía Méndez Ruiz", agreementNumber: "Acuerdo Ministerial 2418-2019", registrationNumber: "TJ-GN-0042", language: "inglés" },
  documentTitle: "Certificado de nacimiento",
  holderName: "María José Ixcot Chávez",
};

describe("D.3 form: draft", () => {
  it("keeps what was typed, drops unknown keys and never throws on a wrong shape", () => {
    expect(ZSwornTranslationDraft.parse({ translator: { name: "Ana", x: 1 }, junk: true })).toEqual({ translator: { name: "Ana" } });
    expect(ZSwornTranslationDraft.parse({ translator: "Ana", documentTitle: 5 })).toEqual({ translator: {} });
    expect(ZSwornTranslationDraft.parse({})).toEqual({ translator: {} });
    expect(ZSwornTranslationDraft.parse({ holderName: "x".repeat(201) })).toEqual({ translator: {} });
  });
});

describe("D.3 form: submission", () => {
  it("accepts a complete request, with or without a registry pick", () => {
    expect(swornTranslationErrors(VALID)).toEqual({});
    expect(swornTranslationErrors({ ...VALID, translator: { ...VALID.translator, id: undefined } })).toEqual({});
    expect(ZSwornTranslationForm.parse({ ...VALID, holderName: "  María  " }).holderName).toBe("María");
  });

  it("names every missing field at once, by its path, in Spanish", () => {
    const errors = swornTranslationErrors({ translator: {} });
    expect(Object.keys(errors).sort()).toEqual(
      ["documentTitle", "holderName", "translator.agreementNumber", "translator.language", "translator.name", "translator.registrationNumber"].sort(),
    );
    expect(errors["translator.language"]).toEqual(["Indique el idioma de la traducción."]);
    expect(swornTranslationErrors({})).toEqual(expect.objectContaining({ translator: ["Elija el traductor jurado del registro o escriba sus datos."] }));
  });

  it("marks registry refusals on the form's own fields", () => {
    expect(translatorFieldPath("registrationNumber")).toBe("translator.registrationNumber");
    expect(translatorFieldPath("language")).toBe("translator.language");
  });
});

describe("D.3 and D.4 actions on the staff screens", () => {
  it("D.4's accept has its own operation and form; its reject, like D.3's, asks a reason", () => {
    const d4 = PROCEDURE_DEFINITIONS.TRANSLATOR_REGISTRATION.transitions.map(describeCaseAction);
    expect(d4.find((a) => a.action === "accept")).toMatchObject({ operation: "accept_registration", inputKind: "none", to: "REGISTERED" });
    expect(formKindOf(d4.find((a) => a.action === "accept")!)).toBe("accept");
    expect(d4.find((a) => a.action === "reject")).toMatchObject({ operation: "plain", inputKind: "reason", to: "REJECTED" });
    const d3 = PROCEDURE_DEFINITIONS.SWORN_TRANSLATION.transitions.map(describeCaseAction);
    expect(d3.find((a) => a.action === "reject")).toMatchObject({ operation: "plain", inputKind: "reason" });
    expect(d3.find((a) => a.action === "sign_and_issue")).toMatchObject({ operation: "sign_and_issue" });
  });
});
