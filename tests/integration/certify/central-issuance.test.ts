import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSignatureReport } from "@/lib/cases/build-signature-report";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { findVerification } from "@/lib/cases/find-verification";
import { generateCertification } from "@/lib/cases/generate-certification";
import { previewCertification } from "@/lib/cases/preview-certification";
import { issuedByCentralOnly } from "@/lib/cases/procedure-sheets";
import { readCaseDocument } from "@/lib/cases/read-case-document";
import { completeCaseSigning } from "@/lib/cases/signing/complete-case-signing";
import { prepareCaseSigning } from "@/lib/cases/signing/prepare-case-signing";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { SigningRefusal } from "@/lib/cases/signing/signing-refusal";
import type { FileKind, Procedure } from "@/lib/generated/prisma/enums";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { verificationUrl } from "@/lib/verification/verification-url";
import { transition } from "@/lib/workflow/transition";
import { TransitionError } from "@/lib/workflow/transition-error";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb, runPdfsig, type TNssDb } from "@/tests/helpers/pdfsig";
import { CHECKLIST, D21_CHECKLIST, createCertifyWorld, makeScanPdf, type TCertifyWorld } from "./certify-world";

// Issue #4's central-only issuance (D.1.2, D.2.2, D.3: no DIDEDUC signature): at "Firmar y emitir"
// the central office's sheet is rendered with the QR, merged in front of the case's files (the
// procedure's attachments embedded unchanged), signed once with the central certificate, stored
// as the ISSUED version, the case transitions and the applicant is mailed. Cases are created with
// createDraftCase and moved with transition(), as the citizen forms of these procedures are being
// built elsewhere.

let w: TCertifyWorld;
let nss: TNssDb;

beforeAll(async () => {
  w = await createCertifyWorld();
  nss = createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss-central") });
});
afterAll(async () => {
  await w?.cleanup();
});

// A D.2.2 title of the seed's registry (prisma/seed/diplomas.ts).
const D22_FORM = {
  registrationNumber: "D-2015-018734",
  student: { firstNames: "María José", lastNames: "Ixcot Chávez", cui: "5260181510901", birthDate: "1997-06-02" },
  contactPhone: "5512-3478",
};

const D12_FORM = {
  student: { firstNames: "Rosa Amalia", lastNames: "Sic Batz", cui: "9083016690101" },
  record: { degree: "Maestra de Educación Primaria Urbana", institution: "Escuela Normal Central para Varones", graduationYear: 1988 },
  archiveOfficer: { name: "Marta Julia Estrada Castillo", post: "Encargada del Archivo Documental" },
  contactPhone: "4478-2106",
};

// A PDF the archive signed (with the demo archive officer's certificate), as the citizen receives it.
async function archiveSignedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const side of ["anverso", "reverso"]) {
    const page = doc.addPage([612, 792]);
    page.drawText(`Expediente de graduacion 1988 - Rosa Amalia Sic Batz - ${side}`, { x: 72, y: 700, size: 14, font });
  }
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  const { pkcs12, passphrase } = w.p12("archive-officer");
  return signPdf(unsigned, openPkcs12Signer(pkcs12, passphrase), {
    reason: "Certificación del expediente de graduación",
    location: "Ciudad de Guatemala",
    name: "Marta Julia Estrada Castillo",
    signingTime: new Date(),
  });
}

async function attachFile(caseId: string, kind: FileKind, originalName: string, bytes: Buffer): Promise<void> {
  const stored = await w.storage.put(bytes);
  const pages = (await PDFDocument.load(bytes)).getPageCount();
  await w.db.uploadedFile.create({
    data: { caseId, uploaderId: w.actors.citizen.id, kind, originalName, sha256: stored.sha256, size: stored.size, pages, storageKey: stored.key },
  });
}

// A case of the demo citizen, with its files, submitted to CENTRAL_REVIEW.
async function caseInCentralReview(procedure: Procedure, formData: Record<string, unknown>, files: Array<[FileKind, string, Buffer]>) {
  const draft = await createDraftCase(w.actors.citizen, { procedure, formData }, { db: w.db });
  for (const [kind, name, bytes] of files) await attachFile(draft.id, kind, name, bytes);
  const submitted = await transition(draft.id, "submit", w.actors.citizen, {}, draft.version, { db: w.db });
  expect(submitted.state).toBe("CENTRAL_REVIEW");
  return submitted;
}

