import { describe, expect, it } from "vitest";
import {
  diplomaBefore2005DraftFrom,
  diplomaFrom2005Errors,
  HOLDER_PROOF_MISSING_MESSAGE,
  isRegistryConfirmed,
  NOT_CONFIRMED_MESSAGE,
  parseDiplomaFrom2005Draft,
  ZDiplomaLookupRequest,
  ZSwitchToBefore2005Request,
} from "@/lib/cases/forms/diploma-from-2005-form";
import { parseDiplomaBefore2005Draft } from "@/lib/cases/forms/diploma-before-2005-form";
import { registryMissNumber } from "@/lib/cases/forms/diploma-registry-miss";

const NOW = new Date("2026-06-15T15:00:00Z");
const GOOD = {
  registrationNumber: "D-2015-018734",
  confirmedRegistrationNumber: "D-2015-018734",
  student: { firstNames: "María José", lastNames: "Ixcot Chávez", cui: "", birthDate: "1997-06-02" },
  contactPhone: "",
  cgcStampConfirmed: true,
};

describe("D.2.2 draft schema", () => {
  it("keeps the form's fields, drops others and whatever only the server writes, and never throws", () => {
    expect(parseDiplomaFrom2005Draft({ ...GOOD, registryAtSubmission: { holderName: "X" }, extra: 1 })).toEqual(GOOD);
    for (const junk of [null, undefined, 42, "texto", [], { student: "x", registrationNumber: 7, cgcStampConfirmed: "sí" }]) {
      expect(() => parseDiplomaFrom2005Draft(junk)).not.toThrow();
    }
    expect(parseDiplomaFrom2005Draft({ student: "x", registrationNumber: 7, cgcStampConfirmed: "sí" })).toEqual({ student: {} });
    // Nothing huge is kept.
    expect(parseDiplomaFrom2005Draft({ registrationNumber: "D".repeat(41) }).registrationNumber).toBeUndefined();
  });
});

