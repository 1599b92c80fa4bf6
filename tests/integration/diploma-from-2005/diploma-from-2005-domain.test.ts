import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_LONGER_IN_REGISTRY } from "@/lib/cases/check-diploma-from-2005-submission";
import { diplomaFrom2005Errors, HOLDER_PROOF_MISSING_MESSAGE, NOT_CONFIRMED_MESSAGE, NOT_IN_REGISTRY_MESSAGE, TITLE_BACK_MISSING_D22 } from "@/lib/cases/forms/diploma-from-2005-form";
import { DIPLOMA_LOOKUP_LIMIT, lookupDiplomaRegistration } from "@/lib/cases/lookup-diploma-registration";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { submitCase } from "@/lib/cases/submit-case";
import { STILL_IN_REGISTRY, switchDiplomaToBefore2005 } from "@/lib/cases/switch-diploma-to-before-2005";
import { REGISTRY_MISS_NOW_FOUND } from "@/lib/cases/forms/diploma-registry-miss";
import { diplomaBefore2005Errors } from "@/lib/cases/forms/diploma-before-2005-form";
import { storeUpload } from "@/lib/uploads/store-upload";
import { makePdf } from "../../unit/uploads/pdf-fixtures";
import { createRegistryWorld, type TRegistryWorld } from "../registry/registry-world";

// D.2.2 on PostgreSQL with the seed's title registry: the lookup before any upload (found only
// with the holder's CUI or birth date, the same "not found" otherwise, ATE-INS-04, per-account limit), the upload closed until the citizen confirmed the record,
// submission re-checking the registry inside its transaction, the switch to D.2.1 keeping what
// was typed, and the central office's rejection for correction and resubmission.

let w: TRegistryWorld;
type TActor = Awaited<ReturnType<TRegistryWorld["user"]>>;
let citizen: TActor;
let other: TActor;
let assistant: TActor;

beforeAll(async () => {
  w = await createRegistryWorld();
  citizen = await w.user("ciudadana");
  other = await w.user("ciudadano");
  assistant = await w.user("asistente.central");
});
afterAll(async () => {
  await w?.cleanup();
});

const opts = () => ({ db: w.db });
const NOW = new Date("2026-06-15T15:00:00Z");
// What the seed's registry holds about the holders of the titles used here (prisma/seed/diplomas.ts).
const MARIA = { cui: "5260181510901", birthDate: "1997-06-02" };
const JUAN = { cui: "9083016690101", birthDate: "1992-09-14" };
const JULIO = { cui: "5246093220701", birthDate: "1988-09-09" };
const INGRID = { cui: "6178189400101", birthDate: "1989-06-16" };

const FORM = {
  registrationNumber: "d 2015 018734",
  confirmedRegistrationNumber: "D-2015-018734",
  student: { firstNames: "María José", lastNames: "Ixcot Chávez", cui: "", birthDate: "1997-06-02" },
  contactPhone: "5512-3478",
  cgcStampConfirmed: true,
};

async function upload(actor: TActor, caseId: string, pages = 2) {
  const bytes = await makePdf(pages);
  return storeUpload(actor, { kind: "SCAN", originalName: "titulo.pdf", caseId, body: Readable.from([bytes]) }, { db: w.db, storage: w.storage, tmpDir: path.join(w.root, "tmp") });
}

