import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TITLE_BACK_MISSING, TITLE_SCAN_MISSING, REQUESTED_DOCUMENT_MISSING } from "@/lib/cases/check-diploma-before-2005-files";
import { buildSignatureReport } from "@/lib/cases/build-signature-report";
import { findRequestedDocuments } from "@/lib/cases/find-requested-documents";
import { DIPLOMA_BEFORE_2005_WRONG_KIND, SCHOOL_TITLE_FROM_2005_MESSAGE } from "@/lib/cases/forms/diploma-before-2005-form";
import { generateCertification } from "@/lib/cases/generate-certification";
import { getCaseForActor } from "@/lib/cases/get-case-for-actor";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { readCaseDocument } from "@/lib/cases/read-case-document";
import { saveCaseDraft } from "@/lib/cases/save-case-draft";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { startCaseFrom } from "@/lib/cases/start-case-from";
import { submitCase } from "@/lib/cases/submit-case";
import type { FileKind } from "@/lib/generated/prisma/enums";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { storeUpload } from "@/lib/uploads/store-upload";
import { createCertifyWorld, D21_CHECKLIST, makeScanPdf, type TCertifyWorld } from "../certify/certify-world";

// D.2.1 (título de diversificado, escolar before 2005 and extraescolar) on PostgreSQL, through the
// same operations the screens call: the draft and its submission, the reviewer's rejection
// requesting documents and the new request that carries everything and asks for them, and the
// issuance through the DIDEDUC's and the central office's signatures (pdfsig: both valid).

let w: TCertifyWorld;

const NOW = new Date("2026-06-01T15:00:00Z");

const TITLE_FORM = {
  modality: "ESCOLAR",
  title: { degree: "Bachiller en Ciencias y Letras", specialty: "con Orientación en Computación", institution: "Instituto Nacional Central para Varones, Guatemala", graduationYear: 1998 },
  cgcStamp: { registrationNumber: "45821", book: "12", folio: "233", date: "14 de diciembre de 1998" },
  cgcStampConfirmed: true,
  student: { firstNames: "Ana Lucía", lastNames: "Pérez Xol", cui: "2345 67899 0101", birthDate: "1980-04-02" },
  contactPhone: "5555-1234",
  signedBy: "DIDEDUC",
};

const OFFICE = { name: "Supervisión Educativa 01-07, Mixco", phone: "2434-5566", address: "Calzada San Juan 20-45, zona 4 de Mixco" };

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

// The case view takes a session-shaped viewer (mutable roles).
function viewer(a: TCertifyWorld["actors"]["citizen"]) {
  return { ...a, roles: [...a.roles] };
}

async function upload(caseId: string, name: string, pages: number, kind: FileKind = "SCAN") {
  const bytes = await makeScanPdf(`${name} ${caseId}`, pages);
  return storeUpload(w.actors.citizen, { body: Readable.from([bytes]), originalName: name, kind, caseId, declaredSize: bytes.length }, { db: w.db, storage: w.storage });
}

