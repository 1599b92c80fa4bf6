import { describe, expect, it } from "vitest";
import { diplomaFrom2005Codec } from "@/app/ciudadano/solicitudes/_components/diploma-from-2005-editor";
import { diplomaFrom2005Errors, parseDiplomaFrom2005Draft } from "@/lib/cases/forms/diploma-from-2005-form";
import { checkTextTree } from "@/lib/validation/hidden-characters";

// What the D.2.2 editor sends with a draft. Once the registry's record is confirmed the name inputs
// are not shown, so what they hold is not sent either: a stray character typed there before
// confirming would otherwise be refused by the draft save next to a field the person cannot see.

const NOW = new Date("2026-06-15T15:00:00Z");
// A zero-width space, which the draft save refuses (lib/validation/hidden-characters).
const STRAY = "María\u200B José";
const VALUES = {
  registrationNumber: "d 2015 018734",
  confirmedRegistrationNumber: "",
  student: { firstNames: STRAY, lastNames: "Ixcot Chávez", cui: "", birthDate: "1997-06-02" },
  contactPhone: "5512-3478",
  cgcStampConfirmed: false,
};

describe("D.2.2 editor payload", () => {
  it("sends the names typed while the record is not confirmed (and the save refuses the stray character next to the visible input)", () => {
    const payload = diplomaFrom2005Codec.toFormData(VALUES);
    expect(payload).toMatchObject({ student: { firstNames: STRAY, lastNames: "Ixcot Chávez", birthDate: "1997-06-02" } });
    expect(checkTextTree(payload).problems.map((p) => p.path.join("."))).toEqual(["student.firstNames"]);
  });

  it("once confirmed for the number typed (any spelling), sends no names, and what it sends is a draft that can be sent", () => {
    const confirmed = { ...VALUES, confirmedRegistrationNumber: "D-2015-018734", cgcStampConfirmed: true };
    const payload = JSON.parse(JSON.stringify(diplomaFrom2005Codec.toFormData(confirmed)));
    expect(payload.student).toEqual({ birthDate: "1997-06-02" });
    expect(checkTextTree(payload).problems).toEqual([]);
    expect(diplomaFrom2005Errors(parseDiplomaFrom2005Draft(payload), NOW)).toEqual({});
    // The editor itself still holds them, for when the confirmation is undone.
    expect(confirmed.student.firstNames).toBe(STRAY);
    expect(diplomaFrom2005Codec.toFormData({ ...confirmed, confirmedRegistrationNumber: "" })).toMatchObject({ student: { firstNames: STRAY } });
  });

  it("a confirmation left over for another number is no confirmation: the names are sent", () => {
    const stale = { ...VALUES, registrationNumber: "D-2016-000001", confirmedRegistrationNumber: "D-2015-018734" };
    expect(diplomaFrom2005Codec.toFormData(stale)).toMatchObject({ student: { firstNames: STRAY, lastNames: "Ixcot Chávez" } });
  });
});
