import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import type { DocumentSigner } from "@/lib/signing/signer";
import { createLongTermPki, type TLongTermPki } from "../../helpers/long-term-pki";
import { runMutoolVerify } from "../../helpers/mutool";
import { appendDocumentTimestamp, appendDss, appendPageChange, signPdfWithTimestamp } from "../../helpers/pades-fixtures";
import { createNssDb, qpdfCheck, runPdfsig, type TNssDb } from "../../helpers/pdfsig";
import { makeTestPdf, signingOptions, writeTemp } from "./fixtures";

// PAdES B-T, B-LT and B-LTA files built from the spec with real openssl tokens, OCSP responses
// and CRLs (tests/helpers/long-term-pki.ts, pades-fixtures.ts), and what the validator says.

let lt: TLongTermPki;
let nss: TNssDb;
let trust: { trustedRoots: string[] };
let signedBt: Buffer;
let withDss: Buffer;
let blta: Buffer;

const jose = (): DocumentSigner => openPkcs12Signer(lt.pki.jose.pkcs12, lt.pki.jose.passphrase);
const ecdsa = (): DocumentSigner => openPkcs12Signer(lt.pki.ecdsa.pkcs12, lt.pki.ecdsa.passphrase);
const stamp = (kind: "good" | "untrusted" = "good") => (value: Buffer) => lt.timestamp(value, { tsa: kind });

// Everything a B-LT needs for José and the TSA: their certificates and the root, an OCSP
// response for each, and the root's CRL.
function validationData(extra: { certs?: string[] } = {}) {
  const pems = [lt.pki.jose.certPem, lt.tsa.certPem, ...(extra.certs ?? [])];
  return {
    certificates: [lt.pki.jose.certDer, lt.tsa.certDer, lt.pki.root.certDer, ...(extra.certs ?? []).map((p) => Buffer.from(p.replace(/-----[A-Z ]+-----|\s+/g, ""), "base64"))],
    ocspResponses: pems.map((p) => lt.ocsp(p)),
    crls: [lt.crl()],
  };
}

beforeAll(async () => {
  lt = createLongTermPki();
  nss = createNssDb([lt.pki.root.certPem]);
  trust = { trustedRoots: [lt.pki.root.certPem] };
  signedBt = await signPdfWithTimestamp(await makeTestPdf(), jose(), signingOptions("José Pérez Gómez"), stamp());
  withDss = appendDss(signedBt, validationData());
  blta = appendDocumentTimestamp(withDss, (digest) => lt.timestamp(Buffer.alloc(0), { digest }));
}, 120_000);