async function d22Case(formData: Record<string, unknown> = D22_FORM) {
  return caseInCentralReview("DIPLOMA_FROM_2005", formData, [
    ["SCAN", "titulo-anverso.pdf", await makeScanPdf(`titulo anverso ${Date.now()}`, 1)],
    ["SCAN", "titulo-reverso.pdf", await makeScanPdf(`titulo reverso ${Date.now()}`, 1)],
  ]);
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

async function snapshot(caseId: string) {
  return {
    case: await w.db.case.findUniqueOrThrow({ where: { id: caseId } }),
    sheets: await w.db.certificationSheet.count({ where: { caseId } }),
    documents: await w.db.documentVersion.count({ where: { caseId } }),
    signatures: await w.db.signature.count({ where: { caseId } }),
    events: await w.db.auditEvent.count({ where: { caseId } }),
    mails: await w.db.outboxMail.count({ where: { caseId } }),
    files: countFiles(path.join(w.root, "files")),
  };
}

function writeTemp(name: string, bytes: Buffer): string {
  const file = path.join(w.root, name);
  fs.writeFileSync(file, bytes);
  return file;
}

// The QR on the first page, read from a 200 dpi rendering as a phone would.
function decodeQr(file: string): string {
  const prefix = `${file}-p1`;
  execFileSync("pdftoppm", ["-r", "200", "-f", "1", "-l", "1", "-singlefile", "-png", file, prefix]);
  return execFileSync("zbarimg", ["-q", "--raw", `${prefix}.png`], { encoding: "utf8" }).trim();
}

function firstPageText(file: string): string {
  return execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", file, "-"], { encoding: "utf8" });
}

async function issuedBytes(caseId: string): Promise<Buffer> {
  const doc = await w.db.documentVersion.findFirstOrThrow({ where: { caseId, stage: "ISSUED" } });
  return w.storage.get(doc.storageKey);
}

// One signature, by the central office, timestamped, then DSS and document timestamp over the
// whole file (PAdES B-LTA layout): our reading and validator, pdfsig with the demo root trusted,
// qpdf; and the levels and times the database records for it.
async function expectOneCentralSignature(file: string, bytes: Buffer) {
  const layout = expectLongTermPdf(bytes, { rootPem: w.pki.rootPem, signers: 1, file, nss });
  const doc = await w.db.documentVersion.findFirstOrThrow({ where: { sha256: createHash("sha256").update(bytes).digest("hex") } });
  expect(doc.padesLevel).toBe("B-LTA");
  expect(doc.documentTimestampedAt).toEqual(layout.documentTimestampedAt);
  const [signature] = await w.db.signature.findMany({ where: { documentVersionId: doc.id } });
  expect(signature.timestampedAt).toEqual(layout.signatures[0].timestampedAt);
  expect(signature.timestampAuthority).toBe(layout.signatures[0].tsaName);
}

describe("which procedures the central office issues alone (from the workflow definitions)", () => {
  it("D.1.2, D.2.2 and D.3; not D.1.1, D.2.1 (DIDEDUC signature) nor D.4 (no certification)", () => {
    expect(issuedByCentralOnly("GRADUATION_RECORD")).toBe(true);
    expect(issuedByCentralOnly("DIPLOMA_FROM_2005")).toBe(true);
    expect(issuedByCentralOnly("SWORN_TRANSLATION")).toBe(true);
    expect(issuedByCentralOnly("EDUCATIONAL_RECORD")).toBe(false);
    expect(issuedByCentralOnly("DIPLOMA_BEFORE_2005")).toBe(false);
    expect(issuedByCentralOnly("TRANSLATOR_REGISTRATION")).toBe(false);
  });
});

describe("D.2.2 issued by the central office alone", () => {
  it("previews with code 0000-0000-0000, then signs once: valid under pdfsig, QR to the verification URL, mail, verification page", async () => {
    const submitted = await d22Case();

    // The central preview: sheet + scans, placeholder code, nothing stored, no state change.
    const before = await snapshot(submitted.id);
    const preview = await previewCertification({ actor: w.actors.assistant, caseId: submitted.id }, w.options);
    expect(preview.subarray(0, 5).toString()).toBe("%PDF-");
    const previewFile = writeTemp(`preview-${submitted.id}.pdf`, preview);
    const previewText = firstPageText(previewFile);
    expect(previewText).toContain("0000-0000-0000");
    expect(previewText).toContain("VISTA PREVIA");
    expect(decodeQr(previewFile)).toBe(verificationUrl("0000-0000-0000"));
    expect((await PDFDocument.load(preview)).getPageCount()).toBeGreaterThanOrEqual(3);
    expect(validatePdfSignatures(preview, { trustedRoots: [] }).signatures).toHaveLength(0);
    expect(await snapshot(submitted.id)).toEqual(before);
    // Only whoever may issue it previews it: not a DIDEDUC reviewer.
    await expect(previewCertification({ actor: w.actors.reviewer, caseId: submitted.id }, w.options)).rejects.toBeInstanceOf(TransitionError);

    const issued = await signAndIssue(
      { actor: w.actors.assistant, caseId: submitted.id, expectedVersion: submitted.version, signer: w.signer("central-assistant"), ip: "10.0.0.9" },
      w.options,
    );
    expect(issued).toEqual({ version: submitted.version + 1, state: "ISSUED" });

    const c = await w.db.case.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(c.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(c.issuedAt).not.toBeNull();
    const code = c.verificationCode!;
    expect(await w.db.certificationSheet.count({ where: { caseId: c.id } })).toBe(1);
    const versions = await w.db.documentVersion.findMany({ where: { caseId: c.id } });
    expect(versions.map((v) => v.stage)).toEqual(["ISSUED"]);
    const signatures = await w.db.signature.findMany({ where: { caseId: c.id } });
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({ signerId: w.actors.assistant.id, role: "CENTRAL_ASSISTANT", documentVersionId: versions[0].id });

    // The frozen sheet: the central office alone, the signer named, the registry's data.
    const sheet = await w.db.certificationSheet.findFirstOrThrow({ where: { caseId: c.id } });
    const data = ZCertificationSheetData.parse(sheet.data);
    expect(data.procedure).toBe("DIPLOMA_FROM_2005");
    expect(data.issuingOffices).toEqual(["Departamento de Atención al Ciudadano — DISERSA"]);
    expect(data.signers).toEqual([
      { name: "Karla Beatriz Orellana Saquic", post: "Asistente de Atención al Ciudadano", office: "Departamento de Atención al Ciudadano — DISERSA", role: "CENTRAL" },
    ]);
    expect(data.holder).toEqual({ fullName: "María José Ixcot Chávez", cui: "5260 18151 0901" });
    expect(data.statement).toContain("registrado con el número D-2015-018734");
    expect(data.statement).toContain("Bachiller en Ciencias y Letras con Orientación en Computación");
    expect(data.fields).toContainEqual({ label: "Establecimiento educativo", value: "Instituto Nacional de Educación Diversificada, Quetzaltenango" });
    expect(data.verification).toEqual({ code, url: verificationUrl(code) });
    expect(data.attachedPages).toBe(2);
    expect(data.notes).toEqual([]);

    // The issued file: one signature over everything, the QR and printed code lead to its page.
    const bytes = await issuedBytes(c.id);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(versions[0].sha256);
    const file = writeTemp(`issued-${c.id}.pdf`, bytes);
    await expectOneCentralSignature(file, bytes);
    expect(decodeQr(file)).toBe(verificationUrl(code));
    const text = firstPageText(file);
    expect(text).toContain(code);
    expect(text).toContain(verificationUrl(code));
    expect(text).not.toContain("VISTA PREVIA");

    // The audit event, the mail, the verification page, the report, the citizen's download.
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "sign_and_issue" } });
    expect(event).toMatchObject({ fromState: "CENTRAL_REVIEW", toState: "ISSUED", ip: "10.0.0.9" });
    expect(event.data).toMatchObject({ documentVersionId: versions[0].id, sha256: versions[0].sha256, verificationCode: code });
    const mails = await w.db.outboxMail.findMany({ where: { caseId: c.id, subject: { contains: "fue emitida" } } });
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(verificationUrl(code));
    const verification = await findVerification(code, w.options);
    expect(verification).toMatchObject({
      status: "ISSUED",
      documentType: "Certificación electrónica de título de diversificado",
      issuingOffices: ["Departamento de Atención al Ciudadano — DISERSA"],
      sha256: versions[0].sha256,
    });
    expect(verification?.signers).toEqual([expect.objectContaining({ name: "Karla Beatriz Orellana Saquic", officeKind: "CENTRAL" })]);
    const report = await buildSignatureReport({ caseId: c.id }, w.options);
    expect(report?.ok).toBe(true);
    expect(report?.stage).toBe("ISSUED");
    expect(report?.signatures).toEqual([
      // The DSS and the document timestamp follow the signature: covered by them, not modified.
      expect.objectContaining({ expectedOffice: "CENTRAL", authorized: true, intact: true, coversWholeFile: false, coveredByLaterUpdates: true, level: "B-LTA", validAtSigning: true, chainTrusted: true }),
    ]);
    const download = await readCaseDocument({ actor: w.actors.citizen, caseId: c.id }, w.options);
    expect(download?.stage).toBe("ISSUED");
    expect(download?.bytes.equals(bytes)).toBe(true);
  });

  it("refuses, with nothing changed: a DIDEDUC certificate, the archive's, another person's central certificate, a DIDEDUC role", async () => {
    const submitted = await d22Case();
    const before = await snapshot(submitted.id);
    const input = { caseId: submitted.id, expectedVersion: submitted.version };

    const notCentral = await signAndIssue({ ...input, actor: w.actors.assistant, signer: w.signer("signer-guatemala-norte") }, w.options).catch((e: unknown) => e);
    expect(notCentral).toBeInstanceOf(SigningRefusal);
    expect(notCentral).toMatchObject({ code: "NOT_AUTHORIZED", field: "pkcs12" });
    expect((notCentral as Error).message).toMatch(/Atención al Ciudadano/);

    const archive = await signAndIssue({ ...input, actor: w.actors.assistant, signer: w.signer("archive-officer") }, w.options).catch((e: unknown) => e);
    expect(archive).toMatchObject({ name: "SigningRefusal", code: "NOT_AUTHORIZED" });

    const othersCertificate = await signAndIssue({ ...input, actor: w.actors.coordinator, signer: w.signer("central-assistant") }, w.options).catch((e: unknown) => e);
    expect(othersCertificate).toMatchObject({ name: "SigningRefusal", code: "NOT_AUTHORIZED" });

    const reviewer = await signAndIssue({ ...input, actor: w.actors.reviewer, signer: w.signer("central-assistant") }, w.options).catch((e: unknown) => e);
    expect(reviewer).toBeInstanceOf(TransitionError);

    expect(await snapshot(submitted.id)).toEqual(before);

    // The right certificate still works afterwards.
    await signAndIssue({ ...input, actor: w.actors.coordinator, signer: w.signer("central-coordinator") }, w.options);
    const bytes = await issuedBytes(submitted.id);
    await expectOneCentralSignature(writeTemp(`issued-coord-${submitted.id}.pdf`, bytes), bytes);
  });

  it("a double click issues once: one signature, one document, one mail", async () => {
    const submitted = await d22Case();
    const input = { actor: w.actors.assistant, caseId: submitted.id, expectedVersion: submitted.version, signer: w.signer("central-assistant") };
    const results = await Promise.allSettled([signAndIssue(input, w.options), signAndIssue(input, w.options)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected?.reason).toMatchObject({ code: "STALE_VERSION" });
    expect(await w.db.signature.count({ where: { caseId: submitted.id } })).toBe(1);
    expect(await w.db.documentVersion.count({ where: { caseId: submitted.id } })).toBe(1);
    expect(await w.db.certificationSheet.count({ where: { caseId: submitted.id } })).toBe(1);
    expect(await w.db.outboxMail.count({ where: { caseId: submitted.id, subject: { contains: "fue emitida" } } })).toBe(1);
    await expect(signAndIssue(input, w.options)).rejects.toMatchObject({ code: "STALE_VERSION" });
    const bytes = await issuedBytes(submitted.id);
    await expectOneCentralSignature(writeTemp(`issued-double-${submitted.id}.pdf`, bytes), bytes);
  });

  it("through prepare and complete (issue #13): prepare renders the sheet naming the signer and changes nothing of the case; complete writes sheet, code, ISSUED version, signature and mail in one transition", async () => {
    const submitted = await d22Case();
    const before = await snapshot(submitted.id);
    const signer = w.signer("central-assistant");
    const { certificate, chain } = await signer.certificates();
    const prepared = await prepareCaseSigning(
      { actor: w.actors.assistant, caseId: submitted.id, expectedVersion: submitted.version, action: "sign_and_issue", certificates: [certificate, ...chain] },
      w.options,
    );
    // The row keeps what complete writes: the rendered sheet (naming the signer) and its code.
    const row = await w.db.preparedSigning.findUniqueOrThrow({ where: { id: prepared.preparedSigningId } });
    expect(row.sourceDocumentVersionId).toBeNull();
    expect(row.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const sheetData = ZCertificationSheetData.parse(row.sheetData);
    expect(sheetData.signers.find((s) => s.role === "CENTRAL")?.name).toBe(w.actors.assistant.name);
    // Nothing of the case changed (the prepared file is the prepare's own, swept later).
    const { files: _files, ...caseBefore } = before;
    const { files: _filesNow, ...caseNow } = await snapshot(submitted.id);
    expect(caseNow).toEqual(caseBefore);

    const issued = await completeCaseSigning(
      { actor: w.actors.assistant, preparedSigningId: prepared.preparedSigningId, signatureValue: await signer.sign(Buffer.from(prepared.signedAttributes, "base64")) },
      w.options,
    );
    expect(issued.state).toBe("ISSUED");
    const after = await w.db.case.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(after.verificationCode).toBe(row.verificationCode);
    const sheet = await w.db.certificationSheet.findFirstOrThrow({ where: { caseId: submitted.id } });
    expect(sheet.id).toBe(row.sheetId);
    expect(sheet.data).toEqual(row.sheetData);
    const doc = await w.db.documentVersion.findFirstOrThrow({ where: { caseId: submitted.id } });
    expect(doc).toMatchObject({ stage: "ISSUED", sheetId: row.sheetId, padesLevel: "B-LTA" });
    expect(await w.db.signature.count({ where: { caseId: submitted.id, documentVersionId: doc.id } })).toBe(1);
    expect(await w.db.outboxMail.count({ where: { caseId: submitted.id, subject: { contains: "fue emitida" } } })).toBe(1);
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { caseId: submitted.id, action: "sign_and_issue" } });
    expect(event.data).toMatchObject({ sheetId: row.sheetId, verificationCode: row.verificationCode, documentVersionId: doc.id });
    // Replayed: refused, nothing more.
    await expect(
      completeCaseSigning({ actor: w.actors.assistant, preparedSigningId: prepared.preparedSigningId, signatureValue: await signer.sign(Buffer.from(prepared.signedAttributes, "base64")) }, w.options),
    ).rejects.toMatchObject({ code: "PREPARED_SIGNING_INVALID" });
    expect(await w.db.documentVersion.count({ where: { caseId: submitted.id } })).toBe(1);
    const bytes = await issuedBytes(submitted.id);
    await expectOneCentralSignature(writeTemp(`issued-prepared-${submitted.id}.pdf`, bytes), bytes);
  });

  it("two central prepares of the same case: the first completed issues, the second is refused at complete and writes nothing", async () => {
    const submitted = await d22Case();
    const signer = w.signer("central-assistant");
    const { certificate, chain } = await signer.certificates();
    const prepare = () =>
      prepareCaseSigning(
        { actor: w.actors.assistant, caseId: submitted.id, expectedVersion: submitted.version, action: "sign_and_issue", certificates: [certificate, ...chain] },
        w.options,
      );
    const [first, second] = [await prepare(), await prepare()];
    const complete = async (p: typeof first) =>
      completeCaseSigning({ actor: w.actors.assistant, preparedSigningId: p.preparedSigningId, signatureValue: await signer.sign(Buffer.from(p.signedAttributes, "base64")) }, w.options);
    await complete(first);
    const before = await snapshot(submitted.id);
    await expect(complete(second)).rejects.toBeInstanceOf(TransitionError);
    expect(await snapshot(submitted.id)).toEqual(before);
    expect(await w.db.certificationSheet.count({ where: { caseId: submitted.id } })).toBe(1);
  });

  it("refuses a registration number the title registry does not hold, with nothing changed", async () => {
    const submitted = await d22Case({ ...D22_FORM, registrationNumber: "D-1999-000001" });
    const before = await snapshot(submitted.id);
    await expect(
      signAndIssue({ actor: w.actors.assistant, caseId: submitted.id, expectedVersion: submitted.version, signer: w.signer("central-assistant") }, w.options),
    ).rejects.toMatchObject({ name: "DomainError", code: "NOT_IN_DIPLOMA_REGISTRY" });
    expect(await snapshot(submitted.id)).toEqual(before);
  });
});

