import { describe, expect, it } from "vitest";
import { buildCertifyingStatement, describeAppointment } from "@/lib/pdf/certifying-statement";
import { chooseGenderedForm } from "@/lib/wording/choose-gendered-form";
import { describeSwornTranslator } from "@/lib/wording/describe-sworn-translator";

// Issue #12, point 4: "traductora jurada, nombrada, inscrita" for Ana Lucía Méndez Ruiz, from what
// the translator stated (the registry), never guessed from the name; unknown → inclusive wording.

const statement = (translatorGender: "FEMININE" | "MASCULINE" | null, appointmentResolution = "Acuerdo Ministerial 2418-2019") =>
  buildCertifyingStatement({
    procedure: "SWORN_TRANSLATION",
    translatorName: "Ana Lucía Méndez Ruiz",
    translatorGender,
    language: "francés",
    appointmentResolution,
    dideducOffice: "Dirección Departamental de Educación de Guatemala Norte",
    dideducRegistrationNumber: "TJ-GN-0042",
  });

describe("chooseGenderedForm", () => {
  it("takes the stated form, and the inclusive one when nothing was stated", () => {
    const forms = { feminine: "a", masculine: "o", inclusive: "o(a)" };
    expect(chooseGenderedForm("FEMININE", forms)).toBe("a");
    expect(chooseGenderedForm("MASCULINE", forms)).toBe("o");
    expect(chooseGenderedForm(null, forms)).toBe("o(a)");
    expect(chooseGenderedForm(undefined, forms)).toBe("o(a)");
  });
});

describe("describeSwornTranslator", () => {
  it("feminine: traductora jurada, nombrada, registrada, inscrita", () => {
    expect(describeSwornTranslator("FEMININE")).toEqual({
      title: "traductora jurada",
      label: "Traductora jurada",
      withArticle: "la traductora jurada",
      ofThe: "de la traductora jurada",
      appointed: "nombrada",
      registered: "registrada",
      enrolled: "inscrita",
      authorized: "autorizada",
      active: "activa",
      pronoun: "la",
    });
  });

  it("masculine: traductor jurado, nombrado, registrado, inscrito", () => {
    expect(describeSwornTranslator("MASCULINE")).toMatchObject({ title: "traductor jurado", label: "Traductor jurado", ofThe: "del traductor jurado", appointed: "nombrado", enrolled: "inscrito", pronoun: "lo" });
  });

  it("unknown (an entry from before the question): traductor(a) jurado(a), nombrado(a), inscrito(a)", () => {
    expect(describeSwornTranslator(null)).toMatchObject({ title: "traductor(a) jurado(a)", label: "Traductor(a) jurado(a)", appointed: "nombrado(a)", enrolled: "inscrito(a)", pronoun: "lo(a)" });
  });
});

describe("the D.3 certifying statement", () => {
  it("agrees with a feminine translator throughout", () => {
    const text = statement("FEMININE");
    expect(text).toContain(
      "que Ana Lucía Méndez Ruiz, traductora jurada del idioma francés, nombrada mediante Acuerdo Ministerial número 2418-2019 y registrada en la " +
        "Dirección Departamental de Educación de Guatemala Norte con el número TJ-GN-0042, se encuentra inscrita en el registro de traductores jurados",
    );
    expect(text).toContain("que es responsabilidad de la traductora jurada.");
    expect(text).not.toMatch(/traductor jurado|nombrado|registrado en|inscrito/);
  });

  it("agrees with a masculine translator", () => {
    const text = statement("MASCULINE");
    expect(text).toContain("traductor jurado del idioma francés, nombrado mediante Acuerdo Ministerial número 2418-2019 y registrado en la");
    expect(text).toContain("se encuentra inscrito en el registro");
    expect(text).toContain("que es responsabilidad del traductor jurado.");
  });

  it("is inclusive when the registry does not say", () => {
    const text = statement(null);
    expect(text).toContain("traductor(a) jurado(a) del idioma francés, nombrado(a) mediante");
    expect(text).toContain("registrado(a) en la");
    expect(text).toContain("se encuentra inscrito(a) en el registro");
  });
});

describe('"Número de acuerdo o resolución" (D.3, activity 3) named once', () => {
  it.each([
    ["Acuerdo Ministerial 2418-2019", "Acuerdo Ministerial número 2418-2019"],
    ["Resolución 45-2020", "Resolución número 45-2020"],
    ["resolucion DIDEDUC-GN 45-2020", "resolucion DIDEDUC-GN número 45-2020"],
    ["Acuerdo Ministerial número 2418-2019", "Acuerdo Ministerial número 2418-2019"],
    ["Acuerdo Ministerial No. 2418-2019", "Acuerdo Ministerial No. 2418-2019"],
    ["Acuerdo Ministerial No.2418-2019", "Acuerdo Ministerial No.2418-2019"],
    ["Acuerdo   Gubernativo  12-2001", "Acuerdo Gubernativo número 12-2001"],
    ["Acuerdo Ministerial", "Acuerdo Ministerial"],
    // Only a number: its kind is not known, so the statement names both.
    ["123-2019", "acuerdo o resolución número 123-2019"],
    ["AM 2418-2019", "acuerdo o resolución número AM 2418-2019"],
  ])("%s → %s", (typed, printed) => {
    expect(describeAppointment(typed)).toBe(printed);
  });

  it("never prints «resolución número Acuerdo Ministerial»", () => {
    for (const gender of ["FEMININE", "MASCULINE", null] as const) expect(statement(gender)).not.toContain("resolución número Acuerdo");
  });
});
