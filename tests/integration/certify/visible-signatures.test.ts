import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { generateCertification } from "@/lib/cases/generate-certification";
import { readCaseDocument } from "@/lib/cases/read-case-document";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { formatGuatemalaDateTime } from "@/lib/signing/build-signature-appearance";
import { transition } from "@/lib/workflow/transition";
import { expectLongTermPdf } from "@/tests/helpers/long-term-pdf";
import { runMutoolVerify } from "@/tests/helpers/mutool";
import { createNssDb, qpdfCheck, runPdfsig, type TNssDb } from "@/tests/helpers/pdfsig";
import { pdfWordBoxes, pdfWordsInside } from "@/tests/unit/pdf/poppler";
import { CHECKLIST, createCertifyWorld, makeScanPdf, type TCertifyWorld } from "./certify-world";

// Visible signatures through the real operations on PostgreSQL: the sheet generated at the DIDEDUC
// records where its two signature boxes are; the DIDEDUC's signature draws its signer in the first
// box, the central countersignature its signer in the second; a central-only issuance draws in its
// one box. What a reader of the issued file sees is read back with poppler.

let w: TCertifyWorld;
let nss: TNssDb;

beforeAll(async () => {
  w = await createCertifyWorld();
  nss = createNssDb([w.pki.rootPem], { dir: path.join(w.root, "nss-visible") });
});
afterAll(async () => {
  await w?.cleanup();
});

function writeTemp(name: string, bytes: Buffer): string {
  const file = path.join(w.root, name);
  fs.writeFileSync(file, bytes);
  return file;
}

// The independent checkers on a signed stage of a case's document. The issued file (`longTerm`) is
// B-LTA — its signatures, then DSS and document timestamp (expectLongTermPdf runs pdfsig and qpdf
// on it); the DIDEDUC's stage is one timestamped signature reaching the end of the file. mutool:
// every CAdES signature's digest holds (it reads a document timestamp as unsigned).
function expectCheckersAccept(file: string, signatures: number, longTerm: boolean) {
  const bytes = fs.readFileSync(file);
  if (longTerm) expectLongTermPdf(bytes, { rootPem: w.pki.rootPem, signers: signatures, file, nss });
  else {
    const pdfsig = runPdfsig(file, nss);
    expect(pdfsig.signatures.map((s) => [s.signatureValidation, s.certificateValidation]), pdfsig.output).toEqual(
      Array(signatures).fill(["Signature is Valid.", "Certificate is Trusted."]),
    );
    expect(pdfsig.signatures.at(-1)?.totalDocumentSigned).toBe(true);
    expect(qpdfCheck(file).clean).toBe(true);
  }
  const mutool = runMutoolVerify(file);
  expect(mutool.output).not.toMatch(/Digest error/);
  expect(mutool.output.split("\n").filter((l) => /^\s*(The signature is valid|The document is unchanged since signing)/.test(l)), mutool.output).toHaveLength(signatures);
}

async function authorizedSigner(name: string) {
  return w.db.authorizedSigner.findFirstOrThrow({ where: { name, revokedAt: null } });
}