async function submitted(formData: Record<string, unknown> = TITLE_FORM) {
  const draft = await saveCaseDraft({ actor: w.actors.citizen, procedure: "DIPLOMA_BEFORE_2005", dideducId: w.gn.id, formData }, { db: w.db });
  await upload(draft.caseId, "titulo.pdf", 2);
  return submitCase({ actor: w.actors.citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, { db: w.db }).then((r) => ({ ...r, caseId: draft.caseId }));
}

describe("D.2.1 draft and submission", () => {
  it("keeps a partial draft, refuses to submit it with every problem at once and nothing changed, then submits the complete one", async () => {
    const draft = await saveCaseDraft(
      {
        actor: w.actors.citizen,
        procedure: "DIPLOMA_BEFORE_2005",
        formData: { modality: "ESCOLAR", title: { degree: "Perito Contador", graduationYear: 2010, junk: "x" }, student: { firstNames: "Ana Lucía" }, hack: 1 },
      },
      { db: w.db },
    );
    const row = await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect(row.number).toMatch(/^TA-\d{4}-\d{6}$/);
    expect(row.formData).toEqual({ modality: "ESCOLAR", title: { degree: "Perito Contador", graduationYear: 2010 }, cgcStamp: {}, student: { firstNames: "Ana Lucía" } });

    // Only the front of the title: one page.
    await upload(draft.caseId, "anverso.pdf", 1);
    const refused = await submitCase({ actor: w.actors.citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, { db: w.db }).catch((e) => e);
    expect(refused.code).toBe("INVALID_INPUT");
    expect(Object.keys(refused.fieldErrors).sort()).toEqual(["cgcStampConfirmed", "dideducId", "signedBy", "student.lastNames", "title.graduationYear", "title.institution"]);
    expect(refused.fieldErrors["title.graduationYear"]).toEqual([SCHOOL_TITLE_FROM_2005_MESSAGE]);
    const unchanged = await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } });
    expect([unchanged.state, unchanged.version]).toEqual(["DRAFT", draft.version]);

    // Completed, but the title's back is still missing: the files check, inside the transaction.
    const completed = await saveCaseDraft(
      { actor: w.actors.citizen, caseId: draft.caseId, procedure: "DIPLOMA_BEFORE_2005", dideducId: w.gn.id, formData: TITLE_FORM, expectedVersion: draft.version },
      { db: w.db },
    );
    const oneSide = await submitCase({ actor: w.actors.citizen, caseId: draft.caseId, expectedVersion: completed.version, ip: null, now: NOW }, { db: w.db }).catch((e) => e);
    expect(oneSide.fieldErrors).toEqual({ files: [TITLE_BACK_MISSING] });
    expect((await w.db.case.findUniqueOrThrow({ where: { id: draft.caseId } })).state).toBe("DRAFT");
    expect(await w.db.outboxMail.count({ where: { caseId: draft.caseId } })).toBe(0);

    await upload(draft.caseId, "reverso.pdf", 1);
    const sent = await submitCase({ actor: w.actors.citizen, caseId: draft.caseId, expectedVersion: completed.version, ip: "10.1.1.1", now: NOW }, { db: w.db });
    expect(sent.state).toBe("DIDEDUC_REVIEW");
    const mails = await w.db.outboxMail.findMany({ where: { caseId: draft.caseId } });
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("Dirección Departamental de Educación de Guatemala Norte");
  });

  it("refuses at upload a file of a kind that does not belong to a title request, storing nothing", async () => {
    const draft = await saveCaseDraft({ actor: w.actors.citizen, procedure: "DIPLOMA_BEFORE_2005", dideducId: w.gn.id, formData: TITLE_FORM }, { db: w.db });
    const refused = await upload(draft.caseId, "traduccion.pdf", 1, "TRANSLATION").catch((e) => e);
    expect(refused.name).toBe("UploadError");
    expect(refused.message).toBe(DIPLOMA_BEFORE_2005_WRONG_KIND);
    expect(await w.db.uploadedFile.count({ where: { caseId: draft.caseId } })).toBe(0);
    for (const kind of ["SCAN", "PENSUM_CLOSURE", "GENERAL_COURSE_CERTIFICATION"] as const) await upload(draft.caseId, `${kind}.pdf`, 1, kind);
    expect(await w.db.uploadedFile.count({ where: { caseId: draft.caseId } })).toBe(3);
  });

  it("accepts an out-of-school title of 2015 and refuses a request with no title scan, naming the title", async () => {
    const form = { ...TITLE_FORM, modality: "EXTRAESCOLAR", title: { degree: "Bachillerato por Madurez", institution: "Programa de Educación de Adultos por Correspondencia", graduationYear: 2015 } };
    const draft = await saveCaseDraft({ actor: w.actors.citizen, procedure: "DIPLOMA_BEFORE_2005", dideducId: w.gn.id, formData: form }, { db: w.db });
    // A requested document alone is not the title.
    await upload(draft.caseId, "cierre.pdf", 2, "PENSUM_CLOSURE");
    const refused = await submitCase({ actor: w.actors.citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, { db: w.db }).catch((e) => e);
    expect(refused.fieldErrors).toEqual({ files: [TITLE_SCAN_MISSING] });
    await upload(draft.caseId, "titulo.pdf", 2);
    const sent = await submitCase({ actor: w.actors.citizen, caseId: draft.caseId, expectedVersion: draft.version, ip: null, now: NOW }, { db: w.db });
    expect(sent.state).toBe("DIDEDUC_REVIEW");
  });
});