describe("lookupDiplomaRegistration", () => {
  it("shows what the registry holds for a number typed in any spelling, with the holder's birth date", async () => {
    const found = await lookupDiplomaRegistration({ actor: citizen, registrationNumber: "d.2015.018734", holder: { birthDate: MARIA.birthDate } }, { db: w.db, now: NOW });
    expect(found).toEqual({
      status: "FOUND",
      record: {
        registrationNumber: "D-2015-018734",
        holderName: "María José Ixcot Chávez",
        degree: "Bachiller en Ciencias y Letras con Orientación en Computación",
        school: "Instituto Nacional de Educación Diversificada, Quetzaltenango",
        year: 2015,
        dideducName: "Quetzaltenango",
      },
    });
  });

  it("shows it with the holder's CUI too, typed with spaces, whatever birth date comes with it", async () => {
    const byCui = await lookupDiplomaRegistration({ actor: citizen, registrationNumber: "D-2015-018734", holder: { cui: "5260 18151 0901", birthDate: "2000-01-01" } }, { db: w.db, now: NOW });
    expect(byCui).toMatchObject({ status: "FOUND", record: { registrationNumber: "D-2015-018734", holderName: "María José Ixcot Chávez" } });
  });

  it("a registered number with someone else's CUI or birth date is 'not found', word for word as a number the registry does not hold", async () => {
    const missing = await lookupDiplomaRegistration({ actor: other, registrationNumber: "D-2016-999999", holder: { cui: JUAN.cui } }, { db: w.db, now: NOW });
    expect(missing).toEqual({ status: "NOT_FOUND", registrationNumber: "D-2016-999999", message: NOT_IN_REGISTRY_MESSAGE("D-2016-999999") });
    expect(missing.status === "NOT_FOUND" && missing.message).toMatch(/no tiene el título número D-2016-999999 con el CUI o la fecha de nacimiento.*anterior a 2005/);

    // Another person's title: the number exists, and nothing of it shows.
    for (const holder of [{ cui: JUAN.cui }, { birthDate: JUAN.birthDate }, { cui: JUAN.cui, birthDate: JUAN.birthDate }, { birthDate: "1997-06-03" }]) {
      const probe = await lookupDiplomaRegistration({ actor: other, registrationNumber: "D-2015-018734", holder }, { db: w.db, now: NOW });
      expect(probe).toEqual({ status: "NOT_FOUND", registrationNumber: "D-2015-018734", message: NOT_IN_REGISTRY_MESSAGE("D-2015-018734") });
      expect(JSON.stringify(probe)).not.toContain("Ixcot");
    }
    // A title signed by a regional director (ATE-INS-04) is not revealed either.
    expect(await lookupDiplomaRegistration({ actor: other, registrationNumber: "D-2006-002741", holder: { birthDate: JUAN.birthDate } }, { db: w.db, now: NOW })).toMatchObject({ status: "NOT_FOUND" });
  });

  it("asks for the CUI or the birth date before looking anything up", async () => {
    await expect(lookupDiplomaRegistration({ actor: citizen, registrationNumber: "D-2015-018734" }, { db: w.db, now: NOW })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { "student.cui": [expect.stringMatching(/CUI o la fecha de nacimiento/)] },
    });
    await expect(lookupDiplomaRegistration({ actor: citizen, registrationNumber: "D-2015-018734", holder: { cui: " ", birthDate: "" } }, { db: w.db, now: NOW })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("stops titles signed by a regional director or a minister (ATE-INS-04)", async () => {
    const regional = await lookupDiplomaRegistration({ actor: citizen, registrationNumber: "D-2006-002741", holder: { cui: JULIO.cui } }, { db: w.db, now: NOW });
    expect(regional).toMatchObject({ status: "OTHER_PROCEDURE", record: { holderName: "Julio César Tzunún Ajpop" } });
    expect(regional.status === "OTHER_PROCEDURE" && regional.message).toMatch(/Director Regional.*ATE-INS-04/);
    const minister = await lookupDiplomaRegistration({ actor: citizen, registrationNumber: "D-2007-003350", holder: { birthDate: INGRID.birthDate } }, { db: w.db, now: NOW });
    expect(minister).toMatchObject({ status: "OTHER_PROCEDURE" });
  });

  it("refuses a malformed number with the field's message", async () => {
    await expect(lookupDiplomaRegistration({ actor: citizen, registrationNumber: "12345", holder: MARIA }, { db: w.db, now: NOW })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { registrationNumber: [expect.stringMatching(/esquina superior derecha/)] },
    });
  });

  it("limits lookups per account in a window, and forgets them after it", async () => {
    const probe = await w.user("traductor");
    const at = new Date("2026-06-16T10:00:00Z");
    for (let i = 0; i < DIPLOMA_LOOKUP_LIMIT.max; i++) {
      await lookupDiplomaRegistration({ actor: probe, registrationNumber: `D-2016-${String(500000 + i)}`, holder: { birthDate: "2000-01-01" } }, { db: w.db, now: at });
    }
    await expect(lookupDiplomaRegistration({ actor: probe, registrationNumber: "D-2015-018734", holder: MARIA }, { db: w.db, now: new Date(at.getTime() + 60_000) })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Espere 9 minutos/),
    });
    // Another account is not affected.
    expect((await lookupDiplomaRegistration({ actor: other, registrationNumber: "D-2010-006251", holder: JUAN }, { db: w.db, now: at })).status).toBe("FOUND");
    const later = new Date(at.getTime() + DIPLOMA_LOOKUP_LIMIT.windowMs + 1000);
    expect((await lookupDiplomaRegistration({ actor: probe, registrationNumber: "D-2015-018734", holder: MARIA }, { db: w.db, now: later })).status).toBe("FOUND");
  });

  it("limits lookups per account over a day too: trying birth dates on a number is not a way in", async () => {
    const probe = await w.user("traductora");
    const t0 = new Date("2026-06-20T06:00:00Z");
    // Within the short window's limit each time, spread over the day.
    let n = 0;
    for (let round = 0; n < DIPLOMA_LOOKUP_LIMIT.dayMax; round++) {
      const at = new Date(t0.getTime() + round * (DIPLOMA_LOOKUP_LIMIT.windowMs + 1000));
      for (let i = 0; i < DIPLOMA_LOOKUP_LIMIT.max && n < DIPLOMA_LOOKUP_LIMIT.dayMax; i++, n++) {
        const guess = new Date(Date.UTC(1997, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        expect((await lookupDiplomaRegistration({ actor: probe, registrationNumber: "D-2015-018734", holder: { birthDate: guess } }, { db: w.db, now: at })).status).toBe("NOT_FOUND");
      }
    }
    const next = new Date(t0.getTime() + 4 * (DIPLOMA_LOOKUP_LIMIT.windowMs + 1000));
    // Even the right birth date now waits for the day to pass.
    await expect(lookupDiplomaRegistration({ actor: probe, registrationNumber: "D-2015-018734", holder: MARIA }, { db: w.db, now: next })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Espere \d+ horas/),
    });
    const tomorrow = new Date(t0.getTime() + DIPLOMA_LOOKUP_LIMIT.dayMs + 1000);
    expect((await lookupDiplomaRegistration({ actor: probe, registrationNumber: "D-2015-018734", holder: MARIA }, { db: w.db, now: tomorrow })).status).toBe("FOUND");
  });
});

