import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getApplicantCase } from "@/app/ciudadano/_data/get-applicant-case";
import { listApplicantCases } from "@/app/ciudadano/_data/list-applicant-cases";
import { removeCaseFile } from "@/app/ciudadano/_data/remove-case-file";
import { saveCaseDraft } from "@/app/ciudadano/_data/save-case-draft";
import { startCaseFrom } from "@/app/ciudadano/_data/start-case-from";
import { submitCase } from "@/app/ciudadano/_data/submit-case";
import type { Role } from "@/lib/generated/prisma/enums";
import { transition } from "@/lib/workflow/transition";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

let tdb: TTestDatabase;
let citizen: { id: string; roles: Role[]; dideducId: null };
let other: { id: string; roles: Role[]; dideducId: null };
let reviewer: { id: string; roles: Role[]; dideducId: string };
let dideducId: string;
let fileSeq = 0;

const VALID_FORM = {
  modality: "ESCOLAR",
  documentKinds: ["CERTIFICADOS_ESTUDIO"],
  student: { firstNames: "María José", lastNames: "Ixcot Chávez" },
  studies: [{ level: "Sexto primaria", year: 2008, institution: "EORM Mixco" }],
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  const d = await tdb.prisma.dideduc.create({
    data: { code: "GN", name: "Guatemala Norte", type: "A", address: "Zona 1", phone: "2222-0000", email: "gn@example.test" },
  });
  dideducId = d.id;
  const mk = async (email: string, roles: Role[], dideduc: string | null = null) =>
    tdb.prisma.user.create({ data: { email, name: email.split("@")[0], passwordHash: "x", roles, dideducId: dideduc } });
  const c = await mk("ciudadana@example.test", ["CITIZEN"]);
  const o = await mk("otro@example.test", ["CITIZEN"]);
  const r = await mk("revisora@example.test", ["DIDEDUC_REVIEWER"], dideducId);
  citizen = { id: c.id, roles: c.roles, dideducId: null };
  other = { id: o.id, roles: o.roles, dideducId: null };
  reviewer = { id: r.id, roles: r.roles, dideducId };
});
afterAll(async () => {
  await tdb?.drop();
});

async function attachFile(caseId: string) {
  fileSeq += 1;
  return tdb.prisma.uploadedFile.create({
    data: { caseId, uploaderId: citizen.id, kind: "SCAN", originalName: `scan-${fileSeq}.pdf`, sha256: `${fileSeq}`.padStart(64, "0"), size: 1000, pages: 2, storageKey: `k${fileSeq}` },
  });
}

const db = () => ({ db: tdb.prisma });

