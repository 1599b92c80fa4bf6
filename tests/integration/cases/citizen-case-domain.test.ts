import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { getUploadedFileForActor } from "@/lib/cases/get-uploaded-file-for-actor";
import { listApplicantCases } from "@/lib/cases/list-applicant-cases";
import { listDideducs } from "@/lib/cases/list-dideducs";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { removeCaseFile } from "@/lib/cases/remove-case-file";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { startCaseFrom } from "@/lib/cases/start-case-from";
import { submitCase } from "@/lib/cases/submit-case";
import type { Role } from "@/lib/generated/prisma/enums";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { storeUpload } from "@/lib/uploads/store-upload";
import { createSessionUser, createTestDideduc } from "../../helpers/database-fixtures";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { makePdf } from "../../unit/uploads/pdf-fixtures";

// The citizen side of lib/cases on PostgreSQL: drafts that keep everything, submission that
// validates everything at once and changes nothing when refused, the correction loop, the
// rejection with guidance and start-from, scope, and the outbox mail of each event.
let tdb: TTestDatabase;
let root: string;
let storage: LocalDiskStorage;
let citizen: TSessionUser;
let other: TSessionUser;
let reviewer: TSessionUser;
let dideducId: string;

const VALID_FORM = {
  modality: "ESCOLAR",
  documentKinds: ["CERTIFICADOS_ESTUDIO", "OTROS"],
  otherDescription: "Constancia de conducta",
  student: { firstNames: "María José", lastNames: "Ixcot Chávez", birthDate: "2001-04-12" },
  studies: [
    { level: "Quinto primaria", year: 2011, institution: "EORM Mixco" },
    { level: "Sexto primaria", year: 2012, institution: "EORM Mixco" },
  ],
  contactPhone: "5512-3478",
  signedBy: "DIDEDUC",
};
const GUIDANCE = { name: "Supervisión Educativa de Mixco", phone: "2435-1122", address: "4a. calle 3-10, zona 1, Mixco" };

const user = (email: string, roles: Role[], dideduc: string | null) => createSessionUser(tdb.prisma, email, roles, dideduc, { name: `Nombre ${email.split("@")[0]}` });

async function upload(actor: TSessionUser, caseId: string, name = "certificados.pdf") {
  const bytes = await makePdf(2);
  return storeUpload(actor, { kind: "SCAN", originalName: name, caseId, body: Readable.from([bytes]) }, { db: tdb.prisma, storage, tmpDir: path.join(root, "tmp") });
}

const opts = () => ({ db: tdb.prisma });