describe("a D.2.2 request", () => {
  it("opens the upload only once the registry record is confirmed for the saved number", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: { ...FORM, confirmedRegistrationNumber: undefined } }, opts());
    expect(draft.number).toMatch(/^TB-\d{4}-\d{6}$/);
    await expect(upload(citizen, draft.caseId)).rejects.toMatchObject({ code: "NOT_ACCEPTED", message: NOT_CONFIRMED_MESSAGE });
    // Confirmed for another number than the one typed now: still closed.
    const v2 = await saveCaseDraft(
      { actor: citizen, caseId: draft.caseId, procedure: "DIPLOMA_FROM_2005", formData: { ...FORM, registrationNumber: "D-2010-006251" }, expectedVersion: draft.version },
      opts(),
    );
    await expect(upload(citizen, draft.caseId)).rejects.toMatchObject({ code: "NOT_ACCEPTED", message: NOT_CONFIRMED_MESSAGE });
    // A confirmed number for an ATE-INS-04 title: closed too.
    const v3 = await saveCaseDraft(
      {
        actor: citizen,
        caseId: draft.caseId,
        procedure: "DIPLOMA_FROM_2005",
        formData: { ...FORM, registrationNumber: "D-2006-002741", confirmedRegistrationNumber: "D-2006-002741", student: { ...FORM.student, cui: JULIO.cui } },
        expectedVersion: v2.version,
      },
      opts(),
    );
    await expect(upload(citizen, draft.caseId)).rejects.toMatchObject({ code: "NOT_ACCEPTED", message: expect.stringMatching(/ATE-INS-04/) });
    // Confirmed, but saved with a birth date that is not the holder's (a draft forged without the
    // lookup): closed, with the registry's "not found".
    const v4 = await saveCaseDraft(
      { actor: citizen, caseId: draft.caseId, procedure: "DIPLOMA_FROM_2005", formData: { ...FORM, student: { ...FORM.student, birthDate: "1997-06-03" } }, expectedVersion: v3.version },
      opts(),
    );
    await expect(upload(citizen, draft.caseId)).rejects.toMatchObject({ code: "NOT_ACCEPTED", message: NOT_IN_REGISTRY_MESSAGE("D-2015-018734") });
    await saveCaseDraft({ actor: citizen, caseId: draft.caseId, procedure: "DIPLOMA_FROM_2005", formData: FORM, expectedVersion: v4.version }, opts());
    const stored = await upload(citizen, draft.caseId);
    expect(stored.pages).toBe(2);
    expect(await w.db.uploadedFile.count({ where: { caseId: draft.caseId } })).toBe(1);
  });

  it("drops what a draft may not set (the registry snapshot) and unknown keys", async () => {
    const draft = await saveCaseDraft(
      { actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: { ...FORM, registryAtSubmission: { holderName: "Forjado" }, junk: 1 } },
      opts(),
    );
    const row = await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect(row.formData).toEqual({ ...FORM });
    expect(row.dideducId).toBeNull();
  });

  it("is refused at submission when the registry no longer holds the number, and nothing changes", async () => {
    // A title of its own, so removing it from the registry does not disturb the other tests.
    await w.db.diplomaRegistry.create({
      data: { registrationNumber: "D-2018-777001", holderName: "María José Ixcot Chávez", degree: "Perito Contador", school: "Instituto de Prueba", year: 2018, holderBirthDate: new Date(`${MARIA.birthDate}T00:00:00Z`) },
    });
    const form = { ...FORM, registrationNumber: "D-2018-777001", confirmedRegistrationNumber: "D-2018-777001" };
    const draft = await saveCaseDraft({ actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: form }, opts());
    await upload(citizen, draft.caseId);
    await w.db.diplomaRegistry.delete({ where: { registrationNumber: "D-2018-777001" } });

    await expect(submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, opts())).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { registrationNumber: [NO_LONGER_IN_REGISTRY("D-2018-777001")] },
    });
    const row = await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect(row).toMatchObject({ state: "DRAFT", version: draft.version, submittedAt: null });
    expect(row.formData).toEqual(form);
    expect(await w.db.auditEvent.count({ where: { caseId: draft.caseId, action: "submit" } })).toBe(0);
    expect(await w.db.outboxMail.count({ where: { caseId: draft.caseId } })).toBe(0);
  });

  it("is refused at submission, with the same words, when the graduate's data saved are not the holder's", async () => {
    const form = { ...FORM, registrationNumber: "D-2010-006251", confirmedRegistrationNumber: "D-2010-006251" };
    const draft = await saveCaseDraft({ actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: form }, opts());
    await w.db.uploadedFile.create({
      data: { caseId: draft.caseId, uploaderId: citizen.id, kind: "SCAN", originalName: "t.pdf", storageKey: "x", sha256: "1".repeat(64), size: 10, pages: 2 },
    });
    const refused = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, opts()).catch((e) => e);
    expect(refused.fieldErrors).toEqual({ registrationNumber: [NO_LONGER_IN_REGISTRY("D-2010-006251")] });
    expect(JSON.stringify(refused)).not.toContain("Sic Batz");
    const row = await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect(row.state).toBe("DRAFT");
    expect(row.formData).toEqual(form);
  });

  it("is refused at submission for a title that follows ATE-INS-04, even if the draft says it was confirmed", async () => {
    const form = { ...FORM, registrationNumber: "D-2007-003350", confirmedRegistrationNumber: "D-2007-003350", student: { ...FORM.student, cui: INGRID.cui } };
    const draft = await saveCaseDraft({ actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: form }, opts());
    await expect(submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, opts())).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    // No file could be attached, and the registry's refusal is named next to the number.
    const refused = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, opts()).catch((e) => e);
    expect(refused.fieldErrors.files).toBeDefined();
    // The strict form passes, so the database check speaks once a file is there: simulate one.
    await w.db.uploadedFile.create({
      data: { caseId: draft.caseId, uploaderId: citizen.id, kind: "SCAN", originalName: "t.pdf", storageKey: "x", sha256: "0".repeat(64), size: 10, pages: 2 },
    });
    const withFile = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, opts()).catch((e) => e);
    expect(withFile.fieldErrors).toEqual({ registrationNumber: [expect.stringMatching(/Ministro de Educación.*ATE-INS-04.*No puede enviar esta solicitud/)] });
    expect((await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).state).toBe("DRAFT");
  });

  it("asks for the graduate's CUI or birth date, which the registry is checked against", async () => {
    expect(diplomaFrom2005Errors({ ...FORM, student: { firstNames: "María José", lastNames: "Ixcot Chávez" } }, NOW)).toEqual({ "student.cui": [HOLDER_PROOF_MISSING_MESSAGE] });
    expect(diplomaFrom2005Errors(FORM, NOW)).toEqual({});
  });

  it("asks for both sides of the title, every field error at once", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: { ...FORM, cgcStampConfirmed: undefined, student: { firstNames: "María José", birthDate: MARIA.birthDate } } }, opts());
    await upload(citizen, draft.caseId, 1);
    const refused = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, opts()).catch((e) => e);
    // The surname left blank is not asked: once the record is confirmed the name is the
    // registry's (issue #14, decision 0027; "the names come from the registry" below).
    expect(refused.fieldErrors).toEqual({
      cgcStampConfirmed: [expect.stringMatching(/Contraloría General de Cuentas/)],
    });
    const v2 = await saveCaseDraft({ actor: citizen, caseId: draft.caseId, procedure: "DIPLOMA_FROM_2005", formData: FORM, expectedVersion: draft.version }, opts());
    const oneSide = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: v2.version, ip: null, now: NOW }, opts()).catch((e) => e);
    expect(oneSide.fieldErrors).toEqual({ files: [TITLE_BACK_MISSING_D22] });
  });

  it("goes to the central office with the registry row recorded, and loops through a correction", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: FORM }, opts());
    await upload(citizen, draft.caseId);
    const sent = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, opts());
    expect(sent.state).toBe("CENTRAL_REVIEW");
    const row = await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect(row.dideducId).toBeNull();
    expect(row.formData).toEqual({
      ...FORM,
      // The graduate's name as the registry has it, in place of the names typed (decision 0027).
      student: { cui: "", birthDate: MARIA.birthDate, fullName: "María José Ixcot Chávez" },
      registryAtSubmission: {
        registrationNumber: "D-2015-018734",
        holderName: "María José Ixcot Chávez",
        degree: "Bachiller en Ciencias y Letras con Orientación en Computación",
        school: "Instituto Nacional de Educación Diversificada, Quetzaltenango",
        year: 2015,
        dideducName: "Quetzaltenango",
        signedBy: "DIDEDUC",
        checkedAt: NOW.toISOString(),
      },
    });
    expect(await w.db.outboxMail.count({ where: { caseId: draft.caseId } })).toBe(1);

    const rejected = await performCaseAction(
      { actor: assistant, caseId: draft.caseId, action: "reject_for_correction", input: { reason: "El escaneo del reverso no se lee: escanéelo de nuevo." }, expectedVersion: sent.version, ip: null },
      opts(),
    );
    expect(rejected.state).toBe("NEEDS_CORRECTION");
    const mail = await w.db.outboxMail.findFirstOrThrow({ where: { caseId: draft.caseId }, orderBy: { createdAt: "desc" } });
    expect(mail.text).toContain("El escaneo del reverso no se lee");

    // The citizen edits the same case and sends it again; the registry is read again.
    const later = new Date(NOW.getTime() + 3600_000);
    const edited = await saveCaseDraft(
      { actor: citizen, caseId: draft.caseId, procedure: "DIPLOMA_FROM_2005", formData: { ...FORM, contactPhone: "4455-6677" }, expectedVersion: rejected.version },
      opts(),
    );
    const resent = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: edited.version, ip: null, now: later }, opts());
    expect(resent.state).toBe("CENTRAL_REVIEW");
    const after = await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect((after.formData as { contactPhone: string; registryAtSubmission: { checkedAt: string } }).contactPhone).toBe("4455-6677");
    expect((after.formData as { registryAtSubmission: { checkedAt: string } }).registryAtSubmission.checkedAt).toBe(later.toISOString());
  });
});