describe("D.2.2 strict schema", () => {
  it("accepts a complete form", () => {
    expect(diplomaFrom2005Errors(GOOD, NOW)).toEqual({});
    expect(diplomaFrom2005Errors({ ...GOOD, registrationNumber: "d 2015 018734" }, NOW)).toEqual({});
  });

  it("names every problem at once, in Spanish", () => {
    const errors = diplomaFrom2005Errors({ registrationNumber: "123", student: { firstNames: " ", cui: "1234" }, contactPhone: "9".repeat(31) }, NOW);
    expect(errors).toEqual({
      registrationNumber: [expect.stringMatching(/esquina superior derecha del título, por ejemplo D-2015-018734/)],
      "student.firstNames": [expect.stringMatching(/nombres/)],
      "student.lastNames": [expect.stringMatching(/apellidos/)],
      "student.cui": [expect.stringMatching(/CUI no es válido/)],
      contactPhone: [expect.stringMatching(/30 caracteres/)],
      cgcStampConfirmed: [expect.stringMatching(/Contraloría General de Cuentas/)],
    });
  });

  it("requires the registry record to be confirmed for the number typed now", () => {
    expect(diplomaFrom2005Errors({ ...GOOD, confirmedRegistrationNumber: undefined }, NOW)).toEqual({ confirmedRegistrationNumber: [NOT_CONFIRMED_MESSAGE] });
    expect(diplomaFrom2005Errors({ ...GOOD, registrationNumber: "D-2010-006251" }, NOW)).toEqual({ confirmedRegistrationNumber: [NOT_CONFIRMED_MESSAGE] });
    expect(isRegistryConfirmed({ registrationNumber: "d2015018734", confirmedRegistrationNumber: "D-2015-018734" })).toBe(true);
    expect(isRegistryConfirmed({ registrationNumber: "D-2015-018734", confirmedRegistrationNumber: "d2015018734" })).toBe(false);
    expect(isRegistryConfirmed(null)).toBe(false);
  });

  it('"the names come from the registry" once the record is confirmed (issue #14): not asked, whatever a draft carries under them', () => {
    const proof = { cui: GOOD.student.cui, birthDate: GOOD.student.birthDate };
    expect(diplomaFrom2005Errors({ ...GOOD, student: proof }, NOW)).toEqual({});
    expect(diplomaFrom2005Errors({ ...GOOD, student: { ...proof, firstNames: " ", lastNames: "x".repeat(121) } }, NOW)).toEqual({});
    // Not confirmed for the number typed now: the names are asked, as before.
    expect(diplomaFrom2005Errors({ ...GOOD, registrationNumber: "D-2010-006251", student: proof }, NOW)).toEqual({
      "student.firstNames": [expect.stringMatching(/nombres de la persona graduada/)],
      "student.lastNames": [expect.stringMatching(/apellidos de la persona graduada/)],
      confirmedRegistrationNumber: [NOT_CONFIRMED_MESSAGE],
    });
    // The registry's name is the submission's to write: a draft cannot set it.
    expect(parseDiplomaFrom2005Draft({ ...GOOD, student: { ...GOOD.student, fullName: "Otra Persona" } })).toEqual(GOOD);
  });

  it("asks for the graduate's CUI or birth date, which the registry is checked against", () => {
    expect(diplomaFrom2005Errors({ ...GOOD, student: { ...GOOD.student, birthDate: "" } }, NOW)).toEqual({ "student.cui": [HOLDER_PROOF_MISSING_MESSAGE] });
    expect(diplomaFrom2005Errors({ ...GOOD, student: { ...GOOD.student, birthDate: "", cui: "5260 18151 0901" } }, NOW)).toEqual({});
  });

  it("reads the lookup's number in any spelling, refusing what cannot be one", () => {
    const proof = { student: { birthDate: "1997-06-02" } };
    expect(ZDiplomaLookupRequest.parse({ registrationNumber: " d–2015–018734 ", ...proof })).toEqual({ registrationNumber: "D-2015-018734", ...proof });
    expect(ZDiplomaLookupRequest.safeParse({ registrationNumber: "D-2004-000001", ...proof }).success).toBe(false);
    expect(ZDiplomaLookupRequest.safeParse({ registrationNumber: "", ...proof }).error?.issues[0].message).toBe("Escriba el número de registro del título.");
  });

  it("the lookup needs the graduate's CUI or birth date, each well formed", () => {
    const noProof = ZDiplomaLookupRequest.safeParse({ registrationNumber: "D-2015-018734", student: { cui: " ", birthDate: "" } });
    expect(noProof.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["student.cui", HOLDER_PROOF_MISSING_MESSAGE]]);
    expect(ZDiplomaLookupRequest.safeParse({ registrationNumber: "D-2015-018734" }).success).toBe(false);
    const badCui = ZDiplomaLookupRequest.safeParse({ registrationNumber: "D-2015-018734", student: { cui: "2345 67898 0101" } });
    expect(badCui.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["student.cui", "El CUI no es válido: revise los 13 dígitos tal como aparecen en el DPI."]]);
    const badDate = ZDiplomaLookupRequest.safeParse({ registrationNumber: "D-2015-018734", student: { birthDate: "02/06/1997" } });
    expect(badDate.error?.issues.map((i) => i.path.join("."))).toEqual(["student.birthDate"]);
    expect(ZDiplomaLookupRequest.parse({ registrationNumber: "D-2015-018734", student: { cui: "2345 67899 0101", birthDate: "" } }).student).toEqual({ cui: "2345 67899 0101", birthDate: "" });
  });
});

describe("the switch to D.2.1", () => {
  it("maps what was typed to D.2.1's draft, which keeps it", () => {
    const typed = ZSwitchToBefore2005Request.parse({
      registrationNumber: "d 2016 888111",
      student: { firstNames: " Juan Pablo ", lastNames: "Sic Batz", cui: " ", birthDate: "1999-02-11" },
      contactPhone: "5566-7788",
    });
    const mapped = diplomaBefore2005DraftFrom(typed, "D-2016-888111");
    const kept = parseDiplomaBefore2005Draft(mapped);
    expect(kept).toMatchObject({
      modality: "ESCOLAR",
      student: { firstNames: "Juan Pablo", lastNames: "Sic Batz", birthDate: "1999-02-11" },
      contactPhone: "5566-7788",
      registryMiss: { registrationNumber: "D-2016-888111" },
    });
    expect(kept.student.cui).toBeUndefined();
    expect(registryMissNumber(kept)).toBe("D-2016-888111");
    expect(registryMissNumber({ registryMiss: { registrationNumber: "nada" } })).toBeNull();
    expect(parseDiplomaBefore2005Draft({ registryMiss: "x" }).registryMiss).toBeUndefined();
  });
});