describe("visible signatures on a D.1.1 case", () => {
  it("the DIDEDUC signer is drawn in the DIDEDUC box when signing, the central signer in the central box when issuing", async () => {
    const { db, actors, options } = w;
    const now = new Date();
    const at = { ...options, now };
    const submitted = await w.caseInReview();
    const generated = await generateCertification(
      { actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST },
      at,
    );
    const sheet = ZCertificationSheetData.parse((await db.certificationSheet.findFirstOrThrow({ where: { caseId: submitted.id } })).data);
    const boxes = sheet.signatureBoxes!;
    expect(boxes.map((b) => [b.signer, b.role])).toEqual([
      [0, "DIDEDUC"],
      [1, "CENTRAL"],
    ]);
    const unsigned = await readCaseDocument({ actor: actors.signer, caseId: submitted.id }, options);
    const [dideducBox, centralBox] = boxes;
    const page = dideducBox.pageIndex + 1;
    const unsignedFile = writeTemp("visible-d11-unsigned.pdf", unsigned!.bytes);
    expect(await pdfWordsInside(unsignedFile, page, dideducBox.rect)).toBe("");
    expect(await pdfWordsInside(unsignedFile, centralBox.pageIndex + 1, centralBox.rect)).toBe("");

    const signed = await signCertification(
      { actor: actors.signer, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte") },
      at,
    );
    const dideducSigner = await authorizedSigner("José Antonio Pérez Gómez");
    const dideducLines = [
      "José Antonio Pérez Gómez",
      dideducSigner.post,
      "Dirección Departamental de Educación de Guatemala Norte",
      `Firmado el ${formatGuatemalaDateTime(now)}`,
    ].join(" ");
    const once = await readCaseDocument({ actor: actors.assistant, caseId: submitted.id }, options);
    expect(once?.stage).toBe("DIDEDUC_SIGNED");
    const onceFile = writeTemp("visible-d11-once.pdf", once!.bytes);
    expect(await pdfWordsInside(onceFile, page, dideducBox.rect)).toBe(dideducLines);
    expect(await pdfWordsInside(onceFile, centralBox.pageIndex + 1, centralBox.rect)).toBe("");
    expectCheckersAccept(onceFile, 1, false);

    await signAndIssue({ actor: actors.assistant, caseId: submitted.id, expectedVersion: signed.version, signer: w.signer("central-assistant") }, at);
    const issued = await readCaseDocument({ actor: actors.citizen, caseId: submitted.id }, options);
    expect(issued?.stage).toBe("ISSUED");
    const issuedFile = writeTemp("visible-d11-issued.pdf", issued!.bytes);
    const centralSigner = await authorizedSigner("Karla Beatriz Orellana Saquic");
    expect(await pdfWordsInside(issuedFile, page, dideducBox.rect)).toBe(dideducLines);
    expect(await pdfWordsInside(issuedFile, centralBox.pageIndex + 1, centralBox.rect)).toBe(
      ["Karla Beatriz Orellana Saquic", centralSigner.post, "Departamento de Atención al Ciudadano — DISERSA", `Firmado el ${formatGuatemalaDateTime(now)}`].join(" "),
    );
    // The sheet printed without a name for the central signer still says so, beside the drawn box.
    const pageText = (await pdfWordBoxes(issuedFile)).filter((x) => x.page === page).map((x) => x.word).join(" ");
    expect(pageText).toContain("El nombre del firmante consta en su firma electrónica avanzada.");
    expectCheckersAccept(issuedFile, 2, true);
    expect(validatePdfSignatures(issued!.bytes, { trustedRoots: [w.pki.rootPem] }).valid).toBe(true);
  });

  it("a sheet stored before the boxes existed is signed invisibly, as before", async () => {
    const { db, actors, options } = w;
    const submitted = await w.caseInReview();
    const generated = await generateCertification(
      { actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST },
      options,
    );
    const stored = await db.certificationSheet.findFirstOrThrow({ where: { caseId: submitted.id } });
    const { signatureBoxes: _boxes, ...legacy } = stored.data as Record<string, unknown>;
    await db.certificationSheet.update({ where: { id: stored.id }, data: { data: legacy as Prisma.InputJsonValue } });

    await signCertification(
      { actor: actors.signer, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte") },
      options,
    );
    const once = await readCaseDocument({ actor: actors.assistant, caseId: submitted.id }, options);
    const text = once!.bytes.toString("latin1");
    expect(text).toMatch(/\/Rect \[0 0 0 0\] \/F 132 /);
    expect(text).not.toContain("/AP <<");
    expectCheckersAccept(writeTemp("visible-legacy.pdf", once!.bytes), 1, false);
  });
});

describe("visible signature on a central-only issuance (D.2.2)", () => {
  it("draws the central signer in the one box, beside the caption", async () => {
    const { db, actors, options } = w;
    const now = new Date();
    const draft = await createDraftCase(
      actors.citizen,
      {
        procedure: "DIPLOMA_FROM_2005",
        formData: {
          registrationNumber: "D-2015-018734",
          student: { firstNames: "María José", lastNames: "Ixcot Chávez", cui: "5260181510901", birthDate: "1997-06-02" },
          contactPhone: "5512-3478",
        },
      },
      { db },
    );
    for (const side of ["anverso", "reverso"]) {
      const stored = await w.storage.put(await makeScanPdf(`titulo ${side} ${draft.number}`, 1));
      await db.uploadedFile.create({
        data: { caseId: draft.id, uploaderId: actors.citizen.id, kind: "SCAN", originalName: `titulo-${side}.pdf`, sha256: stored.sha256, size: stored.size, pages: 1, storageKey: stored.key },
      });
    }
    const submitted = await transition(draft.id, "submit", actors.citizen, {}, draft.version, { db });
    expect(submitted.state).toBe("CENTRAL_REVIEW");

    await signAndIssue({ actor: actors.coordinator, caseId: submitted.id, expectedVersion: submitted.version, signer: w.signer("central-coordinator") }, { ...options, now });
    const sheet = ZCertificationSheetData.parse((await db.certificationSheet.findFirstOrThrow({ where: { caseId: submitted.id } })).data);
    expect(sheet.signatureBoxes).toHaveLength(1);
    const [box] = sheet.signatureBoxes!;
    expect(box).toMatchObject({ signer: 0, role: "CENTRAL", pageIndex: 0 });
    const issued = await readCaseDocument({ actor: actors.citizen, caseId: submitted.id }, options);
    const file = writeTemp("visible-d22-issued.pdf", issued!.bytes);
    const coordinator = await authorizedSigner("Sofía Alejandra Barrios Ordóñez");
    expect(await pdfWordsInside(file, 1, box.rect)).toBe(
      ["Sofía Alejandra Barrios Ordóñez", coordinator.post, "Departamento de Atención al Ciudadano — DISERSA", `Firmado el ${formatGuatemalaDateTime(now)}`].join(" "),
    );
    expectCheckersAccept(file, 1, true);
  });
});