describe("D.1.2: the archive's signed PDF travels inside the issued file unchanged", () => {
  it("merges its pages after the sheet, embeds the original byte for byte, and its own signature still validates after extraction", async () => {
    const original = await archiveSignedPdf();
    const submitted = await caseInCentralReview("GRADUATION_RECORD", D12_FORM, [["ARCHIVE_RECORD", "expediente-graduacion-1988.pdf", original]]);
    await signAndIssue(
      { actor: w.actors.assistant, caseId: submitted.id, expectedVersion: submitted.version, signer: w.signer("central-assistant") },
      w.options,
    );
    const c = await w.db.case.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(c.state).toBe("ISSUED");
    const data = ZCertificationSheetData.parse((await w.db.certificationSheet.findFirstOrThrow({ where: { caseId: c.id } })).data);
    expect(data.attachmentNames).toEqual(["expediente-graduacion-1988.pdf"]);
    expect(data.attachedPages).toBe(2);
    expect(data.statement).toContain("Marta Julia Estrada Castillo");
    expect(data.holder.fullName).toBe("Rosa Amalia Sic Batz");

    const bytes = await issuedBytes(c.id);
    const file = writeTemp(`issued-d12-${c.id}.pdf`, bytes);
    // The archive's signature on the merged pages is not copied: the issued file has only ours.
    await expectOneCentralSignature(file, bytes);
    expect(decodeQr(file)).toBe(verificationUrl(c.verificationCode!));

    const list = execFileSync("pdfdetach", ["-list", file], { encoding: "utf8" });
    expect(list).toContain("1 embedded files");
    expect(list).toContain("expediente-graduacion-1988.pdf");
    const out = path.join(w.root, `detached-${c.id}`);
    fs.mkdirSync(out);
    execFileSync("pdfdetach", ["-saveall", "-o", out, file]);
    const extracted = fs.readFileSync(path.join(out, "expediente-graduacion-1988.pdf"));
    expect(extracted.equals(original)).toBe(true);
    const archiveSig = runPdfsig(path.join(out, "expediente-graduacion-1988.pdf"), nss);
    expect(archiveSig.signatures).toHaveLength(1);
    expect(archiveSig.signatures[0].signatureValidation).toBe("Signature is Valid.");
    expect(archiveSig.signatures[0].certificateValidation).toBe("Certificate is Trusted.");
    expect(archiveSig.signatures[0].totalDocumentSigned).toBe(true);
  });
});

