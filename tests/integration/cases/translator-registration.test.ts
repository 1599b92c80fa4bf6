import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptTranslatorRegistration } from "@/lib/cases/accept-translator-registration";
import { explainOwnRefusal } from "@/lib/cases/explain-own-refusal";
import { listApplicantCases } from "@/lib/cases/list-applicant-cases";
import { findTranslatorRegistration } from "@/lib/cases/find-translator-registration";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { submitCase } from "@/lib/cases/submit-case";
import type { FileKind } from "@/lib/generated/prisma/enums";
import { checkSwornTranslator } from "@/lib/registry/check-sworn-translator";
import { searchSwornTranslators } from "@/lib/registry/search-sworn-translators";
import { storeUpload } from "@/lib/uploads/store-upload";
import { makePdf } from "../../unit/uploads/pdf-fixtures";
import { createRegistryWorld, type TRegistryWorld } from "../registry/registry-world";

// D.4 on PostgreSQL with the seed's world: a translator account files its registration (the
// resolution is the only file it takes), the central manager alone sees and decides it; accepting
// writes the registry entry and the translator's mail in the same transaction, or nothing at all.
let w: TRegistryWorld;
type TActor = Awaited<ReturnType<TRegistryWorld["user"]>>;
let diego: TActor;
let ana: TActor;
let manager: TActor;
let assistant: TActor;
let coordinator: TActor;
let gn: { id: string; name: string };
let xela: { id: string; name: string };

const opts = () => ({ db: w.db });

function form(over: Record<string, unknown> = {}) {
  return {
    name: "Diego Alejandro Rodríguez Sánchez",
    gender: "MASCULINE",
    languages: ["inglés", "alemán"],
    otherLanguages: "Portugués, swahili",
    appointmentResolution: "Acuerdo Ministerial 1187-2021",
    dideducRegistrationNumber: "TJ-QZ-0107",
    dideducId: xela.id,
    resolutionStampConfirmed: true,
    contactPhone: "5512-3478",
    ...over,
  };
}

async function upload(actor: { id: string }, caseId: string, kind: FileKind = "APPOINTMENT_RESOLUTION") {
  return storeUpload(actor, { kind, originalName: "resolucion.pdf", caseId, body: Readable.from([await makePdf(1)]) }, {
    db: w.db,
    storage: w.storage,
    tmpDir: path.join(w.root, "tmp"),
  });
}

// A submitted registration (MANAGER_REVIEW) of `actor` with `data`.
async function filed(actor: TActor, data: Record<string, unknown>) {
  const draft = await saveCaseDraft({ actor, procedure: "TRANSLATOR_REGISTRATION", formData: data }, opts());
  await upload(actor, draft.caseId);
  const sent = await submitCase({ actor, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts());
  return { caseId: draft.caseId, number: draft.number, version: sent.version };
}

async function mailsOf(caseId: string) {
  return w.db.outboxMail.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  w = await createRegistryWorld();
  diego = await w.user("traductor");
  ana = await w.user("traductora");
  manager = await w.user("encargado.central");
  assistant = await w.user("asistente.central");
  coordinator = await w.user("coordinadora.central");
  gn = await w.db.dideduc.findUniqueOrThrow({ where: { name: "Guatemala Norte" }, select: { id: true, name: true } });
  xela = await w.db.dideduc.findUniqueOrThrow({ where: { name: "Quetzaltenango" }, select: { id: true, name: true } });
});
afterAll(async () => {
  await w?.cleanup();
});

