import { execFileSync } from "node:child_process";
import { randomBytes, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { createNssDb, importPkcs12, runPdfsig, signWithPdfsig, type TNssDb } from "../../helpers/pdfsig";
import { createTestPki, type TTestIdentity, type TTestPki } from "../../helpers/pki-fixtures";
import { appendIncrementalUpdate, makeScanPdf, makeTestPdf, signingOptions, writeTemp } from "./fixtures";

let pki: TTestPki;
let nss: TNssDb;
let twice: Buffer;
let trust: { trustedRoots: string[] };

const signer = (who: TTestIdentity) => openPkcs12Signer(who.pkcs12, who.passphrase);

async function signTwice(pdf: Buffer): Promise<Buffer> {
  const once = await signPdf(pdf, signer(pki.jose), signingOptions("José Pérez Gómez"));
  return signPdf(once, signer(pki.maria), signingOptions("María Fernanda Núñez Ibáñez"));
}

beforeAll(async () => {
  pki = createTestPki();
  nss = createNssDb([pki.root.certPem]);
  trust = { trustedRoots: [pki.root.certPem] };
  twice = await signTwice(await makeTestPdf({ pages: 2 }));
}, 60_000);

describe("validatePdfSignatures", { timeout: 30_000 }, () => {
  it("reports an unsigned PDF as having no signatures", async () => {
    const report = validatePdfSignatures(await makeTestPdf(), trust);
    expect(report).toMatchObject({ valid: false, modifiedAfterLastSignature: false, signatures: [] });
    expect(report.errors).toEqual(["El PDF no tiene firmas digitales."]);
  });

  it("never throws on garbage", () => {
    for (const junk of [
      Buffer.alloc(0),
      randomBytes(10_000),
      Buffer.from("%PDF-1.7\n/ByteRange [0 1 2 3] /Contents <00>\n1 0 obj << /ByteRange [0 10 20 99999] /Contents <3082> >> endobj"),
      Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(5000), Buffer.from("/ByteRange"), randomBytes(100)]),
    ]) {
      const report = validatePdfSignatures(junk, trust);
      expect(report.valid).toBe(false);
      expect(report.signatures.every((s) => !s.valid)).toBe(true);
    }
    expect(validatePdfSignatures(randomBytes(100), trust).errors).toEqual(["El archivo no es un PDF."]);
  });

  it("a truncated file: the earlier revision's signature holds, the cut one does not", () => {
    const report = validatePdfSignatures(twice.subarray(0, twice.length - 500), trust);
    expect(report.valid).toBe(false);
    expect(report.signatures.map((s) => [s.valid, s.byteRangeOk])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  it("a byte changed inside the signed content: pdfsig and ours reject it", () => {
    // The first page's width, 612 → 613: covered by both signatures.
    const at = twice.indexOf("/MediaBox [ 0 0 612 ") + "/MediaBox [ 0 0 61".length;
    expect(at).toBeGreaterThan(100);
    const tampered = Buffer.from(twice);
    tampered[at] = 0x33;
    const pdfsig = runPdfsig(writeTemp("flipped.pdf", tampered), nss);
    expect(pdfsig.signatures).toHaveLength(2);
    for (const s of pdfsig.signatures) expect(s.signatureValidation).not.toBe("Signature is Valid.");

    const report = validatePdfSignatures(tampered, trust);
    expect(report.valid).toBe(false);
    expect(report.signatures.map((s) => [s.digestOk, s.valid])).toEqual([
      [false, false],
      [false, false],
    ]);
    expect(report.signatures[0].errors).toContain("El contenido firmado fue modificado: su resumen no coincide con el de la firma.");
  });

  it("a byte changed inside a /Contents: that signature no longer verifies", () => {
    const report0 = validatePdfSignatures(twice, trust);
    const [, contentsStart] = report0.signatures[1].byteRange;
    // Some byte of the RSA signature value near the end of the CMS (not the zero padding).
    const hex = twice.subarray(contentsStart + 1, report0.signatures[1].byteRange[2] - 1).toString("latin1").replace(/0+$/, "");
    const tampered = Buffer.from(twice);
    const at = contentsStart + 1 + hex.length - 10;
    tampered[at] = tampered[at] === 0x61 ? 0x62 : 0x61;
    const report = validatePdfSignatures(tampered, trust);
    expect(report.signatures[0].valid).toBe(true);
    expect(report.signatures[1]).toMatchObject({ digestOk: true, signatureOk: false, valid: false });
    expect(runPdfsig(writeTemp("bad-sig.pdf", tampered), nss).signatures[1].signatureValidation).not.toBe("Signature is Valid.");
  });

  it("an incremental update after the last signature: pdfsig still says valid, ours flags it", () => {
    const appended = appendIncrementalUpdate(twice);
    const pdfsig = runPdfsig(writeTemp("appended.pdf", appended), nss);
    expect(pdfsig.signatures.map((s) => s.signatureValidation)).toEqual(["Signature is Valid.", "Signature is Valid."]);
    expect(pdfsig.signatures.map((s) => s.totalDocumentSigned)).toEqual([false, false]);

    const report = validatePdfSignatures(appended, trust);
    expect(report.modifiedAfterLastSignature).toBe(true);
    expect(report.valid).toBe(false);
    expect(report.errors).toContain("El documento fue modificado después de la última firma.");
    // The signatures themselves are intact: what changed is after them.
    expect(report.signatures.map((s) => [s.valid, s.coversWholeFile])).toEqual([
      [true, false],
      [true, false],
    ]);
  });

  it("a trailing newline added in transit is not a modification", () => {
    const report = validatePdfSignatures(Buffer.concat([twice, Buffer.from("\r\n")]), trust);
    expect(report.modifiedAfterLastSignature).toBe(false);
    expect(report.valid).toBe(true);
    expect(report.signatures[1].coversWholeFile).toBe(false);
  });

  it("rewritten by qpdf: pdfsig and ours no longer accept the signatures", () => {
    const input = writeTemp("to-rewrite.pdf", twice);
    const output = writeTemp("rewritten-qpdf.pdf", Buffer.alloc(0));
    execFileSync("qpdf", [input, output]);
    const rewritten = readFileSync(output);
    const pdfsig = runPdfsig(output, nss);
    expect(pdfsig.signatures.length).toBeGreaterThan(0);
    for (const s of pdfsig.signatures) expect(s.signatureValidation === "Signature is Valid." && s.totalDocumentSigned).toBe(false);
    const report = validatePdfSignatures(rewritten, trust);
    expect(report.valid).toBe(false);
    expect(report.signatures.length).toBeGreaterThan(0);
    expect(report.signatures.some((s) => !s.byteRangeOk || !s.digestOk)).toBe(true);
  });

  it("rewritten by pdf-lib (load + save): pdfsig and ours no longer accept the signatures", async () => {
    const doc = await PDFDocument.load(twice);
    const rewritten = Buffer.from(await doc.save({ useObjectStreams: false }));
    const pdfsig = runPdfsig(writeTemp("rewritten-pdf-lib.pdf", rewritten), nss);
    for (const s of pdfsig.signatures) expect(s.signatureValidation === "Signature is Valid." && s.totalDocumentSigned).toBe(false);
    const report = validatePdfSignatures(rewritten, trust);
    expect(report.valid).toBe(false);
    expect(report.signatures.length).toBeGreaterThan(0);
    expect(report.signatures.every((s) => !s.valid)).toBe(true);
  });

  it("a certificate from an unknown root: signature intact, chain not trusted", async () => {
    const signed = await signPdf(await makeTestPdf(), signer(pki.stranger), signingOptions("Ángel Ruíz"));
    const [signature] = validatePdfSignatures(signed, trust).signatures;
    expect(signature).toMatchObject({ digestOk: true, signatureOk: true, chainTrusted: false, valid: false });
    expect(signature.errors.join(" ")).toMatch(/no proviene de una autoridad de confianza.*Raíz Ajena Ñandú/);
    const pdfsig = runPdfsig(writeTemp("stranger.pdf", signed), nss);
    expect(pdfsig.signatures[0].signatureValidation).toBe("Signature is Valid.");
    expect(pdfsig.signatures[0].certificateValidation).not.toBe("Certificate is Trusted.");

    // Trusting that root instead makes it valid; trusting nothing leaves it untrusted.
    expect(validatePdfSignatures(signed, { trustedRoots: [pki.untrustedRoot.certPem] }).valid).toBe(true);
    expect(validatePdfSignatures(signed, { trustedRoots: [] }).signatures[0].chainTrusted).toBe(false);
    // Trusting only the intermediate does not make José (issued by the root) trusted.
    expect(validatePdfSignatures(twice, { trustedRoots: [pki.intermediate.certPem] }).signatures.map((s) => s.chainTrusted)).toEqual([false, true]);
  });

  it("a signature made while the certificate was not yet valid is not valid", async () => {
    const signed = await signPdf(await makeTestPdf(), signer(pki.jose), signingOptions("José", { signingTime: new Date("2001-01-01T00:00:00Z") }));
    const [signature] = validatePdfSignatures(signed, trust).signatures;
    expect(signature).toMatchObject({ signatureOk: true, chainTrusted: true, certificateValidAtSigningTime: false, valid: false });
  });

  it("finds signatures in files with cross-reference streams, signed by pdfsig", async () => {
    const db = createNssDb([pki.root.certPem]);
    importPkcs12(db, pki.maria.pkcs12Path, pki.maria.passphrase);
    const input = writeTemp("xref-stream.pdf", await makeTestPdf({ useObjectStreams: true }));
    const output = writeTemp("xref-stream-signed.pdf", Buffer.alloc(0));
    signWithPdfsig(input, output, db, pki.maria.name);
    const signed = readFileSync(output);
    expect(signed.includes("/XRef")).toBe(true);
    const report = validatePdfSignatures(signed, trust);
    expect(report.valid).toBe(true);
    expect(report.signatures).toMatchObject([{ subFilter: "adbe.pkcs7.detached", coversWholeFile: true, chainTrusted: true }]);
    expect(report.signatures[0].certificate?.commonName).toBe("María Fernanda Núñez Ibáñez");
  });

  it("a file with cross-reference streams signed twice by pdfsig: the first signature is covered by the second", async () => {
    const db = createNssDb([pki.root.certPem]);
    importPkcs12(db, pki.maria.pkcs12Path, pki.maria.passphrase);
    importPkcs12(db, pki.jose.pkcs12Path, pki.jose.passphrase);
    const input = writeTemp("xref-stream-2.pdf", await makeTestPdf({ useObjectStreams: true }));
    const once = writeTemp("xref-stream-once.pdf", Buffer.alloc(0));
    const twice = writeTemp("xref-stream-twice.pdf", Buffer.alloc(0));
    signWithPdfsig(input, once, db, pki.maria.name);
    signWithPdfsig(once, twice, db, pki.jose.name);
    const signed = readFileSync(twice);
    // Three revisions, each with a cross-reference stream and no classic table.
    expect(signed.toString("latin1").match(/\/Type\s*\/XRef/g)).toHaveLength(3);
    expect(signed.toString("latin1")).not.toMatch(/^xref/m);
    const report = validatePdfSignatures(signed, trust);
    expect(report.errors).toEqual([]);
    expect(report.signatures.map((s) => [s.valid, s.coveredByLaterUpdates, s.modifiedAfterSigning])).toEqual([
      [true, true, false],
      [true, false, false],
    ]);
    expect(report.valid).toBe(true);
    // Bytes appended to it are still a modification of both.
    const appended = validatePdfSignatures(Buffer.concat([signed, Buffer.from("\n1 0 obj\n<< >>\nendobj\n")]), trust);
    expect(appended.signatures.map((s) => s.modifiedAfterSigning)).toEqual([true, true]);
    expect(appended.valid).toBe(false);
  });

  it("reports the signer certificate in detail", () => {
    const [jose] = validatePdfSignatures(twice, trust).signatures;
    const der = pki.jose.certDer;
    expect(jose.certificate).toMatchObject({
      commonName: "José Pérez Gómez",
      subject: "CN=José Pérez Gómez, OU=Dirección Departamental de Educación Guatemala Norte, O=Ministerio de Educación, C=GT",
      issuer: "CN=Raíz de Pruebas Firma Electrónica, O=Ministerio de Educación, C=GT",
      fingerprint: execFileSync("openssl", ["x509", "-noout", "-fingerprint", "-sha256"], { input: pki.jose.certPem })
        .toString()
        .split("=")[1]
        .trim()
        .replace(/:/g, "")
        .toLowerCase(),
    });
    expect(jose.certificate?.serialNumber).toBe(
      execFileSync("openssl", ["x509", "-noout", "-serial"], { input: pki.jose.certPem }).toString().split("=")[1].trim().toLowerCase().replace(/^(00)+/, ""),
    );
    const x509 = new X509Certificate(der);
    expect(jose.certificate?.validFrom.getTime()).toBe(new Date(x509.validFrom).getTime());
    expect(jose.certificate?.validTo.getTime()).toBe(new Date(x509.validTo).getTime());
  });

  // Its speed (goal: 15 ms) is measured by `npm run bench`, not asserted here.
  it("validates a ≈5 MB file with two signatures", async () => {
    const big = await signTwice(await makeScanPdf(10, 5_000_000));
    expect(big.length).toBeGreaterThan(4_900_000);
    const report = validatePdfSignatures(big, trust);
    expect(report.valid).toBe(true);
    expect(report.signatures).toHaveLength(2);
    expect(report.signatures.every((s) => s.valid)).toBe(true);
  });
});