describe("rejection requesting documents (Nota 2)", () => {
  it("is refused without documents or office, and is not a D.1.1 outcome", async () => {
    const sent = await submitted();
    const noDocs = await performCaseAction(
      { actor: w.actors.reviewer, caseId: sent.caseId, action: "reject_requesting_documents", input: { reason: "No consta", documents: [], obtainAt: { name: "", phone: "", address: "" } }, expectedVersion: sent.version, ip: null },
      { db: w.db },
    ).catch((e) => e);
    expect(noDocs.code).toBe("INVALID_INPUT");
    expect(Object.keys(noDocs.fieldErrors).sort()).toEqual(["documents", "obtainAt.address", "obtainAt.name", "obtainAt.phone"]);
    expect((await w.db.case.findUniqueOrThrow({ where: { id: sent.caseId } })).state).toBe("DIDEDUC_REVIEW");

    const d11 = await w.caseInReview();
    const notD11 = await performCaseAction(
      { actor: w.actors.reviewer, caseId: d11.id, action: "reject_requesting_documents", input: { reason: "x", documents: ["CIERRE_DE_PENSUM"], obtainAt: OFFICE }, expectedVersion: d11.version, ip: null },
      { db: w.db },
    ).catch((e) => e);
    expect(notD11.name).toBe("TransitionError");
    expect((await w.db.case.findUniqueOrThrow({ where: { id: d11.id } })).state).toBe("DIDEDUC_REVIEW");

    // Another DIDEDUC's reviewer cannot take it either.
    const outOfScope = await performCaseAction(
      { actor: w.actors.reviewerXela, caseId: sent.caseId, action: "reject_requesting_documents", input: { reason: "x", documents: ["CIERRE_DE_PENSUM"], obtainAt: OFFICE }, expectedVersion: sent.version, ip: null },
      { db: w.db },
    ).catch((e) => e);
    expect(outOfScope.name).toBe("TransitionError");
  });

  it("mails the documents and the office; the new request carries the data and the title and cannot be sent without the documents", async () => {
    const sent = await submitted();
    const rejected = await performCaseAction(
      {
        actor: w.actors.reviewer,
        caseId: sent.caseId,
        action: "reject_requesting_documents",
        input: { reason: "El título no consta en los libros de registro de la DIDEDUC.", documents: ["CIERRE_DE_PENSUM", "CERTIFICACION_GENERAL_DE_CURSOS"], obtainAt: OFFICE },
        expectedVersion: sent.version,
        ip: null,
      },
      { db: w.db },
    );
    expect(rejected.state).toBe("REJECTED");
    const parent = await w.db.case.findUniqueOrThrow({ where: { id: sent.caseId } });
    expect(parent.guidance).toEqual({ kind: "REQUEST_DOCUMENTS", documents: ["CIERRE_DE_PENSUM", "CERTIFICACION_GENERAL_DE_CURSOS"], contact: OFFICE });
    expect(parent.lastNote).toBe("El título no consta en los libros de registro de la DIDEDUC.");
    const mail = (await w.db.outboxMail.findMany({ where: { caseId: sent.caseId }, orderBy: { createdAt: "asc" } })).at(-1)!;
    expect(mail.subject).toBe(`Su solicitud ${parent.number} fue rechazada`);
    expect(mail.text).toContain("Cierre de pensum, Certificación general de cursos");
    expect(mail.text).toContain(OFFICE.name);
    expect(mail.text).toContain(OFFICE.phone);
    expect(mail.text).toContain(OFFICE.address);

    // The citizen's view of the rejected case says what to bring and where.
    const parentView = await getCaseForActor({ actor: viewer(w.actors.citizen), caseId: sent.caseId }, { db: w.db });
    expect(parentView?.guidance).toEqual({ kind: "REQUEST_DOCUMENTS", documents: ["CIERRE_DE_PENSUM", "CERTIFICACION_GENERAL_DE_CURSOS"], contact: OFFICE });

    // Only the applicant may start from it.
    const foreign = await startCaseFrom({ actor: w.actors.otherCitizen, caseId: sent.caseId }, { db: w.db }).catch((e) => e);
    expect(foreign.code).toBe("NOT_FOUND");

    const { caseId: childId } = await startCaseFrom({ actor: w.actors.citizen, caseId: sent.caseId, ip: null }, { db: w.db });
    const child = await w.db.case.findUniqueOrThrow({ where: { id: childId } });
    expect(child).toMatchObject({ procedure: "DIPLOMA_BEFORE_2005", state: "DRAFT", parentCaseId: sent.caseId, dideducId: w.gn.id, formData: parent.formData });
    const parentFiles = await w.db.uploadedFile.findMany({ where: { caseId: sent.caseId }, orderBy: { createdAt: "asc" } });
    const childFiles = await w.db.uploadedFile.findMany({ where: { caseId: childId }, orderBy: { createdAt: "asc" } });
    expect(childFiles.map((f) => [f.kind, f.originalName, f.sha256, f.pages])).toEqual(parentFiles.map((f) => [f.kind, f.originalName, f.sha256, f.pages]));
    expect(childFiles.every((f) => !parentFiles.some((p) => p.id === f.id))).toBe(true);

    const requested = await findRequestedDocuments(w.db, childId);
    expect(requested).toMatchObject({ documents: ["CIERRE_DE_PENSUM", "CERTIFICACION_GENERAL_DE_CURSOS"], contact: OFFICE, parentCaseId: sent.caseId, parentNumber: parent.number });
    const childView = await getCaseForActor({ actor: viewer(w.actors.citizen), caseId: childId }, { db: w.db });
    expect(childView?.requestedDocuments?.documents).toEqual(["CIERRE_DE_PENSUM", "CERTIFICACION_GENERAL_DE_CURSOS"]);

    // Editing the draft cannot drop the requirement: it is read from the rejected case.
    const saved = await saveCaseDraft(
      { actor: w.actors.citizen, caseId: childId, procedure: "DIPLOMA_BEFORE_2005", dideducId: w.gn.id, formData: { ...TITLE_FORM, requestedDocuments: [] }, expectedVersion: child.version },
      { db: w.db },
    );
    const missingBoth = await submitCase({ actor: w.actors.citizen, caseId: childId, expectedVersion: saved.version, ip: null, now: NOW }, { db: w.db }).catch((e) => e);
    expect(missingBoth.fieldErrors).toEqual({
      "requestedDocuments.CIERRE_DE_PENSUM": [REQUESTED_DOCUMENT_MISSING.CIERRE_DE_PENSUM],
      "requestedDocuments.CERTIFICACION_GENERAL_DE_CURSOS": [REQUESTED_DOCUMENT_MISSING.CERTIFICACION_GENERAL_DE_CURSOS],
    });

    // A scan of the title does not stand in for a requested document.
    await upload(childId, "otra-copia-del-titulo.pdf", 2);
    await upload(childId, "cierre-de-pensum.pdf", 3, "PENSUM_CLOSURE");
    const missingOne = await submitCase({ actor: w.actors.citizen, caseId: childId, expectedVersion: saved.version, ip: null, now: NOW }, { db: w.db }).catch((e) => e);
    expect(missingOne.fieldErrors).toEqual({ "requestedDocuments.CERTIFICACION_GENERAL_DE_CURSOS": [REQUESTED_DOCUMENT_MISSING.CERTIFICACION_GENERAL_DE_CURSOS] });
    expect((await w.db.case.findUniqueOrThrow({ where: { id: childId } })).state).toBe("DRAFT");

    await upload(childId, "certificacion-de-cursos.pdf", 2, "GENERAL_COURSE_CERTIFICATION");
    const resent = await submitCase({ actor: w.actors.citizen, caseId: childId, expectedVersion: saved.version, ip: null, now: NOW }, { db: w.db });
    expect(resent.state).toBe("DIDEDUC_REVIEW");

    // The reviewer sees every file with its kind: the carried title, the new copy, the two documents.
    const reviewerView = await getCaseForActor({ actor: viewer(w.actors.reviewer), caseId: childId }, { db: w.db });
    expect(reviewerView?.files.map((f) => [f.kind, f.originalName])).toEqual([
      ["SCAN", "titulo.pdf"],
      ["SCAN", "otra-copia-del-titulo.pdf"],
      ["PENSUM_CLOSURE", "cierre-de-pensum.pdf"],
      ["GENERAL_COURSE_CERTIFICATION", "certificacion-de-cursos.pdf"],
    ]);
  });

  it("on a second request, carries the documents already sent but not those requested anew", async () => {
    const sent = await submitted();
    await w.db.uploadedFile.create({
      data: { ...(await w.db.uploadedFile.findFirstOrThrow({ where: { caseId: sent.caseId }, select: { uploaderId: true, sha256: true, size: true, storageKey: true } })), caseId: sent.caseId, kind: "PENSUM_CLOSURE", originalName: "cierre-anterior.pdf", pages: 2 },
    });
    await w.db.uploadedFile.create({
      data: { ...(await w.db.uploadedFile.findFirstOrThrow({ where: { caseId: sent.caseId }, select: { uploaderId: true, sha256: true, size: true, storageKey: true } })), caseId: sent.caseId, kind: "GENERAL_COURSE_CERTIFICATION", originalName: "cursos-ilegible.pdf", pages: 2 },
    });
    const current = await w.db.case.findUniqueOrThrow({ where: { id: sent.caseId } });
    await performCaseAction(
      { actor: w.actors.reviewer, caseId: sent.caseId, action: "reject_requesting_documents", input: { reason: "La certificación de cursos no se lee.", documents: ["CERTIFICACION_GENERAL_DE_CURSOS"], obtainAt: OFFICE }, expectedVersion: current.version, ip: null },
      { db: w.db },
    );
    const { caseId: childId } = await startCaseFrom({ actor: w.actors.citizen, caseId: sent.caseId }, { db: w.db });
    const kinds = (await w.db.uploadedFile.findMany({ where: { caseId: childId } })).map((f) => [f.kind, f.originalName]);
    expect(kinds).toEqual(expect.arrayContaining([["SCAN", "titulo.pdf"], ["PENSUM_CLOSURE", "cierre-anterior.pdf"]]));
    expect(kinds).toHaveLength(2);
  });

  it("after a rejection with guidance (Nota 1) copies no files, as for D.1.1", async () => {
    const sent = await submitted();
    await performCaseAction(
      { actor: w.actors.reviewer, caseId: sent.caseId, action: "reject_with_guidance", input: { reason: "No consta.", supervision: OFFICE }, expectedVersion: sent.version, ip: null },
      { db: w.db },
    );
    const { caseId: childId } = await startCaseFrom({ actor: w.actors.citizen, caseId: sent.caseId }, { db: w.db });
    expect(await w.db.uploadedFile.count({ where: { caseId: childId } })).toBe(0);
    expect(await findRequestedDocuments(w.db, childId)).toBeNull();
  });
});

