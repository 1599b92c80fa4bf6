import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { findReissueLinks } from "@/lib/cases/find-reissue-links";
import { findVerification } from "@/lib/cases/find-verification";
import { generateCertification } from "@/lib/cases/generate-certification";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { startReissue } from "@/lib/cases/start-reissue";
import { submitCase } from "@/lib/cases/submit-case";
import { DomainError } from "@/lib/errors";
import { transition } from "@/lib/workflow/transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb, type TNssDb } from "@/tests/helpers/pdfsig";
import { CHECKLIST, createCertifyWorld, makeScanPdf, type TActorWithName, type TCertifyWorld } from "./certify-world";

// Issue #11, corrected re-issue (reposición): central staff start it from an ISSUED or REVOKED
// certification; the holder corrects and sends the new draft; it walks the procedure's normal path
// with the same signatures; at its issuance the old one is revoked (REPLACED) in the same
// transaction, or keeps its own revocation. Real PostgreSQL, real PKI, real signatures.

let w: TCertifyWorld;
let manager: TActorWithName;
let nss: TNssDb;

beforeAll(async () => {
  w = await createCertifyWorld();
  const u = await w.db.user.findUniqueOrThrow({ where: { email: "encargado.central@demo.certifica.gt" } });
  manager = { id: u.id, roles: u.roles, dideducId: u.dideducId, name: u.name, email: u.email };
  nss = createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss-reissue") });
});
afterAll(async () => {
  await w?.cleanup();
});

const NOTE = "El segundo apellido del estudiante está mal escrito: es «Chávez», con tilde. Corríjalo y envíe la solicitud.";

// A D.1.1 case of the demo citizen taken through both signatures to ISSUED.
async function issuedEducationalRecord() {
  const submitted = await w.caseInReview();
  const generated = await generateCertification({ actor: w.actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST }, w.options);
  const signed = await signCertification({ actor: w.actors.signer, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte") }, w.options);
  await signAndIssue({ actor: w.actors.assistant, caseId: submitted.id, expectedVersion: signed.version, signer: w.signer("central-assistant") }, w.options);
  return w.db.case.findUniqueOrThrow({ where: { id: submitted.id } });
}

// A D.2.2 title of the seed's registry, as the citizen's form leaves it once the registry record
// was confirmed (so submitCase's registry check passes).
function d22Form(registrationNumber: string, student: { firstNames: string; lastNames: string; cui: string }) {
  return { registrationNumber, confirmedRegistrationNumber: registrationNumber, student, contactPhone: "5512-3478", cgcStampConfirmed: true };
}

// A D.2.2 case of the demo citizen, with its title's scan, sent with submitCase (CENTRAL_REVIEW).
async function d22InCentralReview(form: ReturnType<typeof d22Form>) {
  const draft = await createDraftCase(w.actors.citizen, { procedure: "DIPLOMA_FROM_2005", formData: form }, { db: w.db });
  const stored = await w.storage.put(await makeScanPdf(`titulo ${form.registrationNumber} ${draft.number}`, 2));
  await w.db.uploadedFile.create({
    data: { caseId: draft.id, uploaderId: w.actors.citizen.id, kind: "SCAN", originalName: "titulo.pdf", sha256: stored.sha256, size: stored.size, pages: 2, storageKey: stored.key },
  });
  const sent = await submitCase({ actor: w.actors.citizen, caseId: draft.id, expectedVersion: draft.version, ip: null }, { db: w.db });
  expect(sent.state).toBe("CENTRAL_REVIEW");
  return w.db.case.findUniqueOrThrow({ where: { id: draft.id } });
}

async function issuedD22(form: ReturnType<typeof d22Form>) {
  const row = await d22InCentralReview(form);
  await signAndIssue({ actor: w.actors.assistant, caseId: row.id, expectedVersion: row.version, signer: w.signer("central-assistant") }, w.options);
  return w.db.case.findUniqueOrThrow({ where: { id: row.id } });
}

// The holder corrects the copied data in the editor (saveCaseDraft) and sends it (submitCase).
async function holderCorrectsAndSends(caseId: string, change: (formData: Record<string, unknown>) => Record<string, unknown>) {
  const draft = await w.db.case.findUniqueOrThrow({ where: { id: caseId } });
  const saved = await saveCaseDraft(
    { actor: w.actors.citizen, caseId, procedure: draft.procedure, dideducId: draft.dideducId, formData: change(draft.formData as Record<string, unknown>), expectedVersion: draft.version },
    { db: w.db },
  );
  await submitCase({ actor: w.actors.citizen, caseId, expectedVersion: saved.version, ip: null }, { db: w.db });
  return w.db.case.findUniqueOrThrow({ where: { id: caseId } });
}

// Everything a start (or a refused issuance) could touch, across the whole database.
async function worldSnapshot() {
  return {
    cases: await w.db.case.findMany({ orderBy: { id: "asc" } }),
    events: await w.db.auditEvent.count(),
    mails: await w.db.outboxMail.count(),
    files: await w.db.uploadedFile.count(),
    documents: await w.db.documentVersion.count(),
    signatures: await w.db.signature.count(),
  };
}

const viewer = (a: TActorWithName) => ({ id: a.id, roles: [...a.roles], dideducId: a.dideducId });

async function refusal(p: Promise<unknown>): Promise<Error & { code: string; fieldErrors: Record<string, string[]> }> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error === null ? "resolved" : "rejected").toBe("rejected");
  expect(error instanceof TransitionError || error instanceof DomainError).toBe(true);
  return error as Error & { code: string; fieldErrors: Record<string, string[]> };
}