describe("switchDiplomaToBefore2005", () => {
  const TYPED = {
    registrationNumber: "d-2016 888 111",
    student: { firstNames: " Juan Pablo ", lastNames: "Sic Batz", cui: "", birthDate: "1999-02-11" },
    contactPhone: "5566-7788",
  };

  it("creates the D.2.1 draft with what was typed, and that draft may be a school title from 2005 on", async () => {
    const created = await switchDiplomaToBefore2005({ actor: other, typed: TYPED, ip: "203.0.113.9" }, opts());
    expect(created.number).toMatch(/^TA-\d{4}-\d{6}$/);
    const row = await w.db.case.findUniqueOrThrow({ where: { id: created.caseId } });
    expect(row).toMatchObject({ procedure: "DIPLOMA_BEFORE_2005", state: "DRAFT", applicantId: other.id, dideducId: null });
    expect(row.formData).toMatchObject({
      modality: "ESCOLAR",
      student: { firstNames: "Juan Pablo", lastNames: "Sic Batz", birthDate: "1999-02-11" },
      contactPhone: "5566-7788",
      registryMiss: { registrationNumber: "D-2016-888111" },
    });
    expect((row.formData as { student: Record<string, unknown> }).student.cui).toBeUndefined();
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { caseId: created.caseId } });
    expect(event).toMatchObject({ action: "create", actorId: other.id, ip: "203.0.113.9" });

    // D.2.1 would send a school title of 2016 to D.2.2; with the registry miss it accepts it.
    const completed: Record<string, unknown> = {
      ...(row.formData as Record<string, unknown>),
      title: { degree: "Bachiller en Ciencias y Letras", institution: "Instituto Nacional Central para Varones", graduationYear: 2016 },
      cgcStampConfirmed: true,
      signedBy: "DIDEDUC",
    };
    expect(diplomaBefore2005Errors(completed, NOW)).toEqual({});
    const { registryMiss: _miss, ...withoutMiss } = completed;
    expect(Object.keys(diplomaBefore2005Errors(withoutMiss, NOW))).toEqual(["title.graduationYear"]);
  });

  it("refuses when the registry shows the title for the graduate's data typed (no need to switch) or the number is not one", async () => {
    const before = await w.db.case.count();
    await expect(
      switchDiplomaToBefore2005({ actor: other, typed: { ...TYPED, registrationNumber: "D-2010-006251", student: { ...TYPED.student, cui: "9083 01669 0101" } } }, opts()),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { registrationNumber: [STILL_IN_REGISTRY("D-2010-006251")] },
    });
    await expect(switchDiplomaToBefore2005({ actor: other, typed: { ...TYPED, registrationNumber: "hola" } }, opts())).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { registrationNumber: [expect.stringMatching(/esquina superior derecha/)] },
    });
    expect(await w.db.case.count()).toBe(before);
  });

  it("lets a registered number with someone else's data through to D.2.1, so the refusal reveals no one's title", async () => {
    // TYPED's birth date is not the holder's of D-2015-018734: for this citizen it is "not found".
    const created = await switchDiplomaToBefore2005({ actor: other, typed: { ...TYPED, registrationNumber: "D-2015-018734" } }, opts());
    const row = await w.db.case.findUniqueOrThrow({ where: { id: created.caseId } });
    expect(row).toMatchObject({ procedure: "DIPLOMA_BEFORE_2005", state: "DRAFT" });
    expect(row.formData).toMatchObject({ registryMiss: { registrationNumber: "D-2015-018734" } });
    expect(JSON.stringify(row.formData)).not.toContain("Ixcot");
  });

  // A D.2.1 request carried over from D.2.2 with `number`, completed and with its scan, ready to send.
  async function carriedOverRequest(number: string) {
    const created = await switchDiplomaToBefore2005({ actor: other, typed: { ...TYPED, registrationNumber: number } }, opts());
    const row = await w.db.case.findUniqueOrThrow({ where: { id: created.caseId } });
    const dideduc = await w.db.dideduc.findFirstOrThrow({ where: { code: "guatemala-norte" } });
    const saved = await saveCaseDraft(
      {
        actor: other,
        caseId: created.caseId,
        procedure: "DIPLOMA_BEFORE_2005",
        dideducId: dideduc.id,
        formData: {
          ...(row.formData as Record<string, unknown>),
          title: { degree: "Perito Contador", institution: "Instituto Nacional Central para Varones", graduationYear: 2017 },
          cgcStampConfirmed: true,
          signedBy: "DIDEDUC",
        },
        expectedVersion: row.version,
      },
      opts(),
    );
    await upload(other, created.caseId);
    return { caseId: created.caseId, version: saved.version };
  }

  it("D.2.1 refuses the carried-over request once the number has been registered meanwhile for this graduate", async () => {
    const created = await carriedOverRequest("D-2017-888222");
    const saved = created;
    await w.db.diplomaRegistry.create({
      data: {
        registrationNumber: "D-2017-888222",
        holderName: "Juan Pablo Sic Batz",
        degree: "Perito Contador",
        school: "Instituto Nacional Central para Varones",
        year: 2017,
        holderBirthDate: new Date("1999-02-11T00:00:00Z"),
      },
    });
    const refused = await submitCase({ actor: other, caseId: created.caseId, expectedVersion: saved.version, ip: null, now: NOW }, opts()).catch((e) => e);
    expect(refused.fieldErrors).toEqual({ registryMiss: [REGISTRY_MISS_NOW_FOUND("D-2017-888222")] });
    expect((await w.db.case.findUniqueOrThrow({ where: { id: created.caseId } })).state).toBe("DRAFT");
  });

  it("D.2.1 sends the carried-over request when the number registered meanwhile is someone else's: nothing of it is revealed", async () => {
    const created = await carriedOverRequest("D-2017-888333");
    await w.db.diplomaRegistry.create({
      data: { registrationNumber: "D-2017-888333", holderName: "Otra Persona Distinta", degree: "Perito Contador", school: "Instituto de Prueba", year: 2017, holderCui: JULIO.cui },
    });
    const sent = await submitCase({ actor: other, caseId: created.caseId, expectedVersion: created.version, ip: null, now: NOW }, opts());
    expect(sent.state).not.toBe("DRAFT");
  });
});