describe("D.2.1 issuance through both signatures", () => {
  it("requires the title checklist, then generates, signs at the DIDEDUC and issues centrally; pdfsig finds two valid signatures", async () => {
    const { actors, options } = w;
    const sent = await submitted();
    // A requested document travels with the case but is not certified: only the title follows the sheet.
    await w.db.uploadedFile.create({
      data: { ...(await w.db.uploadedFile.findFirstOrThrow({ where: { caseId: sent.caseId }, select: { uploaderId: true, sha256: true, size: true, storageKey: true } })), caseId: sent.caseId, kind: "PENSUM_CLOSURE", originalName: "cierre.pdf", pages: 2 },
    });

    const { cgcStamp: _cgc, ...withoutStamp } = D21_CHECKLIST;
    void _cgc;
    const unticked = await generateCertification({ actor: actors.reviewer, caseId: sent.caseId, expectedVersion: sent.version, checklist: withoutStamp }, options).catch((e) => e);
    expect(unticked.code).toBe("CHECKLIST_INCOMPLETE");
    expect(Object.keys(unticked.fieldErrors)).toEqual(["checklist.cgcStamp"]);

    const generated = await generateCertification({ actor: actors.reviewer, caseId: sent.caseId, expectedVersion: sent.version, checklist: D21_CHECKLIST }, options);
    expect(generated.state).toBe("DIDEDUC_SIGNATURE");
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { caseId: sent.caseId, action: "generate_certification" } });
    expect((event.data as { checklist: unknown }).checklist).toEqual(D21_CHECKLIST);

    const sheet = ZCertificationSheetData.parse((await w.db.certificationSheet.findFirstOrThrow({ where: { caseId: sent.caseId } })).data);
    expect(sheet.procedure).toBe("DIPLOMA_BEFORE_2005");
    expect(sheet.title).toBe("Certificación electrónica de título de diversificado");
    expect(sheet.holder).toEqual({ fullName: "Ana Lucía Pérez Xol", cui: "2345 67899 0101" });
    expect(sheet.studyMode).toBe("SCHOOL");
    expect(sheet.documents.map((d) => d.description ?? d.label).join(" ")).toContain("Bachiller en Ciencias y Letras");
    const fields = Object.fromEntries(sheet.fields.map((f) => [f.label, f.value]));
    expect(fields["Año de graduación"]).toBe("1998");
    expect(Object.values(fields).join(" ")).toContain("45821");
    expect(sheet.statement).toContain("Contraloría General de Cuentas");
    expect(sheet.issuingOffices[0]).toBe("Dirección Departamental de Educación de Guatemala Norte");
    // The two pages of the title, not the cierre de pensum.
    expect(sheet.attachedPages).toBe(2);

    const signed = await signCertification(
      { actor: actors.signer, caseId: sent.caseId, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte"), ip: null },
      options,
    );
    expect(signed.state).toBe("CENTRAL_REVIEW");
    const issued = await signAndIssue(
      { actor: actors.assistant, caseId: sent.caseId, expectedVersion: signed.version, signer: w.signer("central-assistant"), ip: null },
      options,
    );
    expect(issued.state).toBe("ISSUED");
    expect(await w.db.signature.count({ where: { caseId: sent.caseId } })).toBe(2);

    const download = await readCaseDocument({ actor: actors.citizen, caseId: sent.caseId }, options);
    expect(download?.stage).toBe("ISSUED");
    // Two signatures, valid for our validator and for pdfsig with the demo root trusted, the last covering the file.
    await w.expectIssuedPdfValid(sent.caseId);
    const mails = await w.db.outboxMail.findMany({ where: { caseId: sent.caseId } });
    expect(mails.some((m) => m.subject.includes("fue emitida"))).toBe(true);
  });
});