describe("filing a registration", () => {
  it("is the applicant's own procedure: a staff account cannot start it", async () => {
    await expect(saveCaseDraft({ actor: manager, procedure: "TRANSLATOR_REGISTRATION", formData: {} }, opts())).rejects.toMatchObject({ code: "FORBIDDEN_ROLE" });
    await expect(saveCaseDraft({ actor: assistant, procedure: "TRANSLATOR_REGISTRATION", formData: {} }, opts())).rejects.toMatchObject({ code: "FORBIDDEN_ROLE" });
  });

  it("reports every missing field at once, takes only the resolution as a file, and changes nothing when refused", async () => {
    const draft = await saveCaseDraft({ actor: diego, procedure: "TRANSLATOR_REGISTRATION", formData: { name: "Diego", languages: [], junk: 1 } }, opts());
    expect(draft.number).toMatch(/^RT-\d{4}-\d{6}$/);
    const stored = await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect(stored.formData).toEqual({ name: "Diego", languages: [] });

    await expect(upload(diego, draft.caseId, "SCAN")).rejects.toMatchObject({ name: "UploadError", code: "NOT_ACCEPTED", message: expect.stringContaining("solo se adjunta la resolución") });

    const refused = await submitCase({ actor: diego, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts()).catch((e) => e);
    expect(refused).toMatchObject({ code: "INVALID_INPUT" });
    expect(Object.keys(refused.fieldErrors).sort()).toEqual(
      ["appointmentResolution", "dideducId", "dideducRegistrationNumber", "files", "gender", "languages", "name", "resolutionStampConfirmed"].sort(),
    );
    expect(refused.fieldErrors.languages).toEqual(["Marque al menos un idioma de su nombramiento, o escríbalo en «Otros idiomas»."]);
    expect(refused.fieldErrors.resolutionStampConfirmed[0]).toContain("sello de registro de la Dirección Departamental");
    // "Forma de trato": asked of the translator, never guessed from the name (issue #12, point 4).
    expect(refused.fieldErrors.gender).toEqual(["Elija cómo desea ser nombrado(a) en las certificaciones: traductora jurada o traductor jurado."]);
    expect(refused.fieldErrors.files[0]).toContain("resolución o el acuerdo");
    expect(await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).toMatchObject({ state: "DRAFT", version: draft.version });
    expect(await mailsOf(draft.caseId)).toEqual([]);
    await w.db.case.update({ where: { id: draft.caseId }, data: { state: "REJECTED" } });
  });

  it("refuses a registration number the registry holds for another translator, next to that field", async () => {
    const draft = await saveCaseDraft(
      { actor: diego, procedure: "TRANSLATOR_REGISTRATION", formData: form({ dideducId: gn.id, dideducRegistrationNumber: " tj-gn-0042 " }) },
      opts(),
    );
    await upload(diego, draft.caseId);
    const refused = await submitCase({ actor: diego, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts()).catch((e) => e);
    expect(refused).toMatchObject({ code: "INVALID_INPUT" });
    expect(refused.fieldErrors).toEqual({
      dideducRegistrationNumber: [expect.stringContaining("El número de registro TJ-GN-0042 de esa Dirección Departamental ya consta en el registro de traductores jurados a nombre de otra persona")],
    });
    expect((await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).state).toBe("DRAFT");
    await w.db.case.update({ where: { id: draft.caseId }, data: { state: "REJECTED" } });
  });
});

describe("the central manager's decision", () => {
  it("lists the registration for the manager only; accepting creates the registry entry and mails the translator", async () => {
    const before = await findTranslatorRegistration({ actor: diego }, opts());
    expect(before.entry).toBeNull();

    const reg = await filed(diego, form());
    expect((await w.db.case.findUniqueOrThrow({ where: { id: reg.caseId } })).state).toBe("MANAGER_REVIEW");
    const submitted = await mailsOf(reg.caseId);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ to: "traductor@demo.certifica.gt", subject: `Recibimos su solicitud ${reg.number}` });
    expect((await findTranslatorRegistration({ actor: diego }, opts())).latestCase).toMatchObject({ id: reg.caseId, state: "MANAGER_REVIEW" });

    const managerQueue = await listCaseQueue({ actor: manager, segment: "atencion" }, opts());
    expect(managerQueue.rows.map((r) => r.id)).toContain(reg.caseId);
    expect((await listCaseQueue({ actor: manager, segment: "atencion", state: "MANAGER_REVIEW" }, opts())).rows.map((r) => r.id)).toEqual([reg.caseId]);
    for (const staff of [assistant, coordinator]) {
      expect((await listCaseQueue({ actor: staff, segment: "atencion" }, opts())).rows.map((r) => r.id)).not.toContain(reg.caseId);
      expect((await listCaseQueue({ actor: staff, segment: "atencion", state: "MANAGER_REVIEW" }, opts())).rows).toEqual([]);
      expect((await listCaseQueue({ actor: staff, segment: "atencion", procedure: "TRANSLATOR_REGISTRATION" }, opts())).rows).toEqual([]);
    }

    const managerView = await getCaseForActor({ actor: manager, caseId: reg.caseId }, opts());
    expect(managerView?.actions.map((a) => a.action).sort()).toEqual(["accept", "reject"]);
    expect(managerView?.files.map((f) => f.kind)).toEqual(["APPOINTMENT_RESOLUTION"]);
    expect((await getCaseForActor({ actor: assistant, caseId: reg.caseId }, opts()))?.actions).toEqual([]);
    await expect(acceptTranslatorRegistration({ actor: assistant, caseId: reg.caseId, expectedVersion: reg.version, ip: null }, opts())).rejects.toMatchObject({
      code: "FORBIDDEN_ROLE",
    });

    const accepted = await acceptTranslatorRegistration({ actor: manager, caseId: reg.caseId, expectedVersion: reg.version, ip: "10.1.2.3" }, opts());
    expect(accepted.state).toBe("REGISTERED");
    const entry = await w.db.swornTranslator.findUniqueOrThrow({ where: { id: accepted.translatorId } });
    expect(entry).toMatchObject({
      userId: diego.id,
      name: "Diego Alejandro Rodríguez Sánchez",
      languages: ["inglés", "alemán", "portugués", "swahili"],
      appointmentResolution: "Acuerdo Ministerial 1187-2021",
      dideducRegistrationNumber: "TJ-QZ-0107",
      dideducId: xela.id,
      gender: "MASCULINE",
      active: true,
      registrationCaseId: reg.caseId,
    });

    const mails = await mailsOf(reg.caseId);
    expect(mails).toHaveLength(2);
    expect(mails[1].to).toBe("traductor@demo.certifica.gt");
    expect(mails[1].subject).toBe(`Su registro de traductor jurado ${reg.number} fue realizado`);
    for (const text of ["TJ-QZ-0107", "Quetzaltenango", "inglés, alemán, portugués, swahili", "Acuerdo Ministerial 1187-2021"]) expect(mails[1].text).toContain(text);
    expect(mails[1].text.replace(/\s+/g, " ")).toContain("ya está inscrito en el registro de traductores jurados. Las personas que soliciten la certificación de sus traducciones juradas podrán elegirlo en Certifica.");

    const audit = await w.db.auditEvent.findFirstOrThrow({ where: { action: "admin.register_translator", actorId: manager.id } });
    expect(audit).toMatchObject({ caseId: null, role: "CENTRAL_MANAGER", ip: "10.1.2.3", data: expect.objectContaining({ caseId: reg.caseId, translatorId: entry.id, gender: "MASCULINE" }) });
    expect(await w.db.auditEvent.findFirst({ where: { caseId: reg.caseId, action: "accept" } })).toMatchObject({ fromState: "MANAGER_REVIEW", toState: "REGISTERED" });

    // What the translator's page and the citizens' picker now show.
    const after = await findTranslatorRegistration({ actor: diego }, opts());
    expect(after.latestCase).toMatchObject({ id: reg.caseId, state: "REGISTERED" });
    expect(after.entry).toMatchObject({ dideducRegistrationNumber: "TJ-QZ-0107", dideducName: "Quetzaltenango", languages: ["inglés", "alemán", "portugués", "swahili"], active: true });
    expect((await searchSwornTranslators({ q: "tj-qz-0107" }, { db: w.db })).rows.map((r) => r.id)).toEqual([entry.id]);
    expect(await checkSwornTranslator({ agreementNumber: "1187-2021", language: "Alemán", registrationNumber: "TJ-QZ-0107", name: "Diego Alejandro Rodríguez Sánchez" }, { db: w.db })).toMatchObject({
      ok: true,
    });

    // A second click on the outdated page changes nothing.
    await expect(acceptTranslatorRegistration({ actor: manager, caseId: reg.caseId, expectedVersion: reg.version, ip: null }, opts())).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect(await w.db.swornTranslator.count({ where: { userId: diego.id } })).toBe(1);
  });

  it("updates an entry imported before the platform (same DIDEDUC and number, no account) instead of duplicating it", async () => {
    const eva = await w.db.user.create({ data: { email: "eva.traductora@example.test", name: "Eva María Chen López", passwordHash: "x", roles: ["TRANSLATOR"] } });
    const evaActor = { id: eva.id, roles: eva.roles, dideducId: null, name: eva.name, email: eva.email };
    const imported = await w.db.swornTranslator.create({
      data: { name: "Eva Maria Chen", languages: ["chino mandarín"], appointmentResolution: "Resolución 88-2010", dideducRegistrationNumber: "TJ-GN-0088", dideducId: gn.id, active: false },
    });
    const reg = await filed(evaActor, form({ name: "Eva María Chen López", gender: "FEMININE", languages: ["chino mandarín", "inglés"], otherLanguages: "", appointmentResolution: "Resolución 88-2010", dideducRegistrationNumber: "TJ-GN-0088", dideducId: gn.id }));
    const accepted = await acceptTranslatorRegistration({ actor: manager, caseId: reg.caseId, expectedVersion: reg.version, ip: null }, opts());
    expect(accepted.translatorId).toBe(imported.id);
    expect(await w.db.swornTranslator.findUniqueOrThrow({ where: { id: imported.id } })).toMatchObject({
      userId: eva.id,
      name: "Eva María Chen López",
      languages: ["chino mandarín", "inglés"],
      gender: "FEMININE",
      active: true,
      registrationCaseId: reg.caseId,
      registeredAt: imported.registeredAt,
    });
    expect((await mailsOf(reg.caseId)).at(-1)!.text.replace(/\s+/g, " ")).toContain("ya está inscrita en el registro de traductores jurados. Las personas que soliciten la certificación de sus traducciones juradas podrán elegirla en Certifica.");
    expect(await w.db.swornTranslator.count({ where: { dideducRegistrationNumber: "TJ-GN-0088" } })).toBe(1);
    expect(await w.db.auditEvent.count({ where: { action: "admin.update_translator", data: { path: ["translatorId"], equals: imported.id } } })).toBe(1);
  });

  it('"registra la información en la base de datos del sistema": a registration sent before the form asked "Forma de trato" is accepted without one, and the entry keeps the form the administration set', async () => {
    const noa = await w.db.user.create({ data: { email: "noa.traductora@example.test", name: "Noa Pérez Xol", passwordHash: "x", roles: ["TRANSLATOR"] } });
    const noaActor = { id: noa.id, roles: noa.roles, dideducId: null, name: noa.name, email: noa.email };
    const reg = await filed(noaActor, form({ name: "Noa Pérez Xol", dideducRegistrationNumber: "TJ-QZ-0311" }));
    // As stored by the form before the question existed.
    const stored = await w.db.case.findUniqueOrThrow({ where: { id: reg.caseId } });
    const { gender: _gender, ...older } = stored.formData as Record<string, unknown>;
    await w.db.case.update({ where: { id: reg.caseId }, data: { formData: older as object } });

    const accepted = await acceptTranslatorRegistration({ actor: manager, caseId: reg.caseId, expectedVersion: reg.version, ip: null }, opts());
    expect(accepted.state).toBe("REGISTERED");
    expect((await w.db.swornTranslator.findUniqueOrThrow({ where: { id: accepted.translatorId } })).gender).toBeNull();
    expect((await mailsOf(reg.caseId)).at(-1)!.text.replace(/\s+/g, " ")).toContain("ya está inscrito(a) en el registro");

    // The administration records it; a later registration without the answer does not erase it.
    await w.db.swornTranslator.update({ where: { id: accepted.translatorId }, data: { gender: "FEMININE" } });
    const again = await filed(noaActor, form({ name: "Noa Pérez Xol", dideducRegistrationNumber: "TJ-QZ-0311", languages: ["inglés", "francés"] }));
    const againStored = await w.db.case.findUniqueOrThrow({ where: { id: again.caseId } });
    const { gender: _g, ...againOlder } = againStored.formData as Record<string, unknown>;
    await w.db.case.update({ where: { id: again.caseId }, data: { formData: againOlder as object } });
    await acceptTranslatorRegistration({ actor: manager, caseId: again.caseId, expectedVersion: again.version, ip: null }, opts());
    expect(await w.db.swornTranslator.findUniqueOrThrow({ where: { id: accepted.translatorId } })).toMatchObject({ gender: "FEMININE", languages: ["inglés", "francés", "portugués", "swahili"] });
  });

  it("refuses to accept a number that became another translator's meanwhile, saying whose, and changes nothing", async () => {
    const luis = await w.db.user.create({ data: { email: "luis.traductor@example.test", name: "Luis Ernesto Ajú Tzoc", passwordHash: "x", roles: ["TRANSLATOR"] } });
    const luisActor = { id: luis.id, roles: luis.roles, dideducId: null, name: luis.name, email: luis.email };
    const reg = await filed(luisActor, form({ name: "Luis Ernesto Ajú Tzoc", dideducRegistrationNumber: "TJ-QZ-0500" }));
    // Registered to somebody else's account after the request was sent.
    const owner = await w.db.user.create({ data: { email: "otra.persona@example.test", name: "Otra Persona", passwordHash: "x", roles: ["TRANSLATOR"] } });
    await w.db.swornTranslator.create({
      data: { userId: owner.id, name: "Otra Persona", languages: ["inglés"], appointmentResolution: "Acuerdo 1-2000", dideducRegistrationNumber: "TJ-QZ-0500", dideducId: xela.id },
    });
    const mailsBefore = (await mailsOf(reg.caseId)).length;

    const refused = await acceptTranslatorRegistration({ actor: manager, caseId: reg.caseId, expectedVersion: reg.version, ip: null }, opts()).catch((e) => e);
    expect(refused).toMatchObject({ name: "TransitionError", code: "INVALID_INPUT" });
    expect(refused.message).toContain("El número de registro TJ-QZ-0500 de la DIDEDUC Quetzaltenango ya pertenece a otro traductor jurado (Otra Persona)");
    expect(await w.db.case.findUniqueOrThrow({ where: { id: reg.caseId } })).toMatchObject({ state: "MANAGER_REVIEW", version: reg.version });
    expect(await w.db.swornTranslator.findUnique({ where: { userId: luis.id } })).toBeNull();
    expect(await mailsOf(reg.caseId)).toHaveLength(mailsBefore);
    expect(await w.db.auditEvent.count({ where: { caseId: reg.caseId, action: "accept" } })).toBe(0);

    // The manager rejects with the missing requirement instead: the translator reads it by mail.
    const reason = "El número de registro de su resolución no coincide con el libro de la DIDEDUC de Quetzaltenango: adjunte la resolución con el sello de registro legible.";
    const rejected = await performCaseAction({ actor: manager, caseId: reg.caseId, action: "reject", input: { reason }, expectedVersion: reg.version, ip: null }, opts());
    expect(rejected.state).toBe("REJECTED");
    const mails = await mailsOf(reg.caseId);
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)).toMatchObject({ to: "luis.traductor@example.test", subject: `Su solicitud ${reg.number} fue rechazada` });
    expect(mails.at(-1)!.text).toContain(reason);
    expect(await findTranslatorRegistration({ actor: luisActor }, opts())).toMatchObject({ latestCase: { state: "REJECTED", lastNote: reason }, entry: null });
  });

  it("does not let a translator send a second registration while one is under review", async () => {
    const marta = await w.db.user.create({ data: { email: "marta.traductora@example.test", name: "Marta Lidia Sic Pop", passwordHash: "x", roles: ["TRANSLATOR"] } });
    const martaActor = { id: marta.id, roles: marta.roles, dideducId: null, name: marta.name, email: marta.email };
    const first = await filed(martaActor, form({ name: "Marta Lidia Sic Pop", dideducRegistrationNumber: "TJ-QZ-0777" }));
    const second = await saveCaseDraft({ actor: martaActor, procedure: "TRANSLATOR_REGISTRATION", formData: form({ name: "Marta Lidia Sic Pop", dideducRegistrationNumber: "TJ-QZ-0777" }) }, opts());
    await upload(martaActor, second.caseId);
    await expect(submitCase({ actor: martaActor, caseId: second.caseId, expectedVersion: second.version, ip: null }, opts())).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { _form: [expect.stringContaining(`Ya tiene una solicitud de registro en revisión (${first.number})`)] },
    });
  });
});

