import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { readXrefTable } from "@/lib/pdf/signatures/read-xref-table";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { SigningError } from "@/lib/signing/signing-error";
import { createNssDb, importPkcs12, qpdfCheck, runPdfsig, signWithPdfsig, type TNssDb } from "../../helpers/pdfsig";
import { createTestPki, type TTestIdentity, type TTestPki } from "../../helpers/pki-fixtures";
import { makeTestPdf, signingOptions, writeTemp } from "./fixtures";

let pki: TTestPki;
let nss: TNssDb;

const signer = (who: TTestIdentity) => openPkcs12Signer(who.pkcs12, who.passphrase);

beforeAll(() => {
  pki = createTestPki();
  nss = createNssDb([pki.root.certPem]);
}, 60_000);

function lastStartxref(pdf: Buffer): number {
  const text = pdf.subarray(pdf.length - 64).toString("latin1");
  return Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
}

describe("signPdf", { timeout: 30_000 }, () => {
  it("signs once: pdfsig and our validator accept it, qpdf finds nothing wrong", async () => {
    const signed = await signPdf(await makeTestPdf(), signer(pki.jose), signingOptions("José Pérez Gómez"));
    const file = writeTemp("once.pdf", signed);

    const pdfsig = runPdfsig(file, nss);
    expect(pdfsig.signatures).toHaveLength(1);
    expect(pdfsig.signatures[0]).toMatchObject({
      commonName: "José Pérez Gómez",
      subFilter: "ETSI.CAdES.detached",
      totalDocumentSigned: true,
      signatureValidation: "Signature is Valid.",
      certificateValidation: "Certificate is Trusted.",
    });
    expect(qpdfCheck(file)).toMatchObject({ exitCode: 0, clean: true });

    const report = validatePdfSignatures(signed, { trustedRoots: [pki.root.certPem] });
    expect(report.valid).toBe(true);
    expect(report.modifiedAfterLastSignature).toBe(false);
    expect(report.signatures[0]).toMatchObject({ valid: true, coversWholeFile: true, digestOk: true, signatureOk: true, chainTrusted: true });
  });

  it("signs twice with two accented signers; the first signature stays valid", async () => {
    const original = await makeTestPdf({ pages: 3 });
    const once = await signPdf(original, signer(pki.jose), signingOptions("José Pérez Gómez", { reason: "Certificación de estudios" }));
    const twice = await signPdf(
      once,
      signer(pki.maria),
      signingOptions("María Fernanda Núñez Ibáñez", { reason: "Visto bueno de la Dirección", location: "Quetzaltenango" }),
    );
    // Incremental updates: each output starts with its input, byte for byte.
    expect(once.subarray(0, original.length).equals(original)).toBe(true);
    expect(twice.subarray(0, once.length).equals(once)).toBe(true);

    const file = writeTemp("twice.pdf", twice);
    const pdfsig = runPdfsig(file, nss);
    expect(pdfsig.signatures.map((s) => [s.fieldName, s.commonName, s.signatureValidation, s.certificateValidation, s.totalDocumentSigned])).toEqual([
      ["Firma1", "José Pérez Gómez", "Signature is Valid.", "Certificate is Trusted.", false],
      ["Firma2", "María Fernanda Núñez Ibáñez", "Signature is Valid.", "Certificate is Trusted.", true],
    ]);

    const check = qpdfCheck(file);
    expect(check.output).not.toMatch(/WARNING/i);
    expect(check).toMatchObject({ exitCode: 0, clean: true });
    // The trailer's startxref points exactly at the "xref" keyword of the new section.
    const startxref = lastStartxref(twice);
    expect(twice.subarray(startxref, startxref + 4).toString("latin1")).toBe("xref");

    const report = validatePdfSignatures(twice, { trustedRoots: [pki.root.certPem] });
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => [s.certificate?.commonName, s.reason, s.location, s.coversWholeFile, s.valid])).toEqual([
      ["José Pérez Gómez", "Certificación de estudios", "Ciudad de Guatemala, Guatemala", false, true],
      ["María Fernanda Núñez Ibáñez", "Visto bueno de la Dirección", "Quetzaltenango", true, true],
    ]);
    // María's certificate comes from the intermediate CA, which the signature carries.
    expect(report.signatures[1].chain.map((c) => c.commonName)).toEqual([
      "María Fernanda Núñez Ibáñez",
      "CA Intermedia de Firma Educación",
      "Raíz de Pruebas Firma Electrónica",
    ]);
  });

  it("adds a third, ECDSA signature after two RSA ones", async () => {
    let pdf = await makeTestPdf();
    pdf = await signPdf(pdf, signer(pki.jose), signingOptions("José Pérez Gómez"));
    pdf = await signPdf(pdf, signer(pki.maria), signingOptions("María Fernanda Núñez Ibáñez"));
    pdf = await signPdf(pdf, signer(pki.ecdsa), signingOptions("Begoña Muñoz Peña"));
    const file = writeTemp("three.pdf", pdf);
    const pdfsig = runPdfsig(file, nss);
    expect(pdfsig.signatures.map((s) => s.signatureValidation)).toEqual(Array(3).fill("Signature is Valid."));
    expect(pdfsig.signatures.map((s) => s.fieldName)).toEqual(["Firma1", "Firma2", "Firma3"]);
    expect(qpdfCheck(file).clean).toBe(true);
    const report = validatePdfSignatures(pdf, { trustedRoots: [pki.root.certPem] });
    expect(report.valid).toBe(true);
    expect(report.signatures[2].certificate?.commonName).toBe("Begoña Muñoz Peña");
  });

  it("keeps the /M signing time and the accented /Name", async () => {
    const signingTime = new Date("2026-03-15T14:30:05Z");
    const signed = await signPdf(await makeTestPdf(), signer(pki.jose), signingOptions("José Pérez Gómez", { signingTime }));
    const [signature] = validatePdfSignatures(signed, { trustedRoots: [pki.root.certPem], now: signingTime }).signatures;
    expect(signature.signingTime?.toISOString()).toBe(signingTime.toISOString());
    expect(signature.name).toBe("José Pérez Gómez");
    expect(signature.contactInfo).toBe("certificacion@mineduc.gob.gt");
  });

  it("refuses a PDF saved with cross-reference streams, saying why", async () => {
    const compressed = await makeTestPdf({ useObjectStreams: true });
    const error = await signPdf(compressed, signer(pki.jose), signingOptions("José Pérez Gómez")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SigningError);
    expect(error).toMatchObject({ code: "UNSUPPORTED_PDF" });
    expect((error as Error).message).toMatch(/flujos de referencias cruzadas/);
  });

  it("refuses what is not a PDF", async () => {
    const error = await signPdf(Buffer.from("no soy un PDF"), signer(pki.jose), signingOptions("José")).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "SigningError", code: "MALFORMED_PDF" });
  });

  it("signs after a pdfsig (NSS) signature, and pdfsig signs after ours: all stay valid", async () => {
    const db = createNssDb([pki.root.certPem]);
    importPkcs12(db, pki.jose.pkcs12Path, pki.jose.passphrase);

    // pdfsig first (adbe.pkcs7.detached, by another implementation), then us.
    const input = writeTemp("interop-input.pdf", await makeTestPdf());
    const byPdfsig = writeTemp("interop-pdfsig.pdf", Buffer.alloc(0));
    signWithPdfsig(input, byPdfsig, db, pki.jose.name, { reason: "Firma de otra herramienta" });
    const thenOurs = await signPdf(readFileSync(byPdfsig), signer(pki.maria), signingOptions("María Fernanda Núñez Ibáñez"));
    const thenOursFile = writeTemp("interop-then-ours.pdf", thenOurs);
    expect(runPdfsig(thenOursFile, nss).signatures.map((s) => [s.subFilter, s.signatureValidation, s.certificateValidation])).toEqual([
      ["adbe.pkcs7.detached", "Signature is Valid.", "Certificate is Trusted."],
      ["ETSI.CAdES.detached", "Signature is Valid.", "Certificate is Trusted."],
    ]);
    expect(qpdfCheck(thenOursFile).clean).toBe(true);
    const report = validatePdfSignatures(thenOurs, { trustedRoots: [pki.root.certPem] });
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.subFilter)).toEqual(["adbe.pkcs7.detached", "ETSI.CAdES.detached"]);

    // Ours first, then pdfsig.
    const oursFirst = writeTemp("interop-ours.pdf", await signPdf(await makeTestPdf(), signer(pki.maria), signingOptions("María")));
    const thenPdfsig = writeTemp("interop-then-pdfsig.pdf", Buffer.alloc(0));
    signWithPdfsig(oursFirst, thenPdfsig, db, pki.jose.name);
    expect(runPdfsig(thenPdfsig, nss).signatures.map((s) => s.signatureValidation)).toEqual(["Signature is Valid.", "Signature is Valid."]);
    const second = validatePdfSignatures(readFileSync(thenPdfsig), { trustedRoots: [pki.root.certPem] });
    expect(second.valid).toBe(true);
    expect(second.signatures).toHaveLength(2);
  });
});

