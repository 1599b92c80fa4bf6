import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCertification } from "@/lib/cases/generate-certification";
import { readCaseDocument } from "@/lib/cases/read-case-document";
import { signAndIssue, signCertification } from "@/lib/cases/signing/sign-case-with-signer";
import { ZCertificationSheetData } from "@/lib/pdf/sheet-data";
import { pdfPageCount, pdfPagesText, pdfWordBoxes } from "@/tests/unit/pdf/poppler";
import { CHECKLIST, createCertifyWorld, SAMPLE_FORM, type TCertifyWorld } from "./certify-world";

// Issue #12, point 11: a D.1.1 sheet with four study rows printed its signers and verification box
// alone on a second page, three quarters empty. The closing block now stays on page 1 when it fits
// and moves whole to page 2 only when it does not; signing finds the boxes on whichever page they
// are, and the issued file's two signatures are valid for pdfsig (w.expectIssuedPdfValid).

let w: TCertifyWorld;

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  await w?.cleanup();
});

const INSTITUTIONS = [
  "Escuela Oficial Rural Mixta No. 12, Jornada Matutina, Mixco, Guatemala",
  "Instituto Nacional de Educación Básica de Telesecundaria, aldea Lo de Coy, Mixco, Guatemala",
];
const GRADES = ["Primero primaria", "Segundo primaria", "Tercero primaria", "Cuarto primaria", "Quinto primaria", "Sexto primaria", "Primero básico", "Segundo básico", "Tercero básico"];

function formWithRows(rows: number) {
  return {
    ...SAMPLE_FORM,
    studies: Array.from({ length: rows }, (_, i) => ({
      level: GRADES[i % GRADES.length] + (i >= GRADES.length ? " (repitencia)" : ""),
      year: 2008 + i,
      institution: INSTITUTIONS[i % 2],
    })),
  };
}

// Generated, signed at the DIDEDUC and countersigned: the stored sheet data, the issued bytes and
// the issued file written out for poppler.
async function issueWithRows(rows: number) {
  const { db, actors, options } = w;
  const submitted = await w.caseInReview(formWithRows(rows));
  const generated = await generateCertification({ actor: actors.reviewer, caseId: submitted.id, expectedVersion: submitted.version, checklist: CHECKLIST }, options);
  const signed = await signCertification({ actor: actors.signer, caseId: submitted.id, expectedVersion: generated.version, signer: w.signer("signer-guatemala-norte") }, options);
  await signAndIssue({ actor: actors.assistant, caseId: submitted.id, expectedVersion: signed.version, signer: w.signer("central-assistant") }, options);
  const sheet = ZCertificationSheetData.parse((await db.certificationSheet.findFirstOrThrow({ where: { caseId: submitted.id } })).data);
  const bytes = await w.expectIssuedPdfValid(submitted.id);
  const issued = await readCaseDocument({ actor: actors.citizen, caseId: submitted.id }, options);
  expect(issued?.bytes.equals(bytes)).toBe(true);
  const file = path.join(w.root, `sheet-pages-${rows}.pdf`);
  fs.writeFileSync(file, bytes);
  // The scans of caseInReview: 2 + 3 pages behind the sheet.
  expect(sheet.attachedPages).toBe(5);
  const sheetPages = (await pdfPageCount(file)) - 5;
  return { sheet, file, sheetPages };
}

// The words drawn inside a box (pdftotext's y grows downwards from the top of the page).
async function wordsInside(file: string, pageIndex: number, [left, bottom, right, top]: readonly number[]) {
  return (await pdfWordBoxes(file))
    .filter((x) => x.page === pageIndex + 1 && x.xMin >= left && x.xMax <= right && 792 - x.yMax >= bottom && 792 - x.yMin <= top)
    .map((x) => x.word)
    .join(" ");
}

describe("the sheet's pages (issue #12, point 11)", { timeout: 120_000 }, () => {
  it("a D.1.1 with four study rows: signers and verification box on page 1, one sheet page; both signatures valid and drawn in their boxes", async () => {
    const { sheet, file, sheetPages } = await issueWithRows(4);
    expect(sheetPages).toBe(1);
    expect(sheet.signatureBoxes?.map((b) => [b.role, b.pageIndex])).toEqual([
      ["DIDEDUC", 0],
      ["CENTRAL", 0],
    ]);
    const [page1] = await pdfPagesText(file);
    expect(page1).toContain("Cuarto primaria");
    expect(page1).toContain("Verificación de autenticidad");
    expect(page1).toContain("Página de certificación 1 de 1");
    expect(await wordsInside(file, 0, sheet.signatureBoxes![0].rect)).toContain("José Antonio Pérez Gómez");
    expect(await wordsInside(file, 0, sheet.signatureBoxes![1].rect)).toContain("Karla Beatriz Orellana Saquic");
  });

  it("a long D.1.1 (15 study rows): the closing block moves whole to page 2, where both signatures are drawn and valid", async () => {
    const { sheet, file, sheetPages } = await issueWithRows(15);
    expect(sheetPages).toBe(2);
    expect(sheet.signatureBoxes?.map((b) => [b.role, b.pageIndex])).toEqual([
      ["DIDEDUC", 1],
      ["CENTRAL", 1],
    ]);
    const [page1, page2] = await pdfPagesText(file);
    expect(page1).not.toContain("Firmado electrónicamente por");
    expect(page1).not.toContain("Verificación de autenticidad");
    expect(page2.split("Firmado electrónicamente por").length - 1).toBe(2);
    expect(page2).toContain("Verificación de autenticidad");
    expect(page2).toContain(sheet.verification.code);
    expect(await wordsInside(file, 1, sheet.signatureBoxes![0].rect)).toContain("José Antonio Pérez Gómez");
    expect(await wordsInside(file, 1, sheet.signatureBoxes![1].rect)).toContain("Karla Beatriz Orellana Saquic");
  });
});