describe("D.2.1 activity 7 at the central office: the automatic signature report", () => {
  it('"Verifica en base de datos que la firma electrónica avanzada corresponda a la persona autorizada para certificar": a D.2.1 case signed at the DIDEDUC shows its signature intact, covering the file, by the authorized signer valid on the signing date', async () => {
    const { actors, options } = w;
    const sent = await submitted();
    const generated = await generateCertification({ actor: actors.reviewer, caseId: sent.caseId, expectedVersion: sent.version, checklist: D21_CHECKLIST }, options);
    const signed = await signCertification(
      { actor: actors.signer, caseId: sent.caseId, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte"), ip: null },
      options,
    );
    expect(signed.state).toBe("CENTRAL_REVIEW");

    // What the central reviewer sees before signing and issuing (activity 7).
    const report = await buildSignatureReport({ caseId: sent.caseId }, options);
    expect(report?.ok).toBe(true);
    expect(report?.stage).toBe("DIDEDUC_SIGNED");
    expect(report?.signatures).toHaveLength(1);
    const registered = await w.db.authorizedSigner.findFirstOrThrow({ where: { userId: actors.signer.id, revokedAt: null } });
    const row = await w.db.signature.findFirstOrThrow({ where: { caseId: sent.caseId } });
    expect(row.authorizedSignerId).toBe(registered.id);
    expect(row.signedAt.getTime()).toBeGreaterThanOrEqual(registered.validFrom.getTime());
    expect(row.signedAt.getTime()).toBeLessThanOrEqual(registered.validTo.getTime());
    expect(report?.signatures[0]).toMatchObject({
      signerName: registered.name,
      intact: true,
      coversWholeFile: true,
      authorized: true,
      validAtSigning: true,
      expectedOffice: "DIDEDUC",
      chainTrusted: true,
    });
    expect(registered.name).toBe("José Antonio Pérez Gómez");
  });
});
