import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArchiveRecordReport } from "@/lib/cases/build-archive-record-report";
import { removeCaseFile } from "@/lib/cases/remove-case-file";
import { submitCase } from "@/lib/cases/submit-case";
import { makeArchiveUploads, makeGraduationRecordPdf, signAsArchive } from "@/tests/helpers/archive-signed-pdf";
import { createLongTermPki } from "@/tests/helpers/long-term-pki";
import { appendDocumentTimestamp, appendDss, appendPageChange } from "@/tests/helpers/pades-fixtures";
import { createGraduationRecordWorld, GRADUATION_FORM, type TGraduationRecordWorld } from "./graduation-record-world";

let w: TGraduationRecordWorld;
let pdfs: Awaited<ReturnType<typeof makeArchiveUploads>>;

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

beforeAll(async () => {
  w = await createGraduationRecordWorld();
  pdfs = await makeArchiveUploads("Juan Pablo Sic Batz, 1988", { pkiDir: w.pkiDir });
});
afterAll(async () => {
  await w?.cleanup();
});

// Each refused upload: the right reason and Spanish message, no row, no stored bytes.
async function expectRefused(caseId: string, bytes: Buffer, reason: string, message: string, kind = "ARCHIVE_RECORD") {
  const { status, body } = await w.upload(caseId, bytes, { kind });
  expect(status).toBe(422);
  expect(body).toMatchObject({ ok: false, code: "NOT_ACCEPTED", reason });
  if (body.ok) throw new Error("unreachable");
  expect(body.message).toContain(message);
  expect(await w.db.uploadedFile.count({ where: { caseId } })).toBe(0);
  expect(await w.db.uploadedFile.count({ where: { sha256: sha256(bytes) } })).toBe(0);
  expect(await w.storage.exists(sha256(bytes))).toBe(false);
}

describe("D.1.2 upload: the archive's signature is checked at once", () => {
  it("refuses an unsigned PDF, saying it has no electronic signature", async () => {
    const c = await w.draft();
    await expectRefused(c.id, pdfs.unsigned, "NOT_SIGNED", "El PDF no tiene firma electrónica");
  });

  it("refuses a signed PDF with one byte changed, saying it was modified after signing", async () => {
    const c = await w.draft();
    await expectRefused(c.id, pdfs.altered, "ALTERED", "El PDF fue modificado después de firmarse");
  });

  it("refuses a signed PDF with content appended after the signature", async () => {
    const c = await w.draft();
    await expectRefused(c.id, pdfs.appended, "APPENDED", "se le agregó contenido después de la firma del Archivo");
  });

  it("accepts the archive's signature followed by a DSS and a document timestamp (PAdES B-LTA), not by a page change", async () => {
    const lt = createLongTermPki();
    const signed = await signAsArchive(await makeGraduationRecordPdf("con sello de tiempo del documento"), { pkiDir: w.pkiDir });
    const stamp = (pdf: Buffer) => appendDocumentTimestamp(pdf, (digest) => lt.timestamp(Buffer.alloc(0), { digest }));
    const withDss = appendDss(signed, { certificates: [lt.tsa.certDer], ocspResponses: [], crls: [lt.crl()] });
    await expectRefused((await w.draft()).id, stamp(appendPageChange(withDss)), "APPENDED", "se le agregó contenido después de la firma del Archivo");
    const c = await w.draft();
    const { status, body } = await w.upload(c.id, stamp(withDss));
    expect(body).toMatchObject({ ok: true });
    expect(status).toBe(201);
  });

  it("refuses a PDF signed by a certificate outside the registry, even in the archive officer's name and under the trusted root", async () => {
    const c = await w.draft();
    await expectRefused(
      c.id,
      pdfs.impostor,
      "NOT_AUTHORIZED",
      "El PDF está firmado con un certificado de «Marta Julia Estrada Castillo» que no está en el registro de firmantes autorizados del Archivo Documental",
    );
  });

  it("refuses the right PDF sent as another kind of document", async () => {
    const c = await w.draft();
    const signed = await signAsArchive(await makeGraduationRecordPdf("enviado como escaneo"), { pkiDir: w.pkiDir });
    await expectRefused(c.id, signed, "WRONG_KIND", "solo se adjunta el expediente de graduación", "SCAN");
  });

  it("accepts the archive's signed PDF byte for byte, and then no second file", async () => {
    const c = await w.draft();
    const { status, body } = await w.upload(c.id, pdfs.signed);
    expect(status).toBe(201);
    expect(body).toMatchObject({ ok: true, file: { name: "expediente-graduacion.pdf", sha256: sha256(pdfs.signed), size: pdfs.signed.length, pages: 2 } });
    const row = await w.db.uploadedFile.findFirstOrThrow({ where: { caseId: c.id } });
    expect(row.kind).toBe("ARCHIVE_RECORD");
    expect(sha256(await w.storage.get(row.storageKey))).toBe(sha256(pdfs.signed));

    const second = await w.upload(c.id, await makeGraduationRecordPdf("otro"));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ ok: false, code: "TOO_MANY_FILES", message: expect.stringContaining("lleva un solo archivo") });
    expect(await w.db.uploadedFile.count({ where: { caseId: c.id } })).toBe(1);
  });

  it("leaves other procedures' uploads alone: an unsigned scan is fine for D.1.1", async () => {
    const c = await (await import("@/lib/cases/create-draft-case")).createDraftCase(w.actors.citizen, { procedure: "EDUCATIONAL_RECORD" }, { db: w.db });
    const { status } = await w.upload(c.id, pdfs.unsigned, { kind: "SCAN" });
    expect(status).toBe(201);
  });
});