describe("D.1.1: corrected re-issue end to end, with both signatures again", () => {
  it("starts from the issued case, the holder corrects and sends, DIDEDUC and central sign, the old one is REPLACED in the same commit", async () => {
    const old = await issuedEducationalRecord();
    expect(old.state).toBe("ISSUED");
    const oldCode = old.verificationCode!;
    const oldFiles = await w.db.uploadedFile.findMany({ where: { caseId: old.id }, orderBy: { createdAt: "asc" } });

    const started = await startReissue({ actor: w.actors.assistant, caseId: old.id, note: NOTE, ip: "10.0.0.7" }, { db: w.db });
    const draft = await w.db.case.findUniqueOrThrow({ where: { id: started.caseId } });
    expect(draft).toMatchObject({
      number: started.number,
      procedure: "EDUCATIONAL_RECORD",
      state: "DRAFT",
      applicantId: w.actors.citizen.id,
      dideducId: old.dideducId,
      reissueOfId: old.id,
      lastNote: NOTE,
      verificationCode: null,
    });
    expect(draft.number).not.toBe(old.number);
    expect(draft.formData).toEqual(old.formData);
    // The files are carried over as new rows over the same stored bytes.
    const copied = await w.db.uploadedFile.findMany({ where: { caseId: draft.id }, orderBy: { createdAt: "asc" } });
    expect(copied.map((f) => [f.kind, f.originalName, f.sha256, f.storageKey])).toEqual(oldFiles.map((f) => [f.kind, f.originalName, f.sha256, f.storageKey]));
    // Audit: the new case's creation by the staff member, and an event on the old case with no state change.
    const created = await w.db.auditEvent.findFirstOrThrow({ where: { caseId: draft.id, action: "create" } });
    expect(created).toMatchObject({ actorId: w.actors.assistant.id, role: "CENTRAL_ASSISTANT", toState: "DRAFT", note: NOTE, ip: "10.0.0.7" });
    expect(created.data).toMatchObject({ reissueOf: old.id, number: draft.number });
    const startEvent = await w.db.auditEvent.findFirstOrThrow({ where: { caseId: old.id, action: "start_reissue" } });
    expect(startEvent).toMatchObject({ actorId: w.actors.assistant.id, fromState: null, toState: null, note: NOTE });
    expect(startEvent.data).toEqual({ reissueCaseId: draft.id, reissueNumber: draft.number });
    const unchanged = await w.db.case.findUniqueOrThrow({ where: { id: old.id } });
    expect({ state: unchanged.state, version: unchanged.version }).toEqual({ state: "ISSUED", version: old.version });
    // The holder is mailed the note and the new request.
    const mail = await w.db.outboxMail.findFirstOrThrow({ where: { caseId: draft.id } });
    expect(mail.to).toBe(w.actors.citizen.email);
    expect(mail.text).toContain(NOTE);
    expect(mail.text).toContain(old.number);
    expect(mail.text).toContain(`/ciudadano/solicitudes/${draft.id}`);

    // Who sees the draft: the holder and central staff, not the DIDEDUC (drafts are not theirs).
    expect((await getCaseForActor({ actor: viewer(w.actors.citizen), caseId: draft.id, db: w.db }))?.isApplicantView).toBe(true);
    const centralView = await getCaseForActor({ actor: viewer(w.actors.coordinator), caseId: draft.id, db: w.db });
    expect(centralView?.actions).toEqual([]);
    expect(await getCaseForActor({ actor: viewer(w.actors.reviewer), caseId: draft.id, db: w.db })).toBeNull();
    // The links both pages show.
    expect(await findReissueLinks({ caseId: draft.id, db: w.db })).toMatchObject({ reissueOf: { id: old.id, number: old.number, state: "ISSUED" }, reissueNote: NOTE, reissues: [] });
    expect((await findReissueLinks({ caseId: old.id, db: w.db })).reissues.map((r) => [r.number, r.state])).toEqual([[draft.number, "DRAFT"]]);

    // A second start while this one is open: refused, nothing changes.
    const before = await worldSnapshot();
    const open = await refusal(startReissue({ actor: w.actors.coordinator, caseId: old.id, note: "Otra corrección" }, { db: w.db }));
    expect(open.code).toBe("REISSUE_OPEN");
    expect(open.message).toContain(draft.number);
    expect(await worldSnapshot()).toEqual(before);

    // The holder corrects a field and sends it: it goes to the DIDEDUC, the note is cleared.
    const sent = await holderCorrectsAndSends(draft.id, (f) => ({ ...f, student: { ...(f.student as object), lastNames: "Ixcot Chávez de León" } }));
    expect(sent).toMatchObject({ state: "DIDEDUC_REVIEW", lastNote: null });
    // Still open while it walks: the second start is still refused.
    expect((await refusal(startReissue({ actor: w.actors.assistant, caseId: old.id, note: "Otra" }, { db: w.db }))).code).toBe("REISSUE_OPEN");

    const generated = await generateCertification({ actor: w.actors.reviewer, caseId: sent.id, expectedVersion: sent.version, checklist: CHECKLIST }, w.options);
    expect(generated.verificationCode).not.toBe(oldCode);
    const signed = await signCertification({ actor: w.actors.signer, caseId: sent.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte") }, w.options);
    await signAndIssue({ actor: w.actors.assistant, caseId: sent.id, expectedVersion: signed.version, signer: w.signer("central-assistant"), ip: "10.0.0.8" }, w.options);

    const issued = await w.db.case.findUniqueOrThrow({ where: { id: sent.id } });
    expect(issued.state).toBe("ISSUED");
    const newCode = issued.verificationCode!;
    expect(newCode).toBe(generated.verificationCode);
    // Both signatures again on the new file: valid for pdfsig (demo root trusted) and B-LTA.
    await w.expectIssuedPdfValid(issued.id);

    const replaced = await w.db.case.findUniqueOrThrow({ where: { id: old.id } });
    expect(replaced).toMatchObject({ state: "REVOKED", revocationCategory: "REPLACED", revokedReason: null, version: old.version + 1 });
    // Same instant: one transaction.
    expect(replaced.revokedAt).toEqual(issued.issuedAt);
    expect(replaced.closedAt).toEqual(old.closedAt);
    const replaceEvent = await w.db.auditEvent.findFirstOrThrow({ where: { caseId: old.id, action: "replace" } });
    expect(replaceEvent).toMatchObject({ actorId: w.actors.assistant.id, fromState: "ISSUED", toState: "REVOKED", ip: "10.0.0.8" });
    expect((replaceEvent.data as { input: unknown }).input).toEqual({ replacementCaseId: issued.id });

    const oldPage = await findVerification(oldCode, w.options);
    expect(oldPage).toMatchObject({ status: "REVOKED", revocationCategory: "REPLACED", replacedByCode: newCode, replacesCode: null });
    const newPage = await findVerification(newCode, w.options);
    expect(newPage).toMatchObject({ status: "ISSUED", replacesCode: oldCode, replacedByCode: null });

    // The issuance mail says what it replaces.
    const issuance = await w.db.outboxMail.findFirstOrThrow({ where: { caseId: issued.id, subject: { contains: "fue emitida" } } });
    expect(issuance.text).toContain(newCode);
    expect(issuance.text).toContain(`reemplaza a la de la solicitud ${old.number} (código de verificación ${oldCode})`);

    // Replaced: a further correction starts from the replacement, and the refusal says so.
    const snapshotBefore = await worldSnapshot();
    const again = await refusal(startReissue({ actor: manager, caseId: old.id, note: "Otra corrección" }, { db: w.db }));
    expect(again.code).toBe("ALREADY_REPLACED");
    expect(again.message).toContain(issued.number);
    expect(await worldSnapshot()).toEqual(snapshotBefore);
    // …which is itself re-issuable.
    const next = await startReissue({ actor: manager, caseId: issued.id, note: "Falta el segundo nombre." }, { db: w.db });
    expect((await w.db.case.findUniqueOrThrow({ where: { id: next.caseId } })).reissueOfId).toBe(issued.id);
  });
});

describe("starting a re-issue is refused for the wrong people and states, and changes nothing", () => {
  let issued: Awaited<ReturnType<typeof issuedD22>>;
  beforeAll(async () => {
    issued = await issuedD22(d22Form("D-2017-030415", { firstNames: "Byron Estuardo", lastNames: "Juárez Hernández", cui: "2973722031301" }));
  });

  it.each([
    ["the holder", () => w.actors.citizen],
    ["a DIDEDUC reviewer", () => w.actors.reviewer],
    ["a DIDEDUC director", () => w.actors.signer],
    ["a delegate of the DIDEDUC", () => w.actors.delegate],
  ])("%s: FORBIDDEN_ROLE", async (_who, who) => {
    const before = await worldSnapshot();
    const error = await refusal(startReissue({ actor: who(), caseId: issued.id, note: NOTE }, { db: w.db }));
    expect(error.code).toBe("FORBIDDEN_ROLE");
    expect(await worldSnapshot()).toEqual(before);
  });

  it("an empty or whitespace note: next to the field", async () => {
    const before = await worldSnapshot();
    const error = await refusal(startReissue({ actor: w.actors.assistant, caseId: issued.id, note: "   " }, { db: w.db }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors.note?.[0]).toMatch(/qué hay que corregir/);
    expect(await worldSnapshot()).toEqual(before);
  });

  it("a case not issued (in review, a draft), a D.4 registration, an unknown id: refused", async () => {
    const inReview = await w.caseInReview();
    const translator = await w.db.user.findFirstOrThrow({ where: { roles: { has: "TRANSLATOR" } } });
    const registration = await createDraftCase({ id: translator.id, roles: translator.roles, dideducId: null }, { procedure: "TRANSLATOR_REGISTRATION", formData: {} }, { db: w.db });
    const before = await worldSnapshot();
    const notIssued = await refusal(startReissue({ actor: w.actors.assistant, caseId: inReview.id, note: NOTE }, { db: w.db }));
    expect(notIssued.code).toBe("NOT_REISSUABLE");
    expect(notIssued.message).toMatch(/emitida o anulada/);
    expect((await refusal(startReissue({ actor: manager, caseId: registration.id, note: NOTE }, { db: w.db }))).code).toBe("NOT_REISSUABLE");
    expect((await refusal(startReissue({ actor: manager, caseId: "no-such-case", note: NOTE }, { db: w.db }))).code).toBe("NOT_FOUND");
    expect(await worldSnapshot()).toEqual(before);
  });

  it("the holder's account deactivated: refused (nobody could send the correction)", async () => {
    await w.db.user.update({ where: { id: w.actors.citizen.id }, data: { active: false } });
    try {
      const before = await worldSnapshot();
      expect((await refusal(startReissue({ actor: w.actors.coordinator, caseId: issued.id, note: NOTE }, { db: w.db }))).code).toBe("HOLDER_INACTIVE");
      expect(await worldSnapshot()).toEqual(before);
    } finally {
      await w.db.user.update({ where: { id: w.actors.citizen.id }, data: { active: true } });
    }
  });

  it("two staff members at the same moment: one re-issue", async () => {
    const results = await Promise.allSettled([
      startReissue({ actor: w.actors.assistant, caseId: issued.id, note: NOTE }, { db: w.db }),
      startReissue({ actor: manager, caseId: issued.id, note: NOTE }, { db: w.db }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((failed.reason as DomainError).code).toBe("REISSUE_OPEN");
    expect(await w.db.case.count({ where: { reissueOfId: issued.id } })).toBe(1);
    expect(await w.db.auditEvent.count({ where: { caseId: issued.id, action: "start_reissue" } })).toBe(1);
  });
});

describe("central-only procedure (D.2.2): one signature, and the replacement commits with the issuance or not at all", () => {
  it("TSA down, then a failure inside the issuing transaction: the old case stays ISSUED; then issued, and the old one REPLACED", async () => {
    const form = d22Form("D-2006-001187", { firstNames: "Edgar Rolando", lastNames: "Chocooj Caal", cui: "6777615971601" });
    const old = await issuedD22(form);
    // A link the holder shared of the old certification, still open when the re-issue is issued.
    const sharedLink = await w.db.shareLink.create({
      data: { caseId: old.id, label: "Universidad de San Carlos", createdById: old.applicantId, expiresAt: new Date(Date.UTC(2099, 0, 1)) },
    });
    const { caseId } = await startReissue({ actor: w.actors.coordinator, caseId: old.id, note: "El teléfono de contacto cambió." }, { db: w.db });
    let row = await holderCorrectsAndSends(caseId, (f) => ({ ...f, contactPhone: "4021-8890" }));
    expect(row.state).toBe("CENTRAL_REVIEW");

    // The TSA does not answer: refused before any write.
    const beforeTsa = await worldSnapshot();
    const down = await signAndIssue(
      { actor: w.actors.assistant, caseId, expectedVersion: row.version, signer: w.signer("central-assistant") },
      { ...w.options, tsa: { url: "http://127.0.0.1:9/tsa" } },
    ).catch((e: unknown) => e);
    expect((down as { code?: string }).code).toBe("TSA_UNAVAILABLE");
    expect(await worldSnapshot()).toEqual(beforeTsa);

    // Signed and stored, then the transaction fails at its last write (the issuance mail, written
    // after the old case was revoked): nothing of it stays, the old case is ISSUED as before.
    await w.db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_refuse_outbox() RETURNS trigger AS $$
      BEGIN
        IF NEW."caseId" = '${caseId}' THEN RAISE EXCEPTION 'outbox refused by the test'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await w.db.$executeRawUnsafe(`CREATE TRIGGER test_refuse_outbox BEFORE INSERT ON "OutboxMail" FOR EACH ROW EXECUTE FUNCTION test_refuse_outbox()`);
    const beforeFailure = await worldSnapshot();
    try {
      await expect(signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: row.version, signer: w.signer("central-assistant") }, w.options)).rejects.toThrow(/outbox refused by the test/);
    } finally {
      await w.db.$executeRawUnsafe(`DROP TRIGGER test_refuse_outbox ON "OutboxMail"`);
      await w.db.$executeRawUnsafe(`DROP FUNCTION test_refuse_outbox()`);
    }
    expect(await worldSnapshot()).toEqual(beforeFailure);
    expect((await w.db.case.findUniqueOrThrow({ where: { id: old.id } })).state).toBe("ISSUED");
    expect(await w.db.auditEvent.count({ where: { caseId: old.id, action: "replace" } })).toBe(0);
    expect((await w.db.shareLink.findUniqueOrThrow({ where: { id: sharedLink.id } })).revokedAt).toBeNull();

    row = await w.db.case.findUniqueOrThrow({ where: { id: caseId } });
    await signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: row.version, signer: w.signer("central-assistant") }, w.options);
    const issued = await w.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(issued.state).toBe("ISSUED");
    expect((issued.formData as { contactPhone: string }).contactPhone).toBe("4021-8890");
    // One signature (the central office's), timestamped, then DSS and document timestamp; pdfsig agrees.
    const doc = await w.db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "ISSUED" } });
    const bytes = await w.storage.get(doc.storageKey);
    const file = path.join(w.root, `reissue-${caseId}.pdf`);
    fs.writeFileSync(file, bytes);
    expectLongTermPdf(bytes, { rootPem: w.pki.rootPem, signers: 1, file, nss });

    const replaced = await w.db.case.findUniqueOrThrow({ where: { id: old.id } });
    expect(replaced).toMatchObject({ state: "REVOKED", revocationCategory: "REPLACED" });
    // Replaced is revoked: the old certification's share links closed in the same commit.
    expect((await w.db.shareLink.findUniqueOrThrow({ where: { id: sharedLink.id } })).revokedAt).toEqual(replaced.revokedAt);
    expect(await findVerification(old.verificationCode!, w.options)).toMatchObject({ status: "REVOKED", replacedByCode: issued.verificationCode });
    expect(await findVerification(issued.verificationCode!, w.options)).toMatchObject({ status: "ISSUED", replacesCode: old.verificationCode });
  });

  it("from a certification the Encargado already revoked: it stays revoked with its own category; its page still links to the new code", async () => {
    const old = await issuedD22(d22Form("D-2014-021560", { firstNames: "Gladys Marisol", lastNames: "Pérez López", cui: "5091786500101" }));
    const revoked = await transition(
      old.id,
      "revoke",
      manager,
      { category: "DATA_ERROR", note: "El nombre del título no coincide con el acta.", confirmNumber: old.number },
      old.version,
      { db: w.db },
    );
    expect(revoked).toMatchObject({ state: "REVOKED", revocationCategory: "DATA_ERROR" });

    const { caseId } = await startReissue({ actor: w.actors.assistant, caseId: old.id, note: "Corrija los nombres como aparecen en el título." }, { db: w.db });
    const row = await holderCorrectsAndSends(caseId, (f) => ({ ...f, student: { ...(f.student as object), firstNames: "Gladys Marisela" } }));
    await signAndIssue({ actor: w.actors.assistant, caseId, expectedVersion: row.version, signer: w.signer("central-assistant") }, w.options);
    const issued = await w.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(issued.state).toBe("ISSUED");

    const after = await w.db.case.findUniqueOrThrow({ where: { id: old.id } });
    expect(after).toMatchObject({
      state: "REVOKED",
      revocationCategory: "DATA_ERROR",
      revokedAt: revoked.revokedAt,
      revokedReason: "El nombre del título no coincide con el acta.",
      version: revoked.version,
    });
    expect(await w.db.auditEvent.count({ where: { caseId: old.id, action: "replace" } })).toBe(0);
    expect(await findVerification(old.verificationCode!, w.options)).toMatchObject({ status: "REVOKED", revocationCategory: "DATA_ERROR", replacedByCode: issued.verificationCode });
    const issuance = await w.db.outboxMail.findFirstOrThrow({ where: { caseId, subject: { contains: "fue emitida" } } });
    expect(issuance.text).toContain(`reemplaza a la de la solicitud ${old.number}`);
  });
});