describe("the names come from the registry (issue #14: \"after the citizen confirms the registry match, the names come from the registry instead of being typed again\")", () => {
  const FORGED = { ...FORM, student: { firstNames: "Nombre Falso", lastNames: "Apellido Ajeno", cui: "", birthDate: MARIA.birthDate } };

  it("a confirmed request is sent without names typed; unconfirmed, the names are still asked", () => {
    const noNames = { ...FORM, student: { birthDate: MARIA.birthDate } };
    expect(diplomaFrom2005Errors(noNames, NOW)).toEqual({});
    expect(diplomaFrom2005Errors({ ...noNames, confirmedRegistrationNumber: undefined }, NOW)).toEqual({
      "student.firstNames": [expect.stringMatching(/nombres de la persona graduada/)],
      "student.lastNames": [expect.stringMatching(/apellidos de la persona graduada/)],
      confirmedRegistrationNumber: [NOT_CONFIRMED_MESSAGE],
    });
  });

  it("a draft keeps the names typed, confirmed or not, and can never set the registry's name itself", async () => {
    const typed = { ...FORGED, confirmedRegistrationNumber: undefined };
    const draft = await saveCaseDraft({ actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: typed }, opts());
    expect((await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).formData).toEqual(typed);
    // Confirmed, then the confirmation undone: the names typed are still there to edit.
    const confirmed = await saveCaseDraft({ actor: citizen, caseId: draft.caseId, procedure: "DIPLOMA_FROM_2005", formData: FORGED, expectedVersion: draft.version }, opts());
    await saveCaseDraft({ actor: citizen, caseId: draft.caseId, procedure: "DIPLOMA_FROM_2005", formData: typed, expectedVersion: confirmed.version }, opts());
    expect((await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).formData).toMatchObject({ student: { firstNames: "Nombre Falso", lastNames: "Apellido Ajeno" } });
    // `fullName` is written by the submission only.
    const forged = await saveCaseDraft({ actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: { ...FORM, student: { ...FORM.student, fullName: "Otra Persona" } } }, opts());
    expect((await w.db.case.findUniqueOrThrow({ where: { id: forged.caseId } })).formData).toEqual(FORM);
  });

  it("the submission stores the registry's name over different names sent by the client, and the queue, the search words and the citizen's list show it", async () => {
    const { compareDiplomaRegistry } = await import("@/lib/cases/compare-diploma-registry");
    const { listApplicantCases } = await import("@/lib/cases/list-applicant-cases");
    const { toQueueRows } = await import("@/components/staff/to-queue-rows");
    const draft = await saveCaseDraft({ actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: FORGED }, opts());
    expect((await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).searchTerms).toEqual(expect.arrayContaining(["falso", "ajeno"]));
    await upload(citizen, draft.caseId);
    await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, opts());

    const row = await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId }, include: { applicant: { select: { name: true } }, dideduc: { select: { name: true } } } });
    const student = (row.formData as { student: Record<string, unknown> }).student;
    expect(student).toEqual({ cui: "", birthDate: MARIA.birthDate, fullName: "María José Ixcot Chávez" });
    expect(JSON.stringify(row.formData)).not.toMatch(/Falso|Ajeno/);
    expect(row.searchTerms).toEqual(expect.arrayContaining(["maria", "jose", "ixcot", "chavez"]));
    expect(row.searchTerms).not.toEqual(expect.arrayContaining(["falso"]));
    expect(row.searchTerms).not.toEqual(expect.arrayContaining(["ajeno"]));

    expect(toQueueRows([row], NOW)[0].personName).toBe("María José Ixcot Chávez");
    const listed = (await listApplicantCases({ actor: citizen }, opts())).find((c) => c.id === draft.caseId);
    expect(listed?.studentName).toBe("María José Ixcot Chávez");
    expect(await compareDiplomaRegistry(row.formData, opts())).toMatchObject({ status: "MATCHES", nameMatches: true });
  });

  // A D.2.2 request for `number` (a registry row of `holderName`, confirmed), submitted, then sent
  // back to the citizen for correction.
  async function submitThenReturn(number: string, holderName: string, year: number) {
    await w.db.diplomaRegistry.create({
      data: { registrationNumber: number, holderName, degree: "Perito Contador", school: "Instituto de Prueba", year, holderBirthDate: new Date(`${MARIA.birthDate}T00:00:00Z`) },
    });
    const form = { ...FORGED, registrationNumber: number, confirmedRegistrationNumber: number };
    const draft = await saveCaseDraft({ actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: form }, opts());
    await upload(citizen, draft.caseId);
    const sent = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, opts());
    const rejected = await performCaseAction(
      { actor: assistant, caseId: draft.caseId, action: "reject_for_correction", input: { reason: "El escaneo del reverso no se lee: escanéelo de nuevo." }, expectedVersion: sent.version, ip: null },
      opts(),
    );
    expect(rejected.state).toBe("NEEDS_CORRECTION");
    return { draft, form, rejected };
  }

  it("a resubmission after a correction takes the registry's name again, as the registry has it then", async () => {
    const { draft, form, rejected } = await submitThenReturn("D-2020-777003", "María José Ixcot Chávez", 2020);
    await w.db.diplomaRegistry.update({ where: { registrationNumber: "D-2020-777003" }, data: { holderName: "María Josefa Ixcot Chávez" } });
    // The editor sends back what it holds, names typed long ago included.
    const edited = await saveCaseDraft({ actor: citizen, caseId: draft.caseId, procedure: "DIPLOMA_FROM_2005", formData: form, expectedVersion: rejected.version }, opts());
    await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: edited.version, ip: null, now: NOW }, opts());
    const after = await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect((after.formData as { student: unknown }).student).toEqual({ cui: "", birthDate: MARIA.birthDate, fullName: "María Josefa Ixcot Chávez" });
    expect(after.searchTerms).toEqual(expect.arrayContaining(["josefa"]));
  });

  // A returned request's draft saves (decision 0027): the name the submission stored stays while the
  // record is still confirmed, whatever the client sends; undoing the confirmation drops it.
  describe("while the request is back for correction", () => {
    // A holder whose name is not the applicant's, so the queue's fallback to the applicant's name
    // cannot pass for the graduate's.
    const HOLDER = "Rosa Amalia Ixcot Chávez";
    let seq = 0;

    async function returnedRequest() {
      seq += 1;
      const number = `D-2021-7771${String(seq).padStart(2, "0")}`;
      const { draft, rejected } = await submitThenReturn(number, HOLDER, 2021);
      // What the editor sends once confirmed: no names (they are not shown), the rest as typed.
      const confirmed = { registrationNumber: number, confirmedRegistrationNumber: number, student: { cui: "", birthDate: MARIA.birthDate }, contactPhone: "5512-3478", cgcStampConfirmed: true };
      return { caseId: draft.caseId, number, version: rejected.version, confirmed };
    }

    const stored = async (caseId: string) =>
      w.db.case.findUniqueOrThrow({ where: { id: caseId }, include: { applicant: { select: { name: true } }, dideduc: { select: { name: true } } } });

    it("a draft saved while still confirmed keeps the registry's name: the queue row, the search words, the citizen's list and the case details show it, not a name the client forged", async () => {
      const { compareDiplomaRegistry } = await import("@/lib/cases/compare-diploma-registry");
      const { listApplicantCases } = await import("@/lib/cases/list-applicant-cases");
      const { toQueueRows } = await import("@/components/staff/to-queue-rows");
      const r = await returnedRequest();
      const forged = { ...r.confirmed, contactPhone: "5599-0000", student: { ...r.confirmed.student, fullName: "Otra Persona Inventada" } };
      const first = await saveCaseDraft({ actor: citizen, caseId: r.caseId, procedure: "DIPLOMA_FROM_2005", formData: forged, expectedVersion: r.version }, opts());
      // A second save, once the first dropped what the submission recorded of the registry row.
      await saveCaseDraft({ actor: citizen, caseId: r.caseId, procedure: "DIPLOMA_FROM_2005", formData: { ...forged, contactPhone: "5599-1111" }, expectedVersion: first.version }, opts());

      const row = await stored(r.caseId);
      expect(row.state).toBe("NEEDS_CORRECTION");
      expect((row.formData as { contactPhone: unknown }).contactPhone).toBe("5599-1111");
      expect((row.formData as { student: unknown }).student).toEqual({ cui: "", birthDate: MARIA.birthDate, fullName: HOLDER });
      expect(JSON.stringify(row.formData)).not.toMatch(/Otra Persona|Inventada/);
      expect(toQueueRows([row], NOW)[0].personName).toBe(HOLDER);
      expect(row.searchTerms).toEqual(expect.arrayContaining(["rosa", "amalia", "ixcot", "chavez"]));
      expect(row.searchTerms).not.toEqual(expect.arrayContaining(["inventada"]));
      expect((await listApplicantCases({ actor: citizen }, opts())).find((c) => c.id === r.caseId)?.studentName).toBe(HOLDER);
      expect(await compareDiplomaRegistry(row.formData, opts())).toMatchObject({ nameMatches: true });
      // The staff's panel still has the row recorded at submission, not "nothing recorded".
      expect(await compareDiplomaRegistry(row.formData, opts())).toMatchObject({ status: "MATCHES", atSubmission: { registrationNumber: r.number, holderName: HOLDER, checkedAt: NOW.toISOString() } });
    });

    it("undoing the confirmation («No es mi título: buscar de nuevo») drops the registry's name, and confirming again does not bring back one the client sends", async () => {
      const { toQueueRows } = await import("@/components/staff/to-queue-rows");
      const r = await returnedRequest();
      const kept = await saveCaseDraft({ actor: citizen, caseId: r.caseId, procedure: "DIPLOMA_FROM_2005", formData: r.confirmed, expectedVersion: r.version }, opts());
      let row = await stored(r.caseId);
      expect((row.formData as { student: unknown }).student).toEqual({ cui: "", birthDate: MARIA.birthDate, fullName: HOLDER });
      // Undone: the name inputs are back, with what is typed in them now.
      const undone = { ...r.confirmed, confirmedRegistrationNumber: undefined, student: { ...r.confirmed.student, firstNames: "Rosa", lastNames: "Ixcot", fullName: HOLDER } };
      const saved = await saveCaseDraft({ actor: citizen, caseId: r.caseId, procedure: "DIPLOMA_FROM_2005", formData: undone, expectedVersion: kept.version }, opts());
      row = await stored(r.caseId);
      expect((row.formData as { student: unknown }).student).toEqual({ firstNames: "Rosa", lastNames: "Ixcot", cui: "", birthDate: MARIA.birthDate });
      expect(row.formData).not.toHaveProperty("registryAtSubmission");
      expect(toQueueRows([row], NOW)[0].personName).toBe("Rosa Ixcot");
      expect(row.searchTerms).not.toEqual(expect.arrayContaining(["amalia"]));

      // Confirmed again with the registry's name forged in: nothing stored to keep, and the client's is never taken.
      await saveCaseDraft(
        { actor: citizen, caseId: r.caseId, procedure: "DIPLOMA_FROM_2005", formData: { ...r.confirmed, student: { ...r.confirmed.student, fullName: HOLDER } }, expectedVersion: saved.version },
        opts(),
      );
      row = await stored(r.caseId);
      expect((row.formData as { student: unknown }).student).toEqual({ cui: "", birthDate: MARIA.birthDate });

      // The resubmission reads the registry's name again.
      await submitCase({ actor: citizen, caseId: r.caseId, expectedVersion: row.version, ip: null, now: NOW }, opts());
      row = await stored(r.caseId);
      expect((row.formData as { student: unknown }).student).toEqual({ cui: "", birthDate: MARIA.birthDate, fullName: HOLDER });
    });

    it("the name is kept for the number it was read for, in any spelling; another number confirmed drops it", async () => {
      const r = await returnedRequest();
      const other = await returnedRequest();
      // The same number in another spelling is still the same record confirmed.
      const kept = await saveCaseDraft(
        { actor: citizen, caseId: r.caseId, procedure: "DIPLOMA_FROM_2005", formData: { ...r.confirmed, registrationNumber: r.number.replaceAll("-", " ").toLowerCase() }, expectedVersion: r.version },
        opts(),
      );
      expect((await stored(r.caseId)).formData).toMatchObject({ student: { fullName: HOLDER } });
      await saveCaseDraft(
        { actor: citizen, caseId: r.caseId, procedure: "DIPLOMA_FROM_2005", formData: { ...r.confirmed, registrationNumber: other.number, confirmedRegistrationNumber: other.number }, expectedVersion: kept.version },
        opts(),
      );
      const row = await stored(r.caseId);
      expect(row.formData).toMatchObject({ confirmedRegistrationNumber: other.number });
      expect((row.formData as { student: unknown }).student).toEqual({ cui: "", birthDate: MARIA.birthDate });
      expect(row.formData).not.toHaveProperty("registryAtSubmission");
    });
  });
});