// Issue #14 §5: "One person can be both a citizen and a sworn translator: … Let a signed-in citizen
// apply for D.4 with the same account" (decision 0025).
describe("a citizen's account files D.4 with the same account", () => {
  it("files, and on acceptance the account gains the translator role, keeps the citizen role and its requests, and can still request certifications", async () => {
    const user = await w.db.user.create({ data: { email: "lucia.citizen.translator@example.test", name: "Lucía Fernanda Tzul Pop", passwordHash: "x", roles: ["CITIZEN"] } });
    const lucia = { id: user.id, roles: user.roles, dideducId: null, name: user.name, email: user.email };
    const earlier = await saveCaseDraft({ actor: lucia, procedure: "SWORN_TRANSLATION", formData: {} }, opts());

    const reg = await filed(lucia, form({ name: "Lucía Fernanda Tzul Pop", gender: "FEMININE", dideducRegistrationNumber: "TJ-QZ-0777" }));
    expect(await w.db.auditEvent.findFirst({ where: { caseId: reg.caseId, action: "submit" } })).toMatchObject({ actorId: lucia.id, role: "CITIZEN" });
    const accepted = await acceptTranslatorRegistration({ actor: manager, caseId: reg.caseId, expectedVersion: reg.version, ip: "10.9.8.7" }, opts());
    expect(accepted.state).toBe("REGISTERED");

    const after = await w.db.user.findUniqueOrThrow({ where: { id: lucia.id } });
    expect([...after.roles].sort()).toEqual(["CITIZEN", "TRANSLATOR"]);
    expect(await w.db.user.count({ where: { email: { startsWith: "lucia.citizen.translator" } } })).toBe(1);
    expect(await w.db.swornTranslator.findUniqueOrThrow({ where: { userId: lucia.id } })).toMatchObject({ dideducRegistrationNumber: "TJ-QZ-0777", active: true });
    // Audited as an account change by the manager, with the roles before and after.
    const granted = await w.db.auditEvent.findFirstOrThrow({ where: { action: "account.grant_translator_role" } });
    expect(granted).toMatchObject({
      actorId: manager.id,
      role: "CENTRAL_MANAGER",
      ip: "10.9.8.7",
      data: expect.objectContaining({ userId: lucia.id, rolesBefore: ["CITIZEN"], rolesAfter: ["CITIZEN", "TRANSLATOR"], caseId: reg.caseId }),
    });

    const both = { ...lucia, roles: after.roles };
    expect((await listApplicantCases({ actor: both }, opts())).map((c) => c.id)).toEqual(expect.arrayContaining([earlier.caseId, reg.caseId]));
    // Still a citizen: a certification of an educational record (CITIZEN only) can be requested.
    await expect(saveCaseDraft({ actor: both, procedure: "EDUCATIONAL_RECORD", formData: {} }, opts())).resolves.toMatchObject({ number: expect.stringMatching(/-/) });
    expect((await findTranslatorRegistration({ actor: both }, opts())).entry).toMatchObject({ dideducRegistrationNumber: "TJ-QZ-0777" });
  });

  it("a translator account accepted again is not given the role twice, and no account change is recorded", async () => {
    const before = await w.db.auditEvent.count({ where: { action: "account.grant_translator_role" } });
    const reg = await filed(ana, form({ name: "Ana Traductora", gender: "FEMININE", dideducRegistrationNumber: "TJ-QZ-0778" }));
    await acceptTranslatorRegistration({ actor: manager, caseId: reg.caseId, expectedVersion: reg.version, ip: null }, opts());
    expect((await w.db.user.findUniqueOrThrow({ where: { id: ana.id } })).roles).toEqual(["TRANSLATOR"]);
    expect(await w.db.auditEvent.count({ where: { action: "account.grant_translator_role" } })).toBe(before);
  });

  it("a refused acceptance (number taken) grants nothing", async () => {
    const user = await w.db.user.create({ data: { email: "mario.refused@example.test", name: "Mario Refused", passwordHash: "x", roles: ["CITIZEN"] } });
    const mario = { id: user.id, roles: user.roles, dideducId: null, name: user.name, email: user.email };
    const reg = await filed(mario, form({ name: "Mario Refused", dideducRegistrationNumber: "TJ-QZ-0779" }));
    // Meanwhile the number becomes another translator's entry.
    const other = await w.db.user.create({ data: { email: "otro.tj@example.test", name: "Otra Persona", passwordHash: "x", roles: ["TRANSLATOR"] } });
    await w.db.swornTranslator.create({
      data: { name: "Otra Persona", languages: ["inglés"], appointmentResolution: "R 1", dideducRegistrationNumber: "TJ-QZ-0779", dideducId: xela.id, userId: other.id },
    });
    await expect(acceptTranslatorRegistration({ actor: manager, caseId: reg.caseId, expectedVersion: reg.version, ip: null }, opts())).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await w.db.user.findUniqueOrThrow({ where: { id: mario.id } })).roles).toEqual(["CITIZEN"]);
  });
});

