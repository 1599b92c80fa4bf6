import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { submitCase } from "@/lib/cases/submit-case";
import { blankBackMissing } from "@/lib/cases/forms/educational-record-form";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { storeUpload } from "@/lib/uploads/store-upload";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { makePdf } from "../../unit/uploads/pdf-fixtures";

// Issue #12, point 6. D.1.1, activity 2: "Subir los documentos originales, escaneados en PDF anverso y
// reverso". D.2.1 and D.2.2 refuse a one-page title; a D.1.1 document may really have a blank back, so
// a one-page file needs the citizen's word for it ("El reverso de este documento está en blanco"),
// one declaration per file, checked by the server at submission and kept with the case for the reviewer.
let tdb: TTestDatabase;
let root: string;
let storage: LocalDiskStorage;
let citizen: TSessionUser;
let reviewer: TSessionUser;
let dideducId: string;

const FORM = {
  modality: "ESCOLAR",
  documentKinds: ["CERTIFICADOS_ESTUDIO", "DIPLOMA"],
  student: { firstNames: "María José", lastNames: "Ixcot Chávez" },
  studies: [{ level: "Sexto primaria", year: 2010, institution: "Escuela Oficial Rural Mixta No. 12, Mixco" }],
  signedBy: "DIDEDUC",
};

const opts = () => ({ db: tdb.prisma });

async function upload(caseId: string, name: string, pages: number) {
  return storeUpload(citizen, { kind: "SCAN", originalName: name, caseId, body: Readable.from([await makePdf(pages)]) }, { db: tdb.prisma, storage, tmpDir: path.join(root, "tmp") });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  root = await fs.mkdtemp(path.join(os.tmpdir(), "blank-back-"));
  storage = new LocalDiskStorage(path.join(root, "files"));
  const d = await tdb.prisma.dideduc.create({ data: { code: "GN", name: "Guatemala Norte", type: "A", address: "Zona 1", phone: "2222-0000", email: "gn@example.test" } });
  dideducId = d.id;
  const c = await tdb.prisma.user.create({ data: { email: "ciudadana@example.test", name: "María Ixcot", passwordHash: "x", roles: ["CITIZEN"] } });
  citizen = { id: c.id, name: c.name, email: c.email, roles: c.roles, dideducId: null, delegatedRoles: [] };
  const r = await tdb.prisma.user.create({ data: { email: "revisora@example.test", name: "Revisora", passwordHash: "x", roles: ["DIDEDUC_REVIEWER"], dideducId } });
  reviewer = { id: r.id, name: r.name, email: r.email, roles: r.roles, dideducId, delegatedRoles: [] };
});
afterAll(async () => {
  await tdb?.drop();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe("D.1.1 «escaneados en PDF anverso y reverso»: a one-page file needs the back declared blank", () => {
  it("refuses the submission with a message next to each one-page file, changes nothing, then accepts it once the back is declared blank", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", dideducId, formData: FORM }, opts());
    const both = await upload(draft.caseId, "certificados.pdf", 2);
    const diploma = await upload(draft.caseId, "diploma-sexto.pdf", 1);
    const constancy = await upload(draft.caseId, "constancia.pdf", 1);

    const refused = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts()).catch((e) => e);
    expect(refused).toMatchObject({ code: "INVALID_INPUT" });
    expect(refused.fieldErrors).toEqual({
      [`blankBack.${diploma.id}`]: [blankBackMissing("diploma-sexto.pdf")],
      [`blankBack.${constancy.id}`]: [blankBackMissing("constancia.pdf")],
    });
    const kept = await tdb.prisma.case.findUniqueOrThrow({ where: { id: draft.caseId }, include: { files: true } });
    expect(kept).toMatchObject({ state: "DRAFT", version: draft.version, submittedAt: null, formData: FORM });
    expect(kept.files.map((f) => f.id).sort()).toEqual([both.id, diploma.id, constancy.id].sort());
    expect(await tdb.prisma.outboxMail.count({ where: { caseId: draft.caseId } })).toBe(0);

    // One declared, the other not: only the other is named.
    const one = await saveCaseDraft(
      { actor: citizen, caseId: draft.caseId, procedure: "EDUCATIONAL_RECORD", dideducId, formData: { ...FORM, blankBackFileIds: [diploma.id] }, expectedVersion: draft.version },
      opts(),
    );
    const again = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: one.version, ip: null }, opts()).catch((e) => e);
    expect(again.fieldErrors).toEqual({ [`blankBack.${constancy.id}`]: [blankBackMissing("constancia.pdf")] });

    // A two-page file needs no declaration; both one-page files declared: sent.
    const all = await saveCaseDraft(
      { actor: citizen, caseId: draft.caseId, procedure: "EDUCATIONAL_RECORD", dideducId, formData: { ...FORM, blankBackFileIds: [diploma.id, constancy.id] }, expectedVersion: one.version },
      opts(),
    );
    expect(await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: all.version, ip: null }, opts())).toMatchObject({ state: "DIDEDUC_REVIEW" });

    // The declaration is saved with the case, where the reviewer reads it beside the files.
    const view = await getCaseForActor({ actor: reviewer, caseId: draft.caseId }, opts());
    expect((view?.case.formData as { blankBackFileIds: string[] }).blankBackFileIds).toEqual([diploma.id, constancy.id]);
  });

  it("does not count a declaration for a file that is not this case's one-page file", async () => {
    const draft = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", dideducId, formData: { ...FORM, blankBackFileIds: ["otro-archivo"] } }, opts());
    const single = await upload(draft.caseId, "certificado.pdf", 1);
    const refused = await submitCase({ actor: citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null }, opts()).catch((e) => e);
    expect(refused.fieldErrors).toEqual({ [`blankBack.${single.id}`]: [blankBackMissing("certificado.pdf")] });
  });
});

describe("a copied request (corrected re-issue, start-from) carries the declaration with its copied files", () => {
  it("points blankBackFileIds at the copies and drops the ids of files not copied", async () => {
    const source = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", dideducId, formData: FORM }, opts());
    const single = await upload(source.caseId, "diploma.pdf", 1);
    await tdb.prisma.case.update({ where: { id: source.caseId }, data: { formData: { ...FORM, blankBackFileIds: [single.id, "gone"] } } });
    const target = await saveCaseDraft({ actor: citizen, procedure: "EDUCATIONAL_RECORD", dideducId, formData: FORM }, opts());
    await tdb.prisma.case.update({ where: { id: target.caseId }, data: { formData: { ...FORM, blankBackFileIds: [single.id, "gone"] } } });
    const { copyCaseFiles } = await import("@/lib/cases/copy-case-files");
    await tdb.prisma.$transaction((tx) => copyCaseFiles(tx, source.caseId, target.caseId));
    const copied = await tdb.prisma.uploadedFile.findFirstOrThrow({ where: { caseId: target.caseId } });
    expect(copied.id).not.toBe(single.id);
    const row = await tdb.prisma.case.findUniqueOrThrow({ where: { id: target.caseId } });
    expect((row.formData as { blankBackFileIds: string[] }).blankBackFileIds).toEqual([copied.id]);
    // The copy is sent without asking again.
    expect(await submitCase({ actor: citizen, caseId: target.caseId, expectedVersion: row.version, ip: null }, opts())).toMatchObject({ state: "DIDEDUC_REVIEW" });
  });
});
