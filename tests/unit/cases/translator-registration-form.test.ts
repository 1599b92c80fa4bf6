import { describe, expect, it } from "vitest";
import {
  normalizeRegistrationNumber,
  registrationLanguages,
  splitOtherLanguages,
  translatorRegistrationErrors,
  ZTranslatorRegistrationDraft,
  ZTranslatorRegistrationForm,
} from "@/lib/cases/forms/translator-registration-form";

const VALID = {
  name: "Diego Alejandro Rodríguez Sánchez",
  gender: "MASCULINE",
  languages: ["inglés"],
  otherLanguages: "",
  appointmentResolution: "Acuerdo Ministerial 1187-2021",
  dideducRegistrationNumber: "TJ-QZ-0107",
  dideducId: "dideduc-xela",
  resolutionStampConfirmed: true,
};

describe("D.4 form: draft", () => {
  it("keeps what was typed, drops unknown keys and never throws on a wrong shape", () => {
    expect(ZTranslatorRegistrationDraft.parse({ name: "Diego", languages: ["inglés"], junk: true })).toEqual({ name: "Diego", languages: ["inglés"] });
    expect(ZTranslatorRegistrationDraft.parse({ name: 42, languages: "inglés", resolutionStampConfirmed: "sí" })).toEqual({ languages: [] });
    expect(ZTranslatorRegistrationDraft.parse({ gender: "FEMININE" })).toEqual({ gender: "FEMININE", languages: [] });
    expect(ZTranslatorRegistrationDraft.parse({ gender: "femenino" })).toEqual({ languages: [] });
    expect(ZTranslatorRegistrationDraft.parse({ name: "x".repeat(201) })).toEqual({ languages: [] });
    expect(ZTranslatorRegistrationDraft.parse({ languages: Array.from({ length: 21 }, (_, i) => `idioma ${i}`) }).languages).toEqual([]);
  });
});

describe("D.4 form: submission", () => {
  it("accepts a complete registration", () => {
    expect(translatorRegistrationErrors(VALID)).toEqual({});
    expect(ZTranslatorRegistrationForm.parse({ ...VALID, name: "  Diego Rodríguez  " }).name).toBe("Diego Rodríguez");
  });

  it("names every missing field at once, in Spanish", () => {
    const errors = translatorRegistrationErrors({});
    expect(Object.keys(errors).sort()).toEqual(["appointmentResolution", "dideducId", "dideducRegistrationNumber", "gender", "languages", "name", "resolutionStampConfirmed"].sort());
    // Asked, never guessed from the name (issue #12, point 4).
    expect(errors.gender).toEqual(["Elija cómo desea ser nombrado(a) en las certificaciones: traductora jurada o traductor jurado."]);
    expect(translatorRegistrationErrors({ ...VALID, gender: "OTHER" }).gender).toHaveLength(1);
    expect(errors.name[0]).toMatch(/^Escriba su nombre completo/);
    expect(errors.resolutionStampConfirmed).toEqual(["Confirme que la resolución o acuerdo lleva el sello de registro de la Dirección Departamental de Educación."]);
  });

  it("requires at least one language, from the list or typed as another", () => {
    expect(translatorRegistrationErrors({ ...VALID, languages: [] }).languages).toEqual([
      "Marque al menos un idioma de su nombramiento, o escríbalo en «Otros idiomas».",
    ]);
    expect(translatorRegistrationErrors({ ...VALID, languages: [], otherLanguages: "swahili" })).toEqual({});
    expect(translatorRegistrationErrors({ ...VALID, languages: [], otherLanguages: " , ; " }).languages).toHaveLength(1);
  });

  it("asks for names and surnames, and an unticked stamp confirmation is refused", () => {
    expect(translatorRegistrationErrors({ ...VALID, name: "Diego" }).name).toEqual(["Escriba sus nombres y apellidos, como aparecen en la resolución o acuerdo."]);
    expect(translatorRegistrationErrors({ ...VALID, resolutionStampConfirmed: false }).resolutionStampConfirmed).toHaveLength(1);
  });

  it("refuses another language longer than a language name", () => {
    expect(translatorRegistrationErrors({ ...VALID, otherLanguages: "x".repeat(61) }).otherLanguages).toEqual([
      "Separe los idiomas con comas; cada uno puede tener hasta 60 caracteres.",
    ]);
  });
});

describe("D.4 languages and numbers", () => {
  it("joins listed and other languages once each, lower case, accents and case ignored when comparing", () => {
    expect(splitOtherLanguages("Portugués, swahili;\n  catalán ")).toEqual(["Portugués", "swahili", "catalán"]);
    expect(registrationLanguages({ languages: ["inglés", "alemán"], otherLanguages: "Ingles, Portugués;PORTUGUÉS" })).toEqual(["inglés", "alemán", "portugués"]);
    expect(registrationLanguages({ languages: [], otherLanguages: null })).toEqual([]);
  });

  it("normalizes a registration number without spaces, upper case", () => {
    expect(normalizeRegistrationNumber(" tj-qz-0107 ")).toBe("TJ-QZ-0107");
  });
});
