import { describe, expect, it } from "vitest";
import {
  diplomaBefore2005DraftFrom,
  diplomaFrom2005Errors,
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
  student: { firstNames: "María José", lastNames: "Ixcot Chávez", cui: "", birthDate: "" },
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

  it("reads the lookup's number in any spelling, refusing what cannot be one", () => {
    expect(ZDiplomaLookupRequest.parse({ registrationNumber: " d–2015–018734 " })).toEqual({ registrationNumber: "D-2015-018734" });
    expect(ZDiplomaLookupRequest.safeParse({ registrationNumber: "D-2004-000001" }).success).toBe(false);
    expect(ZDiplomaLookupRequest.safeParse({ registrationNumber: "" }).error?.issues[0].message).toBe("Escriba el número de registro del título.");
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
