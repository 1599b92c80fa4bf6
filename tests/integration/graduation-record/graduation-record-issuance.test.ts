import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findVerification } from "@/lib/cases/find-verification";
import { performCaseAction } from "@/lib/cases/perform-case-action";
import { readCaseDocument } from "@/lib/cases/read-case-document";
import { signAndIssue } from "@/lib/cases/signing/sign-case-with-signer";
import { submitCase } from "@/lib/cases/submit-case";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { checkArchiveSignedPdf } from "@/lib/registry/check-archive-signed-pdf";
import { extractAttachments, makeGraduationRecordPdf, signAsArchive } from "@/tests/helpers/archive-signed-pdf";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb, runPdfsig, type TNssDb } from "@/tests/helpers/pdfsig";
import { createGraduationRecordWorld, GRADUATION_FORM, type TGraduationRecordWorld } from "./graduation-record-world";

let w: TGraduationRecordWorld;
let nss: TNssDb;

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

beforeAll(async () => {
  w = await createGraduationRecordWorld();
  nss = createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss") });
});
afterAll(async () => {
  await w?.cleanup();
});

// A D.1.2 case of the demo citizen with the archive's signed record attached, sent to central review.
async function caseInCentralReview(label: string) {
  const signed = await signAsArchive(await makeGraduationRecordPdf(label, 2), { pkiDir: w.pkiDir });
  const c = await w.draft();
  const uploaded = await w.upload(c.id, signed, { name: `Expediente ${label}.pdf` });
  expect(uploaded.status).toBe(201);
  const submitted = await submitCase({ actor: w.actors.citizen, caseId: c.id, expectedVersion: c.version, ip: null }, { db: w.db });
  expect(submitted.state).toBe("CENTRAL_REVIEW");
  return { id: c.id, version: submitted.version, signed, fileName: `Expediente ${label}.pdf` };
}

