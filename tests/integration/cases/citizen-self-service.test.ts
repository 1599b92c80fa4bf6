import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { deleteDraftCase } from "@/lib/cases/delete-draft-case";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { listApplicantCases } from "@/lib/cases/list-applicant-cases";
import { listCaseQueue } from "@/lib/cases/list-case-queue";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { submitCase } from "@/lib/cases/submit-case";
import type { Role } from "@/lib/generated/prisma/enums";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { storeUpload } from "@/lib/uploads/store-upload";
import { sweepUnattachedUploads } from "@/lib/uploads/sweep-unattached-uploads";
import { STATE_LABELS } from "@/lib/workflow/state-labels";
import { createSessionUser, createTestDideduc } from "../../helpers/database-fixtures";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { makePdf } from "../../unit/uploads/pdf-fixtures";

// Issue #14 §5 on PostgreSQL: the citizen deletes a draft (files released to the upload sweep) and
// withdraws a request no one on the staff has acted on (WITHDRAWN through transition()).
let tdb: TTestDatabase;
let root: string;
let storage: LocalDiskStorage;
let citizen: TSessionUser;
let other: TSessionUser;
let reviewer: TSessionUser;
let dideducId: string;

const FORM = {
  modality: "ESCOLAR",
  documentKinds: ["CERTIFICADOS_ESTUDIO"],
  student: { firstNames: "María José", lastNames: "Ixcot Chávez", birthDate: "2001-04-12" },
  studies: [{ level: "Sexto primaria", year: 2012, institution: "EORM Mixco" }],
  contactPhone: "5512-3478",
  signedBy: "DIDEDUC",
};

const user = (email: string, roles: Role[], dideduc: string | null) => createSessionUser(tdb.prisma, email, roles, dideduc, { name: `Nombre ${email.split("@")[0]}` });

async function upload(actor: TSessionUser, caseId: string) {
  const bytes = await makePdf(2);
  return storeUpload(actor, { kind: "SCAN", originalName: "certificados.pdf", caseId, body: Readable.from([bytes]) }, { db: tdb.prisma, storage, tmpDir: path.join(root, "tmp") });
}

async function submitted() {
  const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", dideducId, formData: FORM }, opts());
  await upload(citizen, draft.caseId);
  const sent = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts());
  return { caseId: draft.caseId, version: sent.version };
}

const opts = () => ({ db: tdb.prisma });

beforeAll(async () => {
  tdb = await createTestDatabase();
  root = await fs.mkdtemp(path.join(os.tmpdir(), "self-service-"));
  storage = new LocalDiskStorage(path.join(root, "files"));
  dideducId = await createTestDideduc(tdb.prisma, "GN", "Guatemala Norte");
  citizen = await user("ciudadana@example.test", ["CITIZEN"], null);
  other = await user("otra@example.test", ["CITIZEN"], null);
  reviewer = await user("revisora@example.test", ["DIDEDUC_REVIEWER"], dideducId);
});
afterAll(async () => {
  await tdb?.drop();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe("delete a draft (issue #14)", () => {
  it("lists the draft with the student's name, then deletes it: data cleared, files released and swept, audited, gone from the citizen's screens", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", dideducId, formData: FORM }, opts());
    const file = await upload(citizen, draft.caseId);
    const listed = (await listApplicantCases({ actor: citizen }, opts())).find((c) => c.id === draft.caseId);
    expect(listed).toMatchObject({ state: "DRAFT", studentName: "María José Ixcot Chávez" });
    expect(listed?.createdAt).toBeInstanceOf(Date);

    // Someone else's draft, or a stale page: refused, nothing changes.
    await expect(deleteDraftCase({ actor: other, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts())).rejects.toMatchObject({ code: "OUT_OF_SCOPE" });
    await expect(deleteDraftCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version - 1, ip: null }, opts())).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect(await tdb.prisma.uploadedFile.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({ caseId: draft.caseId });

    const done = await deleteDraftCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: "10.0.0.9" }, opts());
    expect(done.releasedFiles).toBe(1);
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect(row).toMatchObject({ state: "DISCARDED", formData: {}, searchTerms: [], dideducId: null, version: draft.version + 1 });
    expect(row.closedAt).not.toBeNull();
    expect(await tdb.prisma.uploadedFile.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({ caseId: null });
    const audit = await tdb.prisma.auditEvent.findFirstOrThrow({ where: { caseId: draft.caseId, action: "discard_draft" } });
    expect(audit).toMatchObject({ actorId: citizen.id, fromState: "DRAFT", toState: "DISCARDED", ip: "10.0.0.9" });
    expect(audit.data).toMatchObject({ releasedFiles: 1 });

    expect((await listApplicantCases({ actor: citizen }, opts())).map((c) => c.id)).not.toContain(draft.caseId);
    expect(await getCaseForActor({ actor: citizen, caseId: draft.caseId }, opts())).toBeNull();
    // Nothing more can happen to it: no upload, no submission, no second deletion.
    await expect(upload(citizen, draft.caseId)).rejects.toMatchObject({ name: "UploadError" });
    await expect(submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: row.version, ip: null }, opts())).rejects.toBeTruthy();
    await expect(deleteDraftCase({ actor: citizen, caseId: draft.caseId, expectedVersion: row.version, ip: null }, opts())).rejects.toMatchObject({ code: "INVALID_STATE" });

    // The existing sweep removes the released file once it is a day old, like any unattached upload.
    const stored = await tdb.prisma.uploadedFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(await storage.exists(stored.storageKey)).toBe(true);
    const swept = await sweepUnattachedUploads({ db: tdb.prisma, storage, now: new Date(stored.createdAt.getTime() + 25 * 3600_000) });
    expect(swept.deletedRows).toBeGreaterThanOrEqual(1);
    expect(await tdb.prisma.uploadedFile.count({ where: { id: file.id } })).toBe(0);
    expect(await storage.exists(stored.storageKey)).toBe(false);
  });

  it("refuses to delete a submitted request: only a DRAFT is deleted", async () => {
    const { caseId, version } = await submitted();
    await expect(deleteDraftCase({ actor: citizen, caseId, expectedVersion: version, ip: null }, opts())).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect((await tdb.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("DIDEDUC_REVIEW");
  });
});