describe("D.1.2 submission", () => {
  it("needs the form complete and the archive record attached, reporting everything at once", async () => {
    const c = await w.draft({ student: { firstNames: "Juan Pablo" }, record: { graduationYear: 2003 }, archiveOfficer: {} });
    const refused = submitCase({ actor: w.actors.citizen, caseId: c.id, expectedVersion: c.version, ip: null }, { db: w.db });
    await expect(refused).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        "student.lastNames": ["Escriba los apellidos del estudiante."],
        "record.degree": [expect.stringContaining("título o diploma")],
        "record.institution": [expect.stringContaining("establecimiento")],
        "record.graduationYear": [expect.stringContaining("de 1974 a 1996")],
        "archiveOfficer.name": [expect.stringContaining("nombre de quien firmó")],
        "archiveOfficer.post": [expect.stringContaining("puesto de quien firmó")],
        files: [expect.stringContaining("tal como se lo envió el Archivo Documental")],
      },
    });
    expect((await w.db.case.findUniqueOrThrow({ where: { id: c.id } })).state).toBe("DRAFT");
  });

  it("goes to CENTRAL_REVIEW, with no DIDEDUC, once the record is attached; a removed file is refused again", async () => {
    const c = await w.draft();
    expect((await w.upload(c.id, pdfs.signed)).status).toBe(201);
    const file = await w.db.uploadedFile.findFirstOrThrow({ where: { caseId: c.id } });
    await removeCaseFile({ actor: w.actors.citizen, caseId: c.id, fileId: file.id }, { db: w.db });
    const current = await w.db.case.findUniqueOrThrow({ where: { id: c.id } });
    await expect(submitCase({ actor: w.actors.citizen, caseId: c.id, expectedVersion: current.version, ip: null }, { db: w.db })).rejects.toMatchObject({
      fieldErrors: { files: [expect.stringContaining("Archivo Documental")] },
    });

    expect((await w.upload(c.id, pdfs.signed)).status).toBe(201);
    const submitted = await submitCase({ actor: w.actors.citizen, caseId: c.id, expectedVersion: current.version, ip: null }, { db: w.db });
    expect(submitted.state).toBe("CENTRAL_REVIEW");
    const row = await w.db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.dideducId).toBeNull();
    expect(row.submittedAt).not.toBeNull();
    // Frozen once sent.
    expect((await w.upload(c.id, await makeGraduationRecordPdf("tarde"))).body).toMatchObject({ ok: false, code: "CASE_LOCKED" });
  });
});