// Issue #14 §5: "a refusal caused by the person's own earlier action must not blame 'alguien más'".
describe("a refusal after one's own earlier action", () => {
  it("says the person already acted when the case's latest event is theirs, and blames someone else otherwise", async () => {
    const user = await w.db.user.create({ data: { email: "own.refusal@example.test", name: "Own Refusal", passwordHash: "x", roles: ["TRANSLATOR"] } });
    const applicant = { id: user.id, roles: user.roles, dideducId: null, name: user.name, email: user.email };
    const reg = await filed(applicant, form({ name: "Own Refusal", dideducRegistrationNumber: "TJ-QZ-0780" }));
    await acceptTranslatorRegistration({ actor: manager, caseId: reg.caseId, expectedVersion: reg.version, ip: null }, opts());

    const again = () => acceptTranslatorRegistration({ actor: manager, caseId: reg.caseId, expectedVersion: reg.version, ip: null }, opts());
    const own = await explainOwnRefusal({ actorId: manager.id, caseId: reg.caseId }, again, opts()).catch((e) => e);
    expect(own).toMatchObject({ code: "STALE_VERSION" });
    expect(own.message).toContain("Usted ya actuó en esta solicitud: ahora está «Registrado»");
    expect(own.message).not.toContain("Alguien más");

    const other = await explainOwnRefusal({ actorId: assistant.id, caseId: reg.caseId }, again, opts()).catch((e) => e);
    expect(other).toMatchObject({ code: "STALE_VERSION" });
    expect(other.message).toContain("Alguien más modificó esta solicitud");
    // Nothing else is reworded, and what succeeds passes through.
    await expect(explainOwnRefusal({ actorId: manager.id, caseId: reg.caseId }, async () => 7, opts())).resolves.toBe(7);
  });
});