describe('withdraw "while no one has acted on it" (issue #14)', () => {
  it("withdraws through the workflow: WITHDRAWN, audited, version-guarded, shown as «Retirada» to the citizen and in the staff queue", async () => {
    const { caseId, version } = await submitted();
    const view = await getCaseForActor({ actor: citizen, caseId }, opts());
    expect(view?.actions.map((a) => a.action)).toEqual(["withdraw"]);

    await expect(performCaseAction({ actor: other, caseId, action: "withdraw", input: {}, expectedVersion: version, ip: null }, opts())).rejects.toMatchObject({ code: "OUT_OF_SCOPE" });
    await expect(performCaseAction({ actor: reviewer, caseId, action: "withdraw", input: {}, expectedVersion: version, ip: null }, opts())).rejects.toMatchObject({ code: "FORBIDDEN_ROLE" });
    await expect(performCaseAction({ actor: citizen, caseId, action: "withdraw", input: {}, expectedVersion: version - 1, ip: null }, opts())).rejects.toMatchObject({ code: "STALE_VERSION" });

    const done = await performCaseAction({ actor: citizen, caseId, action: "withdraw", input: {}, expectedVersion: version, ip: "10.0.0.7" }, opts());
    expect(done).toEqual({ version: version + 1, state: "WITHDRAWN" });
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.closedAt).not.toBeNull();
    const audit = await tdb.prisma.auditEvent.findFirstOrThrow({ where: { caseId, action: "withdraw" } });
    expect(audit).toMatchObject({ actorId: citizen.id, role: "CITIZEN", fromState: "DIDEDUC_REVIEW", toState: "WITHDRAWN", ip: "10.0.0.7" });

    expect(STATE_LABELS.WITHDRAWN).toBe("Retirada");
    expect((await listApplicantCases({ actor: citizen }, opts())).find((c) => c.id === caseId)?.state).toBe("WITHDRAWN");
    const own = await getCaseForActor({ actor: citizen, caseId }, opts());
    expect(own?.actions).toEqual([]);
    const queue = await listCaseQueue({ actor: reviewer, segment: "dideduc", state: "WITHDRAWN" }, opts());
    expect(queue.rows.map((r) => r.id)).toContain(caseId);
    // The reviewer can no longer act on it.
    await expect(
      performCaseAction({ actor: reviewer, caseId, action: "reject_for_correction", input: { reason: "Ilegible." }, expectedVersion: done.version, ip: null }, opts()),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("is refused once the staff acted: a request returned for correction and resubmitted cannot be withdrawn", async () => {
    const { caseId, version } = await submitted();
    const back = await performCaseAction({ actor: reviewer, caseId, action: "reject_for_correction", input: { reason: "Escanee el reverso." }, expectedVersion: version, ip: null }, opts());
    await upload(citizen, caseId);
    const again = await submitCase({ actor: citizen, caseId, expectedVersion: back.version, ip: null }, opts());
    expect(again.state).toBe("DIDEDUC_REVIEW");
    expect((await getCaseForActor({ actor: citizen, caseId }, opts()))?.actions).toEqual([]);
    await expect(performCaseAction({ actor: citizen, caseId, action: "withdraw", input: {}, expectedVersion: again.version, ip: null }, opts())).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(/ya no se puede retirar/),
    });
    expect((await tdb.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("DIDEDUC_REVIEW");
  });

  it("of a withdrawal and a staff decision racing, exactly one wins and the other is told the case changed", async () => {
    const { caseId, version } = await submitted();
    const results = await Promise.allSettled([
      performCaseAction({ actor: citizen, caseId, action: "withdraw", input: {}, expectedVersion: version, ip: null }, opts()),
      performCaseAction({ actor: reviewer, caseId, action: "reject_for_correction", input: { reason: "Ilegible." }, expectedVersion: version, ip: null }, opts()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "STALE_VERSION" });
  });
});
