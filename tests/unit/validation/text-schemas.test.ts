import { describe, expect, it } from "vitest";
import { ZDideducFields } from "@/lib/admin/directory-fields";
import { ZStaffName } from "@/lib/admin/staff-account-fields";
import { ZCitizenRegistration } from "@/lib/auth/schemas";
import { diplomaBefore2005Errors } from "@/lib/cases/forms/diploma-before-2005-form";
import { diplomaFrom2005Errors } from "@/lib/cases/forms/diploma-from-2005-form";
import { educationalRecordErrors } from "@/lib/cases/forms/educational-record-form";
import { graduationRecordErrors } from "@/lib/cases/forms/graduation-record-form";
import { swornTranslationErrors } from "@/lib/cases/forms/sworn-translation-form";
import { translatorRegistrationErrors } from "@/lib/cases/forms/translator-registration-form";
import { diplomaCsvRowSchema } from "@/lib/registry/diploma-csv-row";
import { ZReasonInput } from "@/lib/workflow/inputs";

// Every schema of text that is printed on a certification, or reaches a registry or another person,
// refuses hidden and bidirectional characters with the Spanish message of lib/validation (only real
// schemas imported, so this file also runs, and fails, against the code before the rule).

const HIDDEN_MESSAGE = /^El texto tiene un carácter invisible o de control \(U\+[0-9A-F]{4,5}\), como los que llegan al copiar y pegar/;

describe("the schemas of text printed on certifications use the rule", () => {
  const NOW = new Date("2026-06-01T12:00:00Z");
  const bidi = (s: string) => `${s}\u202E`;

  it("every citizen form refuses it on submission, next to the field", () => {
    expect(educationalRecordErrors({ student: { firstNames: bidi("Ana") } }, NOW)["student.firstNames"]?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(educationalRecordErrors({ studies: [{ level: "Sexto", year: 2010, institution: bidi("EORM") }] }, NOW)["studies.0.institution"]?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(educationalRecordErrors({ documentKinds: ["OTROS"], otherDescription: bidi("Constancia") }, NOW).otherDescription?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(graduationRecordErrors({ archiveOfficer: { name: bidi("Carlos") } }, NOW)["archiveOfficer.name"]?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(diplomaBefore2005Errors({ title: { degree: bidi("Perito") } }, NOW)["title.degree"]?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(diplomaBefore2005Errors({ title: { specialty: bidi("Contabilidad") } }, NOW)["title.specialty"]?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(diplomaFrom2005Errors({ student: { lastNames: bidi("Pérez") } }, NOW)["student.lastNames"]?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(swornTranslationErrors({ holderName: bidi("Ana Pérez") })["holderName"]?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(swornTranslationErrors({ translator: { language: bidi("inglés") } })["translator.language"]?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(translatorRegistrationErrors({ name: bidi("Ana Pérez") }).name?.[0]).toMatch(HIDDEN_MESSAGE);
    expect(translatorRegistrationErrors({ languages: [bidi("inglés")] })["languages.0"]?.[0]).toMatch(HIDDEN_MESSAGE);
  });

  it("so do registration, staff, directory, reasons and the title registry import", () => {
    const reg = ZCitizenRegistration.safeParse({ name: "Ana\u200B Pérez", cui: "", email: "a@b.gt", password: "", passwordConfirmation: "", isTranslator: false });
    // One message per field: the character, not also "only letters".
    const nameMessages = reg.error?.issues.filter((i) => i.path[0] === "name").map((i) => i.message) ?? [];
    expect(nameMessages).toHaveLength(1);
    expect(nameMessages[0]).toMatch(HIDDEN_MESSAGE);
    expect(ZStaffName.safeParse("José\u2067 Pérez").error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(HIDDEN_MESSAGE)]);
    expect(ZDideducFields.shape.name.safeParse("Quiché\u200D").error?.issues[0].message).toMatch(HIDDEN_MESSAGE);
    expect(ZReasonInput.safeParse({ reason: "Falta\u202E la firma" }).error?.issues[0].message).toMatch(HIDDEN_MESSAGE);
    // A reason is a text area: its line breaks are text.
    expect(ZReasonInput.parse({ reason: "Falta la firma.\nAdjunte el reverso." }).reason).toBe("Falta la firma.\nAdjunte el reverso.");
    const row = diplomaCsvRowSchema(NOW).safeParse({ registrationNumber: "D-2015-018734", holderName: "Ana\u202E Pérez", degree: "Bachiller", school: "INEB Mixco", year: "2015", dideduc: "x", signedBy: "" });
    expect(row.error?.issues[0].message).toBe(
      "El nombre tiene un carácter invisible o de control (U+202E): bórrelo en el archivo y vuelva a importarlo.",
    );
  });

  it("and store NFC", () => {
    expect(ZStaffName.parse("Jose\u0301 Pe\u0301rez")).toBe("José Pérez");
    const reg = ZCitizenRegistration.safeParse({ name: "Mari\u0301a Pe\u0301rez", cui: "", email: "a@b.gt", password: "", passwordConfirmation: "", isTranslator: false });
    expect(reg.success).toBe(false);
    // The name itself passed (the other fields did not), composed.
    expect(reg.error?.issues.some((i) => i.path[0] === "name")).toBe(false);
    expect(ZDideducFields.shape.name.parse("Quiche\u0301")).toBe("Quiché");
  });
});