describe("signPdf on PDFs of other shapes", { timeout: 30_000 }, () => {
  async function expectTwoValidSignatures(pdf: Buffer, name: string) {
    const once = await signPdf(pdf, signer(pki.jose), signingOptions("José Pérez Gómez"));
    const twice = await signPdf(once, signer(pki.maria), signingOptions("María Fernanda Núñez Ibáñez"));
    const file = writeTemp(name, twice);
    expect(runPdfsig(file, nss).signatures.map((s) => s.signatureValidation)).toEqual(["Signature is Valid.", "Signature is Valid."]);
    const check = qpdfCheck(file);
    expect(check.output).not.toMatch(/WARNING/i);
    expect(check.clean).toBe(true);
    expect(validatePdfSignatures(twice, { trustedRoots: [pki.root.certPem] }).valid).toBe(true);
    return twice;
  }

  it("keeps an existing form field and page annotations", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    doc.getForm().createTextField("nombre.completo").addToPage(page, { x: 50, y: 600, width: 200, height: 20 });
    const input = Buffer.from(await doc.save({ useObjectStreams: false }));
    const twice = await expectTwoValidSignatures(input, "with-form.pdf");
    // pdf-lib still reads the signed file: the text field and both signature fields.
    const reloaded = await PDFDocument.load(twice);
    expect(reloaded.getForm().getFields().map((f) => f.getName()).sort()).toEqual(["Firma1", "Firma2", "nombre.completo"]);
    const annots = reloaded.getPage(0).node.Annots();
    expect(annots?.size()).toBe(3);
  });

  it("signs a file qpdf wrote (its own layout, no trailing newline)", async () => {
    const input = writeTemp("for-qpdf.pdf", await makeTestPdf());
    const output = writeTemp("by-qpdf.pdf", Buffer.alloc(0));
    execFileSync("qpdf", ["--object-streams=disable", input, output]);
    let rewritten = readFileSync(output);
    while (rewritten[rewritten.length - 1] === 0x0a || rewritten[rewritten.length - 1] === 0x0d) rewritten = rewritten.subarray(0, -1);
    await expectTwoValidSignatures(rewritten, "by-qpdf-signed.pdf");
  });

  it("writes /Size one past the highest object number", async () => {
    const twice = await expectTwoValidSignatures(await makeTestPdf(), "size.pdf");
    const xref = readXrefTable(twice);
    expect(xref.size).toBe(Math.max(...xref.entries.keys()) + 1);
  });
});