describe("D.3: a sworn translation issued by the central office", () => {
  it("prints the registered translator and the translator's DIDEDUC; one valid central signature over sheet and translation", async () => {
    // The D.3 form (lib/cases/forms/sworn-translation-form.ts), the translator typed loosely: the
    // sheet prints the registry's own spelling.
    const form = {
      translator: { name: "ana lucia mendez ruiz", agreementNumber: "2418-2019", registrationNumber: "tj-gn-0042", language: "Ingles" },
      documentTitle: "Certificado de nacimiento",
      holderName: "Rosa Amelia Tzul Chay",
    };
    const submitted = await caseInCentralReview("SWORN_TRANSLATION", form, [["TRANSLATION", "traduccion.pdf", await makeScanPdf("traduccion jurada", 2)]]);
    await signAndIssue({ actor: w.actors.assistant, caseId: submitted.id, expectedVersion: submitted.version, signer: w.signer("central-assistant") }, w.options);
    const data = ZCertificationSheetData.parse((await w.db.certificationSheet.findFirstOrThrow({ where: { caseId: submitted.id } })).data);
    expect(data.title).toBe("Certificación de traducción jurada");
    expect(data.statement).toContain("Ana Lucía Méndez Ruiz, traductora jurada del idioma inglés");
    expect(data.statement).toContain("registrada en la Dirección Departamental de Educación de Guatemala Norte con el número TJ-GN-0042");
    // The holder is the person the translated document belongs to, as typed.
    expect(data.holder.fullName).toBe("Rosa Amelia Tzul Chay");
    expect(data.fields).toContainEqual({ label: "Traductora jurada", value: "Ana Lucía Méndez Ruiz" });
    expect(data.fields).toContainEqual({ label: "Acuerdo o resolución de nombramiento", value: "Acuerdo Ministerial 2418-2019" });
    expect(data.fields).toContainEqual({ label: "Documento traducido", value: "Certificado de nacimiento" });
    expect(data.attachedPages).toBe(2);
    const bytes = await issuedBytes(submitted.id);
    const file = writeTemp(`issued-d3-${submitted.id}.pdf`, bytes);
    await expectOneCentralSignature(file, bytes);
    const c = await w.db.case.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(decodeQr(file)).toBe(verificationUrl(c.verificationCode!));
  });
});