describe("citizen draft and submission (interim domain)", () => {
  it("creates the draft on the first save, then updates it only at the expected version and only for its owner", async () => {
    const first = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", formData: { student: { firstNames: "María" }, junk: "x" }, ...db() });
    expect(first.number).toMatch(/^EE-\d{4}-\d{6}$/);
    const stored = await tdb.prisma.case.findUniqueOrThrow({ where: { id: first.caseId } });
    expect(stored.state).toBe("DRAFT");
    expect(stored.formData).not.toHaveProperty("junk");

    const second = await saveCaseDraft({ actor: citizen, caseId: first.caseId, procedure: "EDUCATIONAL_RECORD", dideducId, formData: VALID_FORM, expectedVersion: first.version, ...db() });
    expect(second.version).toBe(first.version + 1);

    await expect(
      saveCaseDraft({ actor: citizen, caseId: first.caseId, procedure: "EDUCATIONAL_RECORD", formData: {}, expectedVersion: first.version, ...db() }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    await expect(
      saveCaseDraft({ actor: other, caseId: first.caseId, procedure: "EDUCATIONAL_RECORD", formData: {}, expectedVersion: second.version, ...db() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const after = await tdb.prisma.case.findUniqueOrThrow({ where: { id: first.caseId } });
    expect(after.version).toBe(second.version);
    expect((after.formData as { student: { lastNames: string } }).student.lastNames).toBe("Ixcot Chávez");
  });

  it("refuses an incomplete submission with a message per field and changes nothing", async () => {
    const draft = await saveCaseDraft({
      actor: citizen,
      procedure: "EDUCATIONAL_RECORD",
      formData: { ...VALID_FORM, student: { firstNames: "Ana" }, studies: [{ level: "Primero", institution: "X" }], documentKinds: ["OTROS"] },
      ...db(),
    });
    const error = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, ...db() }).catch((e) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["dideducId", "files", "otherDescription", "student.lastNames", "studies.0.year"]);
    for (const messages of Object.values(error.fieldErrors as Record<string, string[]>)) expect(messages[0]).toMatch(/[a-záéíóúñ]/i);
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect(row).toMatchObject({ state: "DRAFT", version: draft.version, submittedAt: null });
    expect(await tdb.prisma.auditEvent.count({ where: { caseId: draft.caseId, action: "submit" } })).toBe(0);
  });

  it("submits a complete request, mails the applicant, and then locks the draft and its files", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", dideducId, formData: VALID_FORM, ...db() });
    const file = await attachFile(draft.caseId);
    const result = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: "10.0.0.1", ...db() });
    expect(result.state).toBe("DIDEDUC_REVIEW");
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect(row.submittedAt).not.toBeNull();
    expect(await tdb.prisma.outboxMail.count({ where: { caseId: draft.caseId, to: "ciudadana@example.test" } })).toBe(1);
    expect(await tdb.prisma.auditEvent.findFirst({ where: { caseId: draft.caseId, action: "submit" } })).toMatchObject({ ip: "10.0.0.1", toState: "DIDEDUC_REVIEW" });

    await expect(
      saveCaseDraft({ actor: citizen, caseId: draft.caseId, procedure: "EDUCATIONAL_RECORD", formData: {}, expectedVersion: result.version, ...db() }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(removeCaseFile({ actor: citizen, caseId: draft.caseId, fileId: file.id, ...db() })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await tdb.prisma.uploadedFile.count({ where: { id: file.id } })).toBe(1);

    const list = await listApplicantCases({ actor: citizen, ...db() });
    expect(list.find((c) => c.id === draft.caseId)).toMatchObject({ state: "DIDEDUC_REVIEW", lastAction: "submit" });
    expect(await listApplicantCases({ actor: other, ...db() })).toEqual([]);
    expect(await getApplicantCase({ actor: other, caseId: draft.caseId, ...db() })).toBeNull();
    const view = await getApplicantCase({ actor: citizen, caseId: draft.caseId, ...db() });
    expect(view?.events.map((e) => e.action)).toEqual(["create", "submit"]);
  });

  it("removes a file only from the owner's editable case", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", formData: {}, ...db() });
    const file = await attachFile(draft.caseId);
    await expect(removeCaseFile({ actor: other, caseId: draft.caseId, fileId: file.id, ...db() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await removeCaseFile({ actor: citizen, caseId: draft.caseId, fileId: file.id, ...db() });
    expect(await tdb.prisma.uploadedFile.count({ where: { id: file.id } })).toBe(0);
  });

  it("resubmits after a correction, and starts a new request from a rejected one with its data", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", dideducId, formData: VALID_FORM, ...db() });
    await attachFile(draft.caseId);
    const sent = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, ...db() });
    await expect(startCaseFrom({ actor: citizen, caseId: draft.caseId, ...db() })).rejects.toMatchObject({ code: "INVALID_STATE" });

    const corr = await transition(draft.caseId, "reject_for_correction", reviewer, { reason: "Escanee el reverso." }, sent.version, { db: tdb.prisma });
    const edited = await saveCaseDraft({
      actor: citizen,
      caseId: draft.caseId,
      procedure: "EDUCATIONAL_RECORD",
      dideducId,
      formData: { ...VALID_FORM, contactPhone: "5512-3478" },
      expectedVersion: corr.version,
      ...db(),
    });
    const resent = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: edited.version, ip: null, ...db() });
    expect(resent.state).toBe("DIDEDUC_REVIEW");
    expect(await tdb.prisma.auditEvent.count({ where: { caseId: draft.caseId, action: "resubmit" } })).toBe(1);

    await transition(
      draft.caseId,
      "reject_with_guidance",
      reviewer,
      { reason: "No consta en registros.", supervision: { name: "Supervisión de Mixco", phone: "2435-1122", address: "Zona 1, Mixco" } },
      resent.version,
      { db: tdb.prisma },
    );
    await expect(startCaseFrom({ actor: other, caseId: draft.caseId, ...db() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const copy = await startCaseFrom({ actor: citizen, caseId: draft.caseId, ...db() });
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: copy.caseId }, include: { files: true } });
    expect(row).toMatchObject({ state: "DRAFT", parentCaseId: draft.caseId, dideducId, applicantId: citizen.id });
    expect(row.formData).toMatchObject({ student: VALID_FORM.student, contactPhone: "5512-3478" });
    expect(row.files).toHaveLength(0);
  });
});