describe("D.1.2 central review to issuance", () => {
  it("asks for a correction, takes the resubmission, then issues: one central signature valid under pdfsig, the archive's PDF embedded unchanged and still valid", async () => {
    const c = await caseInCentralReview("Sic Batz 1988");

    const corrected = await performCaseAction(
      { actor: w.actors.assistant, caseId: c.id, action: "reject_for_correction", input: { reason: "Escriba el puesto tal como aparece en el expediente." }, expectedVersion: c.version, ip: null },
      { db: w.db },
    );
    expect(corrected.state).toBe("NEEDS_CORRECTION");
    expect((await w.db.outboxMail.findMany({ where: { caseId: c.id } })).some((m) => m.text.includes("Escriba el puesto tal como aparece"))).toBe(true);
    const resubmitted = await submitCase({ actor: w.actors.citizen, caseId: c.id, expectedVersion: corrected.version, ip: null }, { db: w.db });
    expect(resubmitted.state).toBe("CENTRAL_REVIEW");

    // A DIDEDUC reviewer cannot act on it.
    await expect(
      signAndIssue({ actor: w.actors.reviewer, caseId: c.id, expectedVersion: resubmitted.version, signer: w.signer("central-assistant"), ip: null }, w.options),
    ).rejects.toBeTruthy();

    const issued = await signAndIssue({ actor: w.actors.assistant, caseId: c.id, expectedVersion: resubmitted.version, signer: w.signer("central-assistant"), ip: "10.0.0.7" }, w.options);
    expect(issued.state).toBe("ISSUED");
    const row = await w.db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.issuedAt).not.toBeNull();
    expect(row.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // The citizen downloads it.
    const download = await readCaseDocument({ actor: w.actors.citizen, caseId: c.id }, w.options);
    expect(download?.stage).toBe("ISSUED");
    const bytes = download!.bytes;

    // Our validator: exactly the central signature, valid, covered by the DSS and document
    // timestamp that follow. The archive's signature is not among the issued file's signatures
    // (its pages are copies; its file is embedded).
    const validation = validatePdfSignatures(bytes, { trustedRoots: [w.pki.rootPem] });
    expect(validation.valid).toBe(true);
    expect(validation.signatures).toHaveLength(1);
    expect(validation.signatures[0].certificate?.commonName).toBe("Karla Beatriz Orellana Saquic");
    expect(validation.signatures[0].coveredByLaterUpdates).toBe(true);

    // The long-term layout (signature timestamp, DSS, document timestamp); pdfsig with the demo
    // root trusted, and qpdf.
    const issuedFile = path.join(w.root, "emitido-d12.pdf");
    fs.writeFileSync(issuedFile, bytes);
    expectLongTermPdf(bytes, { rootPem: w.pki.rootPem, signers: 1, file: issuedFile, nss });

    // The sheet, then the archive's two pages.
    const sheet = ZCertificationSheetData.parse((await w.db.certificationSheet.findFirstOrThrow({ where: { caseId: c.id } })).data);
    const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    expect(sheet.attachedPages).toBe(2);
    expect(pages).toBeGreaterThan(2);
    expect(sheet.attachmentNames).toEqual([c.fileName]);
    expect(sheet.procedure).toBe("GRADUATION_RECORD");
    expect(sheet.holder.fullName).toBe("Juan Pablo Sic Batz");
    // The statement names the archive officer as the registry has her (the authority), not as typed.
    expect(sheet.statement).toContain("Marta Julia Estrada Castillo, Encargada del Archivo Documental");
    expect(sheet.signers).toEqual([expect.objectContaining({ name: "Karla Beatriz Orellana Saquic" })]);

    // pdfdetach: one embedded file, byte for byte the upload, and its own signature still valid.
    const attachments = extractAttachments(issuedFile, path.join(w.root, "adjuntos"));
    expect([...attachments.keys()]).toEqual([c.fileName]);
    const original = attachments.get(c.fileName)!;
    expect(sha256(original)).toBe(sha256(c.signed));
    expect(Buffer.compare(original, c.signed)).toBe(0);
    const originalFile = path.join(w.root, "adjuntos", c.fileName);
    const archiveSig = runPdfsig(originalFile, nss);
    expect(archiveSig.signatures.map((s) => s.signatureValidation)).toEqual(["Signature is Valid."]);
    expect(archiveSig.signatures.map((s) => s.certificateValidation)).toEqual(["Certificate is Trusted."]);
    expect(archiveSig.signatures[0].commonName).toBe("Marta Julia Estrada Castillo");
    expect(archiveSig.signatures[0].totalDocumentSigned).toBe(true);
    expect(await checkArchiveSignedPdf(original, { db: w.db, trustedRoots: [Buffer.from(w.pki.rootPem)] })).toMatchObject({ ok: true });

    // Public verification.
    const verification = await findVerification(row.verificationCode!, w.options);
    expect(verification?.status).toBe("ISSUED");
    expect(verification?.sha256).toBe(sha256(bytes));
    expect((await w.db.outboxMail.findMany({ where: { caseId: c.id } })).map((m) => m.subject)).toContain(`Su certificación ${row.number} fue emitida`);
  });

  it("refuses to issue when the archive's certificate turns out revoked before it signed: nothing is written", async () => {
    const c = await caseInCentralReview("revocado");
    const id = "seed-signer-archive-officer";
    const original = await w.db.authorizedSigner.findUniqueOrThrow({ where: { id } });
    try {
      await w.db.authorizedSigner.update({ where: { id }, data: { revokedAt: new Date(Date.now() - 3 * 3600_000), revokedReason: "Certificado comprometido" } });
      await expect(
        signAndIssue({ actor: w.actors.assistant, caseId: c.id, expectedVersion: c.version, signer: w.signer("central-assistant"), ip: null }, w.options),
      ).rejects.toMatchObject({ code: "ARCHIVE_SIGNATURE_INVALID", message: expect.stringContaining("firma del Archivo Documental") });
      const row = await w.db.case.findUniqueOrThrow({ where: { id: c.id } });
      expect(row.state).toBe("CENTRAL_REVIEW");
      expect(row.version).toBe(c.version);
      expect(await w.db.documentVersion.count({ where: { caseId: c.id } })).toBe(0);
      expect(await w.db.signature.count({ where: { caseId: c.id } })).toBe(0);
    } finally {
      await w.db.authorizedSigner.update({ where: { id }, data: { revokedAt: original.revokedAt, revokedReason: original.revokedReason } });
    }
  });

  it("prints the student as typed, the record's data, and the archive officer from the registry even when the citizen typed it differently", async () => {
    const signed = await signAsArchive(await makeGraduationRecordPdf("otro puesto", 1), { pkiDir: w.pkiDir });
    const c = await w.draft({ ...GRADUATION_FORM, archiveOfficer: { name: "Marta J. Estrada", post: "Archivo" } });
    expect((await w.upload(c.id, signed)).status).toBe(201);
    const submitted = await submitCase({ actor: w.actors.citizen, caseId: c.id, expectedVersion: c.version, ip: null }, { db: w.db });
    await signAndIssue({ actor: w.actors.coordinator, caseId: c.id, expectedVersion: submitted.version, signer: w.signer("central-coordinator"), ip: null }, w.options);
    const sheet = ZCertificationSheetData.parse((await w.db.certificationSheet.findFirstOrThrow({ where: { caseId: c.id } })).data);
    expect(sheet.statement).toContain("Marta Julia Estrada Castillo, Encargada del Archivo Documental");
    expect(sheet.statement).not.toContain("Marta J. Estrada");
    const values = Object.fromEntries(sheet.fields.map((f) => [f.label, f.value]));
    expect(values).toMatchObject({
      "Título o diploma": "Bachiller en Ciencias y Letras",
      "Establecimiento educativo": "Instituto Nacional Central para Varones",
      "Año de graduación": "1988",
    });
    expect(sheet.attachedPages).toBe(1);
  });
});