describe("D.2.1 follows the DIDEDUC path through the same registry", () => {
  it("generates the title's sheet at the DIDEDUC, signs there, countersigns centrally: two valid signatures", async () => {
    const form = {
      modality: "ESCOLAR",
      title: { degree: "Bachiller en Ciencias y Letras", specialty: "", institution: "Instituto Nacional de Educación Diversificada, Mixco", graduationYear: 2001 },
      cgcStamp: { registrationNumber: "CGC-2001-4471", book: "12", folio: "88", date: "2001-12-03" },
      cgcStampConfirmed: true,
      student: { firstNames: "Juan Pablo", lastNames: "Sic Batz", cui: "9083016690101", birthDate: "1983-02-11" },
      signedBy: "DIDEDUC",
    };
    const draft = await createDraftCase(w.actors.citizen, { procedure: "DIPLOMA_BEFORE_2005", dideducId: w.gn.id, formData: form }, { db: w.db });
    await attachFile(draft.id, "SCAN", "titulo.pdf", await makeScanPdf(`titulo ${draft.number}`, 2));
    const submitted = await transition(draft.id, "submit", w.actors.citizen, {}, draft.version, { db: w.db });
    expect(submitted.state).toBe("DIDEDUC_REVIEW");

    const generated = await generateCertification(
      { actor: w.actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: D21_CHECKLIST },
      w.options,
    );
    const data = ZCertificationSheetData.parse((await w.db.certificationSheet.findFirstOrThrow({ where: { caseId: submitted.id } })).data);
    expect(data.issuingOffices).toEqual(["Dirección Departamental de Educación de Guatemala Norte", "Departamento de Atención al Ciudadano — DISERSA"]);
    expect(data.title).toBe("Certificación electrónica de título de diversificado");
    expect(data.documents).toEqual([{ label: "Título de diversificado", description: "Bachiller en Ciencias y Letras" }]);
    expect(data.statement).toContain("Contraloría General de Cuentas");
    expect(data.fields).toContainEqual({ label: "Sello de la Contraloría General de Cuentas", value: "registro n.º CGC-2001-4471, libro 12, folio 88, fecha 3 de diciembre de 2001" });
    expect(data.signers.map((s) => s.office)).toEqual(["Dirección Departamental de Educación de Guatemala Norte", "Departamento de Atención al Ciudadano — DISERSA"]);

    const signed = await signCertification(
      { actor: w.actors.signer, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte") },
      w.options,
    );
    await signAndIssue({ actor: w.actors.assistant, caseId: submitted.id, expectedVersion: signed.version, signer: w.signer("central-assistant") }, w.options);
    await w.expectIssuedPdfValid(submitted.id);
  });
});