beforeAll(async () => {
  tdb = await createTestDatabase();
  root = await fs.mkdtemp(path.join(os.tmpdir(), "cases-domain-"));
  storage = new LocalDiskStorage(path.join(root, "files"));
  dideducId = await createTestDideduc(tdb.prisma, "GN", "Guatemala Norte");
  citizen = await user("ciudadana@example.test", ["CITIZEN"], null);
  other = await user("otro@example.test", ["CITIZEN"], null);
  reviewer = await user("revisora@example.test", ["DIDEDUC_REVIEWER"], dideducId);
});
afterAll(async () => {
  await tdb?.drop();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe("drafts", () => {
  it("keeps everything typed and uploaded across saves and reloads, drops unknown keys, and guards owner and version", async () => {
    const first = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", formData: { student: { firstNames: "María" }, junk: "x" } }, opts());
    expect(first.number).toMatch(/^EE-\d{4}-\d{6}$/);
    const file = await upload(citizen, first.caseId);
    const second = await saveCaseDraft(
      { actor: citizen, caseId: first.caseId, procedure: "EDUCATIONAL_RECORD", dideducId, formData: VALID_FORM, expectedVersion: first.version },
      opts(),
    );
    expect(second).toEqual({ caseId: first.caseId, number: first.number, version: first.version + 1 });

    const view = await getCaseForActor({ actor: citizen, caseId: first.caseId }, opts());
    expect(view?.case.formData).toEqual(VALID_FORM);
    expect(view?.case).toMatchObject({ state: "DRAFT", dideducId, version: second.version });
    expect(view?.files.map((f) => [f.id, f.originalName, f.pages])).toEqual([[file.id, "certificados.pdf", 2]]);
    // Issue #14: a draft can also be deleted, by its own operation.
    expect(view?.actions.map((a) => [a.action, a.operation])).toEqual([
      ["submit", "submit"],
      ["discard_draft", "discard_draft"],
    ]);

    await expect(
      saveCaseDraft({ actor: citizen, caseId: first.caseId, procedure: "EDUCATIONAL_RECORD", formData: {}, expectedVersion: first.version }, opts()),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    await expect(
      saveCaseDraft({ actor: other, caseId: first.caseId, procedure: "EDUCATIONAL_RECORD", formData: {}, expectedVersion: second.version }, opts()),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      saveCaseDraft({ actor: citizen, caseId: first.caseId, procedure: "EDUCATIONAL_RECORD", dideducId: "nope", formData: VALID_FORM, expectedVersion: second.version }, opts()),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { dideducId: [expect.any(String)] } });
    const after = await tdb.prisma.case.findUniqueOrThrow({ where: { id: first.caseId } });
    expect(after).toMatchObject({ version: second.version, dideducId, formData: VALID_FORM });
  });

  it("lets only the owner upload to and remove files from a draft, and serves a file only to who may see it", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", formData: {} }, opts());
    await expect(upload(other, draft.caseId)).rejects.toMatchObject({ name: "UploadError" });
    const file = await upload(citizen, draft.caseId);
    const served = await getUploadedFileForActor({ actor: citizen, fileId: file.id, storage }, opts());
    expect(served?.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await getUploadedFileForActor({ actor: other, fileId: file.id, storage }, opts())).toBeNull();
    // A draft is the applicant's alone, even for the DIDEDUC it names.
    expect(await getUploadedFileForActor({ actor: reviewer, fileId: file.id, storage }, opts())).toBeNull();
    await expect(removeCaseFile({ actor: other, caseId: draft.caseId, fileId: file.id }, opts())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await removeCaseFile({ actor: citizen, caseId: draft.caseId, fileId: file.id }, opts());
    expect(await tdb.prisma.uploadedFile.count({ where: { id: file.id } })).toBe(0);
  });
});

describe("submission", () => {
  it("reports every field error at once and changes nothing, without a mail", async () => {
    const draft = await saveCaseDraft(
      {
        actor: citizen,
        procedure: "EDUCATIONAL_RECORD",
        formData: { ...VALID_FORM, otherDescription: "", student: { firstNames: "Ana" }, studies: [{ level: "Primero", institution: "X" }] },
      },
      opts(),
    );
    const error = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts()).catch((e) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["dideducId", "files", "otherDescription", "student.lastNames", "studies.0.year"]);
    expect(error.fieldErrors.files[0]).toMatch(/Adjunte al menos un PDF/);
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect(row).toMatchObject({ state: "DRAFT", version: draft.version, submittedAt: null });
    expect(await tdb.prisma.auditEvent.count({ where: { caseId: draft.caseId, action: "submit" } })).toBe(0);
    expect(await tdb.prisma.outboxMail.count({ where: { caseId: draft.caseId } })).toBe(0);
  });

  it("refuses a complete form without files", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", dideducId, formData: VALID_FORM }, opts());
    const error = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts()).catch((e) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect(Object.keys(error.fieldErrors)).toEqual(["files"]);
    expect(await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } })).toMatchObject({ state: "DRAFT", version: draft.version });
  });

  it("submits, mails the applicant, and then freezes the data and files", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", dideducId, formData: VALID_FORM }, opts());
    const file = await upload(citizen, draft.caseId);
    await expect(submitCase({ actor: other, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts())).rejects.toMatchObject({ code: "NOT_FOUND" });
    const result = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: "10.0.0.1" }, opts());
    expect(result).toEqual({ version: draft.version + 1, state: "DIDEDUC_REVIEW" });
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect(row.submittedAt).not.toBeNull();
    const mails = await tdb.prisma.outboxMail.findMany({ where: { caseId: draft.caseId } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "ciudadana@example.test" });
    expect(mails[0].subject).toContain(row.number);
    expect(mails[0].text).toContain("Guatemala Norte");
    expect(await tdb.prisma.auditEvent.findFirst({ where: { caseId: draft.caseId, action: "submit" } })).toMatchObject({ ip: "10.0.0.1", toState: "DIDEDUC_REVIEW" });

    await expect(
      saveCaseDraft({ actor: citizen, caseId: draft.caseId, procedure: "EDUCATIONAL_RECORD", formData: {}, expectedVersion: result.version }, opts()),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(removeCaseFile({ actor: citizen, caseId: draft.caseId, fileId: file.id }, opts())).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(upload(citizen, draft.caseId)).rejects.toMatchObject({ name: "UploadError" });
    await expect(submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: result.version, ip: null }, opts())).rejects.toMatchObject({ code: "INVALID_STATE" });

    const list = await listApplicantCases({ actor: citizen }, opts());
    expect(list.find((c) => c.id === draft.caseId)).toMatchObject({ state: "DIDEDUC_REVIEW", lastAction: "submit", lastFromState: "DRAFT", number: row.number });
    expect(await listApplicantCases({ actor: other }, opts())).toEqual([]);
    expect(await getCaseForActor({ actor: other, caseId: draft.caseId }, opts())).toBeNull();
    const view = await getCaseForActor({ actor: citizen, caseId: draft.caseId }, opts());
    expect(view?.events.map((e) => [e.action, e.fromState, e.toState, e.byApplicant])).toEqual([
      ["create", null, "DRAFT", true],
      ["submit", "DRAFT", "DIDEDUC_REVIEW", true],
    ]);
    // Issue #14: "withdraw a submitted request while no one has acted on it" is all the applicant may do now.
    expect(view?.actions.map((a) => [a.action, a.operation])).toEqual([["withdraw", "plain"]]);
  });
});