describe("compareDiplomaRegistry (the central review's panel)", () => {
  it("says whether the registry row changed or disappeared since submission", async () => {
    const { compareDiplomaRegistry } = await import("@/lib/cases/compare-diploma-registry");
    await w.db.diplomaRegistry.create({
      data: { registrationNumber: "D-2019-777002", holderName: "María José Ixcot Chávez", degree: "Perito Contador", school: "Instituto de Prueba", year: 2019, holderBirthDate: new Date(`${MARIA.birthDate}T00:00:00Z`) },
    });
    const form = { ...FORM, registrationNumber: "D 2019 777002", confirmedRegistrationNumber: "D-2019-777002" };
    const draft = await saveCaseDraft({ actor: citizen, procedure: "DIPLOMA_FROM_2005", formData: form }, opts());
    expect(await compareDiplomaRegistry(form, opts())).toMatchObject({ typedNumber: "D 2019 777002", number: "D-2019-777002", status: "NOT_SUBMITTED", nameMatches: true });

    await upload(citizen, draft.caseId);
    await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, opts());
    const submitted = async () => (await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).formData;
    expect(await compareDiplomaRegistry(await submitted(), opts())).toMatchObject({ status: "MATCHES", changes: [], atSubmission: { checkedAt: NOW.toISOString() } });

    await w.db.diplomaRegistry.update({ where: { registrationNumber: "D-2019-777002" }, data: { holderName: "María Josefa Ixcot Chávez", year: 2018 } });
    const changed = await compareDiplomaRegistry(await submitted(), opts());
    expect(changed.status).toBe("CHANGED");
    expect(changed.changes).toEqual([
      { label: "Nombre", atSubmission: "María José Ixcot Chávez", now: "María Josefa Ixcot Chávez" },
      { label: "Año", atSubmission: "2019", now: "2018" },
    ]);
    expect(changed.nameMatches).toBe(false);

    await w.db.diplomaRegistry.delete({ where: { registrationNumber: "D-2019-777002" } });
    const missing = await compareDiplomaRegistry(await submitted(), opts());
    expect(missing).toMatchObject({ status: "MISSING", current: null, atSubmission: { holderName: "María José Ixcot Chávez" } });
  });

  it("names an ATE-INS-04 title", async () => {
    const { compareDiplomaRegistry } = await import("@/lib/cases/compare-diploma-registry");
    const c = await compareDiplomaRegistry({ registrationNumber: "D-2006-002741" }, opts());
    expect(c.status).toBe("OTHER_PROCEDURE");
    expect(c.current?.otherProcedureMessage).toMatch(/ATE-INS-04/);
  });
});