describe("D.1.2 central report on the uploaded record", () => {
  it("reports the archive's signature intact, whole, authorized and valid, and the typed name and post matching the registry", async () => {
    const c = await w.draft();
    expect((await w.upload(c.id, pdfs.signed)).status).toBe(201);
    const report = await buildArchiveRecordReport({ caseId: c.id }, w.options);
    expect(report).not.toBeNull();
    const archive = w.pki.certificates.find((x) => x.key === "archive-officer")!;
    expect(report!.signatures.signatures).toHaveLength(1);
    expect(report!.signatures.signatures[0]).toMatchObject({
      signerName: "Marta Julia Estrada Castillo",
      fingerprint: archive.info.fingerprint,
      intact: true,
      coversWholeFile: true,
      authorized: true,
      validAtSigning: true,
      chainTrusted: true,
      expectedOffice: "ARCHIVE",
      authorizedAs: "Marta Julia Estrada Castillo, Encargada del Archivo Documental — Archivo Documental",
      problems: [],
    });
    expect(report!.signatures.ok).toBe(true);
    expect(report!.signatures.fileSha256).toBe(sha256(pdfs.signed));
    expect(report!.signer).toEqual({ name: "Marta Julia Estrada Castillo", post: "Encargada del Archivo Documental", authorizedSignerId: "seed-signer-archive-officer" });
    expect(report!.typed).toEqual({ name: GRADUATION_FORM.archiveOfficer.name, post: GRADUATION_FORM.archiveOfficer.post });
    expect(report!.matches).toEqual({ name: true, post: true });
    expect(report!.ok).toBe(true);
  });

  it("says when the typed name or post differ from the registry entry of the signer", async () => {
    const c = await w.draft({ ...GRADUATION_FORM, archiveOfficer: { name: "Marta Estrada", post: "Jefa del Archivo" } });
    expect((await w.upload(c.id, pdfs.signed)).status).toBe(201);
    const report = await buildArchiveRecordReport({ caseId: c.id }, w.options);
    expect(report!.signatureAccepted).toBe(true);
    expect(report!.matches).toEqual({ name: false, post: false });
    expect(report!.ok).toBe(false);
  });

  it("flags a record whose signer was revoked after the upload was accepted (as of the signing time it was not)", async () => {
    const c = await w.draft();
    expect((await w.upload(c.id, pdfs.signed)).status).toBe(201);
    const id = "seed-signer-archive-officer";
    const original = await w.db.authorizedSigner.findUniqueOrThrow({ where: { id } });
    try {
      // Revoked before the signature: the record no longer passes.
      await w.db.authorizedSigner.update({ where: { id }, data: { revokedAt: new Date(Date.now() - 3 * 3600_000), revokedReason: "Cambio de personal" } });
      const report = await buildArchiveRecordReport({ caseId: c.id }, w.options);
      expect(report!.signatureAccepted).toBe(false);
      expect(report!.signatures.ok).toBe(false);
      expect(report!.signatures.signatures[0]).toMatchObject({ authorized: false, revokedReason: "Cambio de personal" });
      expect(report!.ok).toBe(false);
    } finally {
      await w.db.authorizedSigner.update({ where: { id }, data: { revokedAt: original.revokedAt, revokedReason: original.revokedReason } });
    }
  });

  it("says in its own words when the certificate is registered for another office than the archive", async () => {
    const c = await w.draft();
    expect((await w.upload(c.id, pdfs.signed)).status).toBe(201);
    const id = "seed-signer-archive-officer";
    await w.db.authorizedSigner.update({ where: { id }, data: { office: "CENTRAL" } });
    try {
      const report = await buildArchiveRecordReport({ caseId: c.id }, w.options);
      expect(report!.signatures.signatures[0]).toMatchObject({
        expectedOffice: "ARCHIVE",
        authorized: false,
        authorizedAs: null,
        problems: ["El certificado está registrado para otra oficina, no para el Archivo Documental."],
      });
      // The signature's own problem says why; the upload check's generic line is not added.
      expect(report!.signatures.problems).toEqual([]);
      expect(report!.signatureAccepted).toBe(false);
      expect(report!.ok).toBe(false);
    } finally {
      await w.db.authorizedSigner.update({ where: { id }, data: { office: "ARCHIVE" } });
    }
  });

  it("says when the stored file is no longer the one uploaded: its hash, and content added after the archive's signature", async () => {
    const c = await w.draft();
    expect((await w.upload(c.id, pdfs.signed)).status).toBe(201);
    const file = await w.db.uploadedFile.findFirstOrThrow({ where: { caseId: c.id } });
    const changed = await w.options.storage.put(appendPageChange(pdfs.signed));
    await w.db.uploadedFile.update({ where: { id: file.id }, data: { storageKey: changed.key } });
    const report = await buildArchiveRecordReport({ caseId: c.id }, w.options);
    expect(report!.signatures.storedHashMatches).toBe(false);
    expect(report!.signatures.modifiedAfterLastSignature).toBe(true);
    expect(report!.signatures.problems).toEqual(
      expect.arrayContaining(["El archivo guardado no corresponde a la huella registrada al subirlo.", "El PDF fue modificado después de la firma del Archivo."]),
    );
    expect(report!.signatures.signatures[0].problems).toContain("La firma no llega al final del archivo: se agregó contenido después de firmar.");
    expect(report!.signatures.ok).toBe(false);
    expect(report!.ok).toBe(false);
  });

  it("is null for a case without the archive record", async () => {
    const c = await w.draft();
    expect(await buildArchiveRecordReport({ caseId: c.id }, w.options)).toBeNull();
  });
});