describe("staff decisions the citizen lives with", () => {
  async function submittedCase() {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", dideducId, formData: VALID_FORM }, opts());
    await upload(citizen, draft.caseId);
    const sent = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts());
    return { caseId: draft.caseId, version: sent.version };
  }

  it("runs the correction loop: reason mailed and shown, form reopened as it was, edited, resubmitted", async () => {
    const { caseId, version } = await submittedCase();
    const staffView = await getCaseForActor({ actor: reviewer, caseId }, opts());
    const correction = staffView?.actions.find((a) => a.action === "reject_for_correction");
    expect(correction).toMatchObject({ label: "Rechazar para corrección", inputKind: "reason", operation: "plain" });
    expect(staffView?.actions.find((a) => a.action === "reject_with_guidance")).toMatchObject({ inputKind: "guidance" });

    await expect(
      performCaseAction({ actor: reviewer, caseId, action: "reject_for_correction", input: { reason: "  " }, expectedVersion: version, ip: null }, opts()),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { reason: [expect.any(String)] } });
    const corr = await performCaseAction(
      { actor: reviewer, caseId, action: "reject_for_correction", input: { reason: "Escanee también el reverso." }, expectedVersion: version, ip: "10.0.0.2" },
      opts(),
    );
    expect(corr).toEqual({ version: version + 1, state: "NEEDS_CORRECTION" });
    const mail = await tdb.prisma.outboxMail.findFirst({ where: { caseId }, orderBy: { createdAt: "desc" } });
    expect(mail?.text).toContain("Escanee también el reverso.");

    const view = await getCaseForActor({ actor: citizen, caseId }, opts());
    expect(view?.lastNote).toBe("Escanee también el reverso.");
    expect(view?.case.formData).toEqual(VALID_FORM);
    expect(view?.actions.map((a) => a.action)).toEqual(["resubmit"]);
    const extra = await upload(citizen, caseId, "reverso.pdf");
    const edited = await saveCaseDraft(
      { actor: citizen, caseId, procedure: "EDUCATIONAL_RECORD", dideducId, formData: { ...VALID_FORM, contactPhone: "4400-1122" }, expectedVersion: corr.version },
      opts(),
    );
    const resent = await submitCase({ actor: citizen, caseId, expectedVersion: edited.version, ip: null }, opts());
    expect(resent.state).toBe("DIDEDUC_REVIEW");
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { files: true } });
    expect(row.lastNote).toBeNull();
    expect(row.files.map((f) => f.id)).toContain(extra.id);
    expect((row.formData as { contactPhone: string }).contactPhone).toBe("4400-1122");
    const mails = await tdb.prisma.outboxMail.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toHaveLength(3);
    expect(mails[2].text).toMatch(/volvió a enviar/);
  });

  it("rejects with guidance: contact stored, mailed and shown; start-from copies the data into a new draft", async () => {
    const { caseId, version } = await submittedCase();
    await expect(startCaseFrom({ actor: citizen, caseId }, opts())).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(
      performCaseAction({ actor: reviewer, caseId, action: "reject_with_guidance", input: { reason: "No consta en registros." }, expectedVersion: version, ip: null }, opts()),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await tdb.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ state: "DIDEDUC_REVIEW", version });

    const rejected = await performCaseAction(
      { actor: reviewer, caseId, action: "reject_with_guidance", input: { reason: "No consta en registros.", supervision: GUIDANCE }, expectedVersion: version, ip: null },
      opts(),
    );
    expect(rejected.state).toBe("REJECTED");
    const view = await getCaseForActor({ actor: citizen, caseId }, opts());
    expect(view?.guidance).toEqual({ kind: "SUPERVISION", contact: GUIDANCE });
    expect(view?.lastNote).toBe("No consta en registros.");
    const mail = await tdb.prisma.outboxMail.findFirst({ where: { caseId }, orderBy: { createdAt: "desc" } });
    expect(mail?.text).toContain(GUIDANCE.name);
    expect(mail?.text).toContain(GUIDANCE.phone);
    expect(mail?.text).toContain(GUIDANCE.address);

    await expect(startCaseFrom({ actor: other, caseId }, opts())).rejects.toMatchObject({ code: "NOT_FOUND" });
    const copy = await startCaseFrom({ actor: citizen, caseId }, opts());
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: copy.caseId }, include: { files: true } });
    expect(row).toMatchObject({ state: "DRAFT", parentCaseId: caseId, dideducId, applicantId: citizen.id, formData: VALID_FORM });
    expect(row.files).toHaveLength(0);

    // A double click (two requests at once) or a resent form opens the same draft, not a second one.
    const [again, twice] = await Promise.all([startCaseFrom({ actor: citizen, caseId }, opts()), startCaseFrom({ actor: citizen, caseId }, opts())]);
    expect(again.caseId).toBe(copy.caseId);
    expect(twice.caseId).toBe(copy.caseId);
    expect(await tdb.prisma.case.count({ where: { parentCaseId: caseId } })).toBe(1);
    expect(await tdb.prisma.auditEvent.count({ where: { caseId: copy.caseId, action: "create" } })).toBe(1);
  });

  it("mails a definitive rejection but not a return between offices", async () => {
    const signer = await user(`firmante-${Date.now()}@example.test`, ["DIDEDUC_SIGNER"], dideducId);
    const { caseId, version } = await submittedCase();
    // Into DIDEDUC_SIGNATURE directly: generating the certification is H2's operation.
    await tdb.prisma.case.update({ where: { id: caseId }, data: { state: "DIDEDUC_SIGNATURE" } });
    const before = await tdb.prisma.outboxMail.count({ where: { caseId } });
    const back = await performCaseAction({ actor: signer, caseId, action: "return", input: { reason: "Revise los años." }, expectedVersion: version, ip: null }, opts());
    expect(back.state).toBe("DIDEDUC_REVIEW");
    expect(await tdb.prisma.outboxMail.count({ where: { caseId } })).toBe(before);
    await tdb.prisma.case.update({ where: { id: caseId }, data: { state: "DIDEDUC_SIGNATURE" } });
    const done = await performCaseAction(
      { actor: signer, caseId, action: "reject_definitively", input: { reason: "Documentos alterados." }, expectedVersion: back.version, ip: null },
      opts(),
    );
    expect(done.state).toBe("REJECTED");
    const mail = await tdb.prisma.outboxMail.findFirst({ where: { caseId }, orderBy: { createdAt: "desc" } });
    expect(mail?.text).toContain("Documentos alterados.");
    await expect(
      performCaseAction({ actor: signer, caseId, action: "sign", input: {}, expectedVersion: done.version, ip: null }, opts()),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("lists the DIDEDUCs", async () => {
    expect((await listDideducs({}, opts())).map((d) => d.name)).toContain("Guatemala Norte");
  });
});

describe("search terms", () => {
  it("follow the student's names as the draft is saved", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", formData: { student: { firstNames: "Ana" } } }, opts());
    expect((await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } })).searchTerms.sort()).toEqual(["ana", "ciudadana", "nombre"]);
    await saveCaseDraft(
      { actor: citizen, caseId: draft.caseId, procedure: "EDUCATIONAL_RECORD", formData: { student: { firstNames: "José Ángel", lastNames: "Núñez" } }, expectedVersion: draft.version },
      opts(),
    );
    expect((await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } })).searchTerms.sort()).toEqual(["angel", "ciudadana", "jose", "nombre", "nunez"]);
  });
});
