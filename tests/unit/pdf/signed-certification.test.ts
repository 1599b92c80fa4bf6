import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCertificationPdf } from "@/lib/pdf/build-certification-pdf";
import { validatePdfSignatures, type TPdfSignatureReport } from "@/lib/pdf/validate-pdf-signatures";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { createNssDb, importPkcs12, qpdfCheck, runPdfsig, signWithPdfsig, type TNssDb, type TPdfsigResult } from "../../helpers/pdfsig";
import { createTestPki, type TTestPki } from "../../helpers/pki-fixtures";
import { appendIncrementalUpdate, makeTestPdf, signingOptions, writeTemp } from "../signing/fixtures";
import { makeJpegScan } from "./scan-fixtures";
import { educationalRecordSheet } from "./sheet-fixtures";

// The validator against pdfsig on what the platform really issues: the certification sheet
// merged with a scan, signed by the DIDEDUC director and then by the central office.

let pki: TTestPki;
let nss: TNssDb;
let issued: Buffer;

beforeAll(async () => {
  pki = createTestPki();
  nss = createNssDb([pki.root.certPem]);
  const { pdf } = await buildCertificationPdf({ sheet: educationalRecordSheet(6), scans: [await makeJpegScan(2)] });
  const once = await signPdf(pdf, openPkcs12Signer(pki.jose.pkcs12, pki.jose.passphrase), signingOptions("José Pérez Gómez"));
  issued = await signPdf(once, openPkcs12Signer(pki.maria.pkcs12, pki.maria.passphrase), signingOptions("María Fernanda Núñez Ibáñez"));
}, 60_000);

const validate = (pdf: Buffer) => validatePdfSignatures(pdf, { trustedRoots: [pki.root.certPem] });

// Per signature: does pdfsig call it valid and trusted, does it reach the end of the file.
const pdfsigView = (r: TPdfsigResult) =>
  r.signatures.map((s) => [s.signatureValidation === "Signature is Valid." && s.certificateValidation === "Certificate is Trusted.", s.totalDocumentSigned]);
const ourView = (r: TPdfSignatureReport) => r.signatures.map((s) => [s.valid, s.coversWholeFile]);

describe("validator and pdfsig on an issued certification", { timeout: 60_000 }, () => {
  it("agree that both signatures are valid and the last covers the whole file", () => {
    const file = writeTemp("issued.pdf", issued);
    const pdfsig = runPdfsig(file, nss);
    expect(pdfsigView(pdfsig)).toEqual([
      [true, false],
      [true, true],
    ]);
    const check = qpdfCheck(file);
    expect(check.output).not.toMatch(/WARNING/i);
    expect(check).toMatchObject({ exitCode: 0, clean: true });
    const report = validate(issued);
    expect(ourView(report)).toEqual(pdfsigView(pdfsig));
    expect(report).toMatchObject({ valid: true, modifiedAfterLastSignature: false });
  });

  it("agree on a byte flipped in the sheet's signed content: both signatures fail", () => {
    // Inside the first page's content stream, which both signatures cover.
    const tampered = Buffer.from(issued);
    const at = issued.indexOf("stream", issued.indexOf("/Contents")) + 40;
    tampered[at] ^= 0x01;
    const pdfsig = runPdfsig(writeTemp("issued-flipped.pdf", tampered), nss);
    const report = validate(tampered);
    expect(pdfsig.signatures.map((s) => s.signatureValidation === "Signature is Valid.")).toEqual([false, false]);
    expect(report.signatures.map((s) => [s.digestOk, s.valid])).toEqual([
      [false, false],
      [false, false],
    ]);
    expect(report.valid).toBe(false);
  });

  it("an update appended after the central signature: pdfsig says valid, ours flags it", () => {
    const appended = appendIncrementalUpdate(issued);
    const pdfsig = runPdfsig(writeTemp("issued-appended.pdf", appended), nss);
    expect(pdfsigView(pdfsig)).toEqual([
      [true, false],
      [true, false],
    ]);
    const report = validate(appended);
    // Same verdict per signature, but the document as a whole is not what was signed.
    expect(ourView(report)).toEqual(pdfsigView(pdfsig));
    expect(report).toMatchObject({ valid: false, modifiedAfterLastSignature: true });
  });

  it("rewritten by qpdf: neither accepts it as a signed, untouched document", () => {
    const input = writeTemp("issued-to-rewrite.pdf", issued);
    const output = writeTemp("issued-rewritten.pdf", Buffer.alloc(0));
    execFileSync("qpdf", [input, output]);
    const pdfsig = runPdfsig(output, nss);
    expect(pdfsig.signatures).toHaveLength(2);
    expect(pdfsig.signatures.some((s) => s.signatureValidation === "Signature is Valid." && s.totalDocumentSigned)).toBe(false);
    const report = validate(readFileSync(output));
    expect(report.valid).toBe(false);
    expect(report.signatures).toHaveLength(2);
    expect(report.signatures.every((s) => !s.valid)).toBe(true);
  });
});

describe("a scan that is itself a signed PDF", { timeout: 60_000 }, () => {
  it("is merged without its old signature, so the issued file has exactly the two new, valid ones", async () => {
    // Signed by another implementation (pdfsig/NSS) and by ours.
    const db = createNssDb([pki.root.certPem]);
    importPkcs12(db, pki.maria.pkcs12Path, pki.maria.passphrase);
    const byPdfsig = writeTemp("scan-signed-by-pdfsig.pdf", Buffer.alloc(0));
    signWithPdfsig(writeTemp("scan-to-sign.pdf", await makeTestPdf({ pages: 2 })), byPdfsig, db, pki.maria.name);
    const byUs = await signPdf(await makeTestPdf({ pages: 1 }), openPkcs12Signer(pki.ecdsa.pkcs12, pki.ecdsa.passphrase), signingOptions("Otra institución"));
    const scans = [readFileSync(byPdfsig), byUs];
    expect(scans.map((scan) => validate(scan).signatures.length)).toEqual([1, 1]);

    const { pdf, sheetPages, totalPages } = await buildCertificationPdf({ sheet: educationalRecordSheet(6), scans });
    expect(totalPages).toBe(sheetPages + 3);
    expect(pdf.includes("/ByteRange")).toBe(false);
    const once = await signPdf(pdf, openPkcs12Signer(pki.jose.pkcs12, pki.jose.passphrase), signingOptions("José Pérez Gómez"));
    const twice = await signPdf(once, openPkcs12Signer(pki.maria.pkcs12, pki.maria.passphrase), signingOptions("María Fernanda Núñez Ibáñez"));

    const file = writeTemp("issued-from-signed-scans.pdf", twice);
    const pdfsig = runPdfsig(file, nss);
    expect(pdfsig.signatures.map((s) => [s.fieldName, s.commonName, s.signatureValidation])).toEqual([
      ["Firma1", "José Pérez Gómez", "Signature is Valid."],
      ["Firma2", "María Fernanda Núñez Ibáñez", "Signature is Valid."],
    ]);
    const check = qpdfCheck(file);
    expect(check.output).not.toMatch(/WARNING/i);
    expect(check.clean).toBe(true);
    const report = validate(twice);
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.certificate?.commonName)).toEqual(["José Pérez Gómez", "María Fernanda Núñez Ibáñez"]);
  });
});

