import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSignatureReport } from "@/lib/cases/build-signature-report";
import { findVerification } from "@/lib/cases/find-verification";
import { generateCertification } from "@/lib/cases/generate-certification";
import { previewCertification } from "@/lib/cases/preview-certification";
import { readCaseDocument, readIssuedDocumentByCode } from "@/lib/cases/read-case-document";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { verificationUrl } from "@/lib/verification/verification-url";
import { transition } from "@/lib/workflow/transition";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { createNssDb, runPdfsig } from "@/tests/helpers/pdfsig";
import { CHECKLIST, createCertifyWorld, type TCertifyWorld } from "./certify-world";

let w: TCertifyWorld;

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

describe("D.1.1 from review to issuance with the real operations", () => {
  it("previews, generates, signs at the DIDEDUC, countersigns centrally; both signatures valid under pdfsig and our validator", async () => {
    const { db, actors, options } = w;
    const submitted = await w.caseInReview();
    expect(submitted.state).toBe("DIDEDUC_REVIEW");

    // Preview: a PDF, nothing stored, no state change.
    const preview = await previewCertification({ actor: actors.reviewer, caseId: submitted.id }, options);
    expect(preview.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await db.documentVersion.count({ where: { caseId: submitted.id } })).toBe(0);
    expect((await db.case.findUniqueOrThrow({ where: { id: submitted.id } })).version).toBe(submitted.version);

    const generated = await generateCertification(
      { actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, ip: "10.0.0.1", checklist: CHECKLIST },
      options,
    );
    expect(generated.state).toBe("DIDEDUC_SIGNATURE");
    expect(generated.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const sheet = await db.certificationSheet.findFirstOrThrow({ where: { caseId: submitted.id } });
    const data = ZCertificationSheetData.parse(sheet.data);
    expect(data.holder.fullName).toBe("María José Ixcot Chávez");
    expect(data.verification).toEqual({ code: generated.verificationCode, url: verificationUrl(generated.verificationCode) });
    expect(data.studies?.rows).toHaveLength(3);
    expect(data.attachedPages).toBe(5);
    expect(data.issuingOffices[0]).toBe("Dirección Departamental de Educación de Guatemala Norte");
    // The Guatemala Norte director is the DIDEDUC's one active registered signer: named on the sheet.
    expect(data.signers[0].name).toBe("José Antonio Pérez Gómez");
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: submitted.id, action: "generate_certification" } });
    expect((event.data as { checklist: unknown }).checklist).toEqual(CHECKLIST);
    expect(event.ip).toBe("10.0.0.1");
    const unsigned = await readCaseDocument({ actor: actors.signer, caseId: submitted.id }, options);
    expect(unsigned?.stage).toBe("UNSIGNED");

    const signed = await signCertification(
      { actor: actors.signer, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte"), ip: null },
      options,
    );
    expect(signed.state).toBe("CENTRAL_REVIEW");
    const centralReport = await buildSignatureReport({ caseId: submitted.id }, options);
    expect(centralReport?.ok).toBe(true);
    expect(centralReport?.stage).toBe("DIDEDUC_SIGNED");
    expect(centralReport?.signatures).toHaveLength(1);
    expect(centralReport?.signatures[0]).toMatchObject({
      signerName: "José Antonio Pérez Gómez",
      intact: true,
      coversWholeFile: true,
      authorized: true,
      validAtSigning: true,
      expectedOffice: "DIDEDUC",
      chainTrusted: true,
    });

    // In process: the verification page already knows the code.
    const inProcess = await findVerification(generated.verificationCode.toLowerCase(), options);
    expect(inProcess?.status).toBe("IN_PROCESS");
    expect(inProcess?.sha256).toBeNull();
    expect(inProcess?.signers.map((s) => s.name)).toEqual(["José Antonio Pérez Gómez"]);
    // The citizen cannot read a document before issuance.
    expect(await readCaseDocument({ actor: actors.citizen, caseId: submitted.id }, options)).toBeNull();

    const issued = await signAndIssue(
      { actor: actors.assistant, caseId: submitted.id, expectedVersion: signed.version, signer: w.signer("central-assistant"), ip: null },
      options,
    );
    expect(issued.state).toBe("ISSUED");
    const row = await db.case.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(row.issuedAt).not.toBeNull();
    expect(row.verificationCode).toBe(generated.verificationCode);
    expect(await db.signature.count({ where: { caseId: submitted.id } })).toBe(2);
    const mails = await db.outboxMail.findMany({ where: { caseId: submitted.id } });
    expect(mails.map((m) => m.subject)).toContain(`Su certificación ${row.number} fue emitida`);
    expect(mails.find((m) => m.subject.includes("emitida"))!.text).toContain(verificationUrl(generated.verificationCode));

    // The citizen downloads it; the bytes are the ones the registry row names.
    const download = await readCaseDocument({ actor: actors.citizen, caseId: submitted.id }, options);
    expect(download?.stage).toBe("ISSUED");
    expect(createHash("sha256").update(download!.bytes).digest("hex")).toBe(download!.sha256);
    expect(await readCaseDocument({ actor: actors.otherCitizen, caseId: submitted.id }, options)).toBeNull();
    expect(await readCaseDocument({ actor: actors.reviewerXela, caseId: submitted.id }, options)).toBeNull();
    expect(await readCaseDocument({ actor: actors.citizen, caseId: submitted.id, stage: "UNSIGNED" }, options)).toBeNull();

    // Two signatures, each timestamped, then DSS and document timestamp over the whole file: our
    // reading, our validator, pdfsig (poppler + NSS) with the demo root trusted, qpdf.
    const validation = validatePdfSignatures(download!.bytes, { trustedRoots: [w.pki.rootPem] });
    expect(validation.signatures[0].reason).toContain("Dirección Departamental de Educación de Guatemala Norte");
    const file = path.join(w.root, "issued.pdf");
    fs.writeFileSync(file, download!.bytes);
    expectLongTermPdf(download!.bytes, { rootPem: w.pki.rootPem, signers: 2, file, nss: createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss") }) });
    const pdfsig = runPdfsig(file, createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss-first") }));
    expect(pdfsig.signatures[0].totalDocumentSigned).toBe(false);
    expect(pdfsig.signatures[1].totalDocumentSigned).toBe(false);

    const report = await buildSignatureReport({ caseId: submitted.id }, options);
    expect(report?.ok).toBe(true);
    expect(report?.signatures.map((s) => [s.expectedOffice, s.authorized, s.validAtSigning, s.intact])).toEqual([
      ["DIDEDUC", true, true, true],
      ["CENTRAL", true, true, true],
    ]);
    // Each signature is followed by later ones, the DSS and the document timestamp: covered, not modified.
    expect(report?.signatures.map((s) => [s.coversWholeFile, s.coveredByLaterUpdates, s.level])).toEqual([
      [false, true, "B-LTA"],
      [false, true, "B-LTA"],
    ]);

    const verification = await findVerification(generated.verificationCode, options);
    expect(verification).toMatchObject({
      status: "ISSUED",
      sha256: download!.sha256,
      holderName: "María J*** I**** C*****",
      documentType: "Certificación electrónica de expediente educativo",
      caseNumber: row.number,
    });
    expect(verification?.signers.map((s) => [s.name, s.officeKind])).toEqual([
      ["José Antonio Pérez Gómez", "DIDEDUC"],
      ["Karla Beatriz Orellana Saquic", "CENTRAL"],
    ]);
    const publicCopy = await readIssuedDocumentByCode(generated.verificationCode, options);
    expect(publicCopy?.sha256).toBe(download!.sha256);
    expect(await findVerification("ZZZZ-ZZZZ-ZZZZ", options)).toBeNull();
    expect(await findVerification("no es un código", options)).toBeNull();
  });

  it("a return from the central office and a new generation keep the verification code; the coordinator can issue", async () => {
    const { db, actors, options } = w;
    const submitted = await w.caseInReview();
    const first = await generateCertification(
      { actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST },
      options,
    );
    const signed = await signCertification(
      { actor: actors.signer, caseId: submitted.id, expectedVersion: first.version, signer: w.signer("signer-guatemala-norte") },
      options,
    );
    const returned = await transition(submitted.id, "return", actors.assistant, { reason: "El año de sexto primaria no coincide." }, signed.version, {
      db,
    });
    expect(returned.state).toBe("DIDEDUC_REVIEW");

    const second = await generateCertification(
      { actor: actors.reviewer, caseId: submitted.id, expectedVersion: returned.version, checklist: CHECKLIST },
      options,
    );
    expect(second.verificationCode).toBe(first.verificationCode);
    expect(await db.certificationSheet.count({ where: { caseId: submitted.id } })).toBe(2);
    // The current document is the new unsigned one, not the old signed one.
    expect((await readCaseDocument({ actor: actors.signer, caseId: submitted.id }, options))?.stage).toBe("UNSIGNED");

    const signedAgain = await signCertification(
      { actor: actors.signer, caseId: submitted.id, expectedVersion: second.version, signer: w.signer("signer-guatemala-norte") },
      options,
    );
    const issued = await signAndIssue(
      { actor: actors.coordinator, caseId: submitted.id, expectedVersion: signedAgain.version, signer: w.signer("central-coordinator") },
      options,
    );
    expect(issued.state).toBe("ISSUED");
    const doc = await readCaseDocument({ actor: actors.citizen, caseId: submitted.id }, options);
    const verification = await findVerification(first.verificationCode, options);
    expect(verification?.status).toBe("ISSUED");
    // Only the signatures of the issued sheet, not the one on the returned version.
    expect(verification?.signers.map((s) => s.name)).toEqual(["José Antonio Pérez Gómez", "Sofía Alejandra Barrios Ordóñez"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: submitted.id, action: "sign_and_issue" } });
    expect(event.role).toBe("CENTRAL_COORDINATOR");

    const file = path.join(w.root, "issued-after-return.pdf");
    fs.writeFileSync(file, doc!.bytes);
    expectLongTermPdf(doc!.bytes, { rootPem: w.pki.rootPem, signers: 2, file, nss: createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss-2") }) });
  });

  it("refuses generation without the whole checklist, and preview or generation by another DIDEDUC's reviewer", async () => {
    const { db, actors, options } = w;
    const submitted = await w.caseInReview();
    await expect(
      generateCertification(
        { actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: { ...CHECKLIST, gradeLevels: false } },
        options,
      ),
    ).rejects.toMatchObject({ code: "CHECKLIST_INCOMPLETE", fieldErrors: { "checklist.gradeLevels": expect.any(Array) } });
    await expect(previewCertification({ actor: actors.reviewerXela, caseId: submitted.id }, options)).rejects.toMatchObject({ code: "OUT_OF_SCOPE" });
    await expect(
      generateCertification({ actor: actors.reviewerXela, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST }, options),
    ).rejects.toMatchObject({ code: "OUT_OF_SCOPE" });
    await expect(
      generateCertification({ actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version - 1, checklist: CHECKLIST }, options),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    const after = await db.case.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(after).toMatchObject({ state: "DIDEDUC_REVIEW", version: submitted.version, verificationCode: null });
    expect(await db.certificationSheet.count({ where: { caseId: submitted.id } })).toBe(0);
  });

  it("a reviewer by delegation previews and generates; the audit trail records the delegation", async () => {
    const { db, actors, options } = w;
    const submitted = await w.caseInReview();
    const preview = await previewCertification({ actor: actors.delegate, caseId: submitted.id }, options);
    expect(preview.subarray(0, 5).toString()).toBe("%PDF-");
    const generated = await generateCertification(
      { actor: actors.delegate, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST },
      options,
    );
    expect(generated.state).toBe("DIDEDUC_SIGNATURE");
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: submitted.id, action: "generate_certification" } });
    expect(event.delegationId).toBe("seed-delegation-guatemala-norte");
    expect(event.role).toBe("DIDEDUC_REVIEWER");
    expect((await readCaseDocument({ actor: actors.delegate, caseId: submitted.id }, options))?.stage).toBe("UNSIGNED");
    // The delegation covers reviewing only: signing stays with the director.
    await expect(
      signCertification({ actor: actors.delegate, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte") }, options),
    ).rejects.toMatchObject({ code: "FORBIDDEN_ROLE" });
  });

  it("a code whose case was rejected after generation verifies as cancelled, with no file", async () => {
    const { db, actors, options } = w;
    const submitted = await w.caseInReview();
    const generated = await generateCertification(
      { actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST },
      options,
    );
    await transition(submitted.id, "reject_definitively", actors.signer, { reason: "Los documentos presentan alteraciones." }, generated.version, { db });
    const verification = await findVerification(generated.verificationCode, options);
    expect(verification).toMatchObject({ status: "CANCELLED", sha256: null, issuedAt: null });
    expect(await readIssuedDocumentByCode(generated.verificationCode, options)).toBeNull();
  });
});