describe("validatePdfSignatures: PAdES long-term levels", { timeout: 60_000 }, () => {
  it("signature → DSS → document timestamp reaches B-LTA, and the signature is covered, not modified", () => {
    const report = validatePdfSignatures(blta, trust);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.level).toBe("B-LTA");
    const [signature] = report.signatures;
    expect(report.signatures).toHaveLength(1);
    expect(signature).toMatchObject({ valid: true, level: "B-LTA", coversWholeFile: false, coveredByLaterUpdates: true, modifiedAfterSigning: false, laterChanges: [] });
    expect(signature.timestamp).toMatchObject({
      valid: true,
      signatureOk: true,
      imprintOk: true,
      tsaCertificateOk: true,
      chainTrusted: true,
      tsaName: "Autoridad de Sellado de Tiempo de Pruebas",
    });
    expect(Math.abs(signature.timestamp!.genTime!.getTime() - Date.now())).toBeLessThan(10 * 60_000);
    expect(signature.revocation).toMatchObject({ status: "good", source: "OCSP", foundIn: "DSS", chainComplete: true, chainCompleteInDss: true });
    expect(signature.timestamp!.revocation).toMatchObject({ status: "good", foundIn: "DSS" });
    expect(report.dss).toMatchObject({ certificates: 3, ocspResponses: 2, crls: 1, errors: [] });
    expect(report.documentTimestamps).toHaveLength(1);
    expect(report.documentTimestamp).toMatchObject({ valid: true, coversWholeFile: true, coversDss: true, imprintOk: true, tsaName: "Autoridad de Sellado de Tiempo de Pruebas" });
  });

  it("the B-LTA file is valid for pdfsig, qpdf and mutool too", () => {
    const file = writeTemp("b-lta.pdf", blta);
    const pdfsig = runPdfsig(file, nss);
    expect(pdfsig.signatures.length).toBeGreaterThanOrEqual(1);
    expect(pdfsig.signatures[0]).toMatchObject({ signatureValidation: "Signature is Valid.", certificateValidation: "Certificate is Trusted." });
    expect(qpdfCheck(file).clean).toBe(true);
    const mutool = runMutoolVerify(file);
    if (mutool.available) {
      const signed = mutool.signatures.filter((s) => s.signed);
      expect(signed).toHaveLength(1);
      expect(signed[0].digest).toBe("The signature is valid but there have been edits since signing.");
    }
  });

  it("without a DSS the signature is B-T, not B-LT", () => {
    const report = validatePdfSignatures(signedBt, trust);
    expect(report).toMatchObject({ valid: true, level: "B-T", dss: null, documentTimestamp: null });
    expect(report.signatures[0]).toMatchObject({ level: "B-T", coversWholeFile: true, coveredByLaterUpdates: false });
    expect(report.signatures[0].revocation.status).toBe("unknown");
  });

  it("with the DSS and no document timestamp it is B-LT", () => {
    const report = validatePdfSignatures(withDss, trust);
    expect(report).toMatchObject({ valid: true, level: "B-LT" });
    expect(report.signatures[0]).toMatchObject({ coveredByLaterUpdates: true, modifiedAfterSigning: false });
  });

  it("a DSS missing the TSA's revocation data is not B-LT", () => {
    const data = validationData();
    const file = appendDss(signedBt, { ...data, ocspResponses: [data.ocspResponses[0]], crls: [] });
    const report = validatePdfSignatures(file, trust);
    expect(report.signatures[0].revocation).toMatchObject({ status: "good", chainCompleteInDss: true });
    expect(report.signatures[0].timestamp!.revocation).toMatchObject({ status: "unknown", chainCompleteInDss: false });
    expect(report.level).toBe("B-T");
  });

  it("reads compressed DSS streams and CRL-only revocation data", () => {
    const data = validationData();
    const file = appendDss(signedBt, { ...data, ocspResponses: [], compress: true });
    const report = validatePdfSignatures(file, trust);
    expect(report.signatures[0].revocation).toMatchObject({ status: "good", source: "CRL", foundIn: "DSS" });
    expect(report.level).toBe("B-LT");
  });

  it("a plain B-B signature (no timestamp) stays B-B", async () => {
    const signed = await signPdf(await makeTestPdf(), jose(), signingOptions("José"));
    const report = validatePdfSignatures(signed, trust);
    expect(report).toMatchObject({ valid: true, level: "B-B" });
    expect(report.signatures[0].timestamp).toBeNull();
  });

  it("a timestamp token over other bytes is invalid: the signature falls back to B-B", async () => {
    const signed = await signPdfWithTimestamp(await makeTestPdf(), jose(), signingOptions("José"), () => lt.timestamp(randomBytes(256)));
    const report = validatePdfSignatures(signed, trust);
    const [signature] = report.signatures;
    expect(signature.timestamp).toMatchObject({ valid: false, imprintOk: false, signatureOk: true, chainTrusted: true });
    expect(signature.timestamp!.errors).toContain("El sello de tiempo no corresponde a lo que debe cubrir: su resumen es de otros datos.");
    expect(signature.level).toBe("B-B");
  });

  // openssl ts refuses to sign with a TSA certificate whose timeStamping usage is not critical,
  // so that case has no real artefact here; the check is in verify-timestamp-token.ts.
  it("a TSA from an untrusted root is not trusted", async () => {
    const pdf = await makeTestPdf();
    const untrusted = validatePdfSignatures(await signPdfWithTimestamp(pdf, jose(), signingOptions("José"), stamp("untrusted")), trust).signatures[0];
    expect(untrusted.timestamp).toMatchObject({ valid: false, imprintOk: true, signatureOk: true, chainTrusted: false, tsaName: lt.untrustedTsaName });
    expect(untrusted.level).toBe("B-B");
  });

  it("a signer revoked before the timestamp, per the DSS's OCSP response or CRL, is revoked and not valid", async () => {
    const signed = await signPdfWithTimestamp(await makeTestPdf(), lt.revoked.signer, signingOptions("Revocado"), stamp());
    const certificates = [lt.revoked.certDer, lt.tsa.certDer, lt.pki.root.certDer];
    const cases: Array<[{ certificates: Buffer[]; ocspResponses: Buffer[]; crls: Buffer[] }, "OCSP" | "CRL"]> = [
      [{ certificates, ocspResponses: [lt.ocsp(lt.revoked.certPem), lt.ocsp(lt.tsa.certPem)], crls: [] }, "OCSP"],
      [{ certificates, ocspResponses: [], crls: [lt.crl()] }, "CRL"],
    ];
    for (const [data, source] of cases) {
      const report = validatePdfSignatures(appendDss(signed, data), trust);
      const [signature] = report.signatures;
      expect(signature.revocation).toMatchObject({ status: "revoked", source, foundIn: "DSS" });
      expect(signature.revocation.revokedAt?.getTime()).toBe(lt.revoked.revokedAt.getTime());
      expect(signature).toMatchObject({ signatureOk: true, valid: false, level: null });
      expect(signature.errors).toContain("El certificado del firmante ya estaba revocado cuando se firmó.");
      expect(report.valid).toBe(false);
    }
  });

  it("an unsigned page change after a signature stays an error, before or after the DSS and timestamp", () => {
    for (const file of [appendPageChange(signedBt), appendPageChange(blta), appendDocumentTimestamp(appendPageChange(withDss), (digest) => lt.timestamp(Buffer.alloc(0), { digest }))]) {
      const report = validatePdfSignatures(file, trust);
      const [signature] = report.signatures;
      expect(signature).toMatchObject({ valid: true, coveredByLaterUpdates: false, modifiedAfterSigning: true, level: null });
      expect(signature.laterChanges.join(" ")).toMatch(/se modificó una página \(objeto \d+\)/);
      expect(report.modifiedAfterLastSignature).toBe(true);
      expect(report.valid).toBe(false);
      expect(report.level).toBeNull();
      expect(report.errors).toContain("El documento fue modificado después de la última firma.");
    }
  });

  it("an unsigned page change between two signatures: the first is modified, the second is not", async () => {
    const first = await signPdfWithTimestamp(await makeTestPdf(), jose(), signingOptions("José"), stamp());
    const second = await signPdfWithTimestamp(appendPageChange(first), ecdsa(), signingOptions("Begoña"), stamp());
    const report = validatePdfSignatures(second, trust);
    expect(report.signatures.map((s) => [s.valid, s.modifiedAfterSigning, s.coveredByLaterUpdates])).toEqual([
      [true, true, false],
      [true, false, false],
    ]);
    expect(report.modifiedAfterLastSignature).toBe(false);
    expect(report.valid).toBe(false);
    expect(report.errors).toContain("El documento fue modificado después de la firma 1.");
  });

  it("two timestamped signatures, DSS, document timestamp: both B-LTA, the first covered by the second", async () => {
    const first = await signPdfWithTimestamp(await makeTestPdf(), jose(), signingOptions("José"), stamp());
    const second = await signPdfWithTimestamp(first, ecdsa(), signingOptions("Begoña"), stamp());
    const data = validationData({ certs: [lt.pki.ecdsa.certPem] });
    const file = appendDocumentTimestamp(appendDss(second, data), (digest) => lt.timestamp(Buffer.alloc(0), { digest }));
    const report = validatePdfSignatures(file, trust);
    expect(report.errors).toEqual([]);
    expect(report.signatures.map((s) => [s.level, s.coveredByLaterUpdates, s.modifiedAfterSigning])).toEqual([
      ["B-LTA", true, false],
      ["B-LTA", true, false],
    ]);
    expect(report).toMatchObject({ valid: true, level: "B-LTA" });
    const pdfsig = runPdfsig(writeTemp("two-b-lta.pdf", file), nss);
    expect(pdfsig.signatures.slice(0, 2).map((s) => s.signatureValidation)).toEqual(["Signature is Valid.", "Signature is Valid."]);
  });

  it("bytes appended after the document timestamp are a modification", () => {
    const report = validatePdfSignatures(Buffer.concat([blta, Buffer.from("\n% basura\n1 0 obj\n<< >>\nendobj\n")]), trust);
    expect(report.signatures[0]).toMatchObject({ modifiedAfterSigning: true, coveredByLaterUpdates: false });
    expect(report.documentTimestamp).toMatchObject({ modifiedAfterSigning: true });
    expect(report.valid).toBe(false);
    expect(report.errors).toContain("Hay datos agregados al final del archivo que no son una actualización del documento.");
  });

  it("a document timestamp over other bytes is invalid and the file is not B-LTA", () => {
    const file = appendDocumentTimestamp(withDss, () => lt.timestamp(randomBytes(64)));
    const report = validatePdfSignatures(file, trust);
    expect(report.documentTimestamp).toMatchObject({ valid: false, imprintOk: false });
    expect(report.signatures[0].level).toBe("B-LT");
    expect(report.valid).toBe(false);
    expect(report.errors).toContain("El sello de tiempo del documento 1 no es válido.");
  });

  it("never throws on damaged timestamps, DSS or revocation data", () => {
    const dssAt = blta.indexOf("/Type /DSS");
    for (let i = 0; i < 60; i++) {
      const damaged = Buffer.from(blta);
      const at = i % 2 === 0 ? signedBt.length + Math.floor(Math.random() * (blta.length - signedBt.length)) : Math.max(0, dssAt - 4000 + Math.floor(Math.random() * 4000));
      damaged[at] = Math.floor(Math.random() * 256);
      const report = validatePdfSignatures(damaged, trust);
      expect(report.signatures.length + report.documentTimestamps.length).toBeGreaterThanOrEqual(0);
    }
  });
});
