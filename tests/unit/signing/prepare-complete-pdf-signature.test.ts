import { createPrivateKey, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { completePdfSignature } from "@/lib/signing/complete-pdf-signature";
import { createKeySigner } from "@/lib/signing/create-key-signer";
import { defaultContentsLength, preparePdfSignature } from "@/lib/signing/prepare-pdf-signature";
import { readSignedAttributes } from "@/lib/signing/read-signed-attributes";
import { signPdf } from "@/lib/signing/sign-pdf";
import type { TSignerCertificates } from "@/lib/signing/signer";
import { createNssDb, qpdfCheck, runPdfsig, type TNssDb } from "../../helpers/pdfsig";
import { pemToDer, type TTestIdentity } from "../../helpers/pki-fixtures";
import { createServedTestPki, type TServedTestPki } from "../../helpers/served-test-pki";
import { makeTestPdf, signingOptions, writeTemp } from "./fixtures";

// The browser's side of a signature, played by node:crypto with the test key: it only ever sees
// the signed attributes and returns the signature value.
const externalSign = (who: TTestIdentity, data: Buffer) => sign("sha256", data, createPrivateKey(who.keyPem));
const certificatesOf = (who: TTestIdentity): TSignerCertificates => ({ certificate: who.certDer, chain: who.chainPems.map(pemToDer) });

let pki: TServedTestPki;
let nss: TNssDb;
beforeAll(async () => {
  pki = await createServedTestPki();
  nss = createNssDb([pki.rootPem]);
}, 60_000);
afterAll(async () => pki?.close());

describe("preparePdfSignature + external signature + completePdfSignature", { timeout: 60_000 }, () => {
  for (const who of ["jose", "ecdsa"] as const) {
    it(`${who === "jose" ? "RSA" : "ECDSA P-256"}: same bytes as signPdf, and pdfsig, qpdf and our validator accept it`, async () => {
      const identity = pki[who];
      const pdf = await makeTestPdf();
      const options = signingOptions(identity.name);
      const certificates = certificatesOf(identity);
      const prepared = preparePdfSignature(pdf, certificates, options, defaultContentsLength(certificates, false));
      expect(readSignedAttributes(prepared.signedAttributes).messageDigest.equals(prepared.contentDigest)).toBe(true);
      const signatureValue = externalSign(identity, prepared.signedAttributes);
      const completed = await completePdfSignature({ ...prepared, signatureValue, certificates });

      // RSA PKCS#1 v1.5 is deterministic: the same file as the in-process signer. (ECDSA is not.)
      const direct = await signPdf(pdf, createKeySigner(createPrivateKey(identity.keyPem), certificates), options);
      if (who === "jose") expect(completed.pdf.equals(direct)).toBe(true);
      expect(completed.pdf.length).toBe(direct.length);

      const file = writeTemp(`prepared-${who}.pdf`, completed.pdf);
      expect(runPdfsig(file, nss).signatures).toMatchObject([
        { commonName: identity.name, signatureValidation: "Signature is Valid.", certificateValidation: "Certificate is Trusted.", totalDocumentSigned: true },
      ]);
      expect(qpdfCheck(file)).toMatchObject({ exitCode: 0, clean: true });
      const report = validatePdfSignatures(completed.pdf, { trustedRoots: [pki.rootPem] });
      expect(report.valid, JSON.stringify(report.signatures[0]?.errors ?? report)).toBe(true);
    });
  }

  it("with a signature timestamp (PAdES B-T) requested only after the value verified", async () => {
    const certificates = certificatesOf(pki.jose);
    const prepared = preparePdfSignature(await makeTestPdf(), certificates, signingOptions(pki.jose.name), defaultContentsLength(certificates, true));
    const completed = await completePdfSignature({
      ...prepared,
      signatureValue: externalSign(pki.jose, prepared.signedAttributes),
      certificates,
      timestamp: { tsa: { url: pki.tsa.url }, trustedRoots: pki.trustedRoots },
    });
    expect(completed.timestamp?.tsaName).toBe("Autoridad de Sellado de Tiempo de Pruebas");
    const file = writeTemp("prepared-bt.pdf", completed.pdf);
    expect(runPdfsig(file, nss).signatures.map((s) => s.signatureValidation)).toEqual(["Signature is Valid."]);
    expect(qpdfCheck(file).clean).toBe(true);
  });

  it("refuses a signature value over other signed attributes, and writes nothing", async () => {
    const certificates = certificatesOf(pki.jose);
    const pdf = await makeTestPdf();
    const first = preparePdfSignature(pdf, certificates, signingOptions(pki.jose.name), 6000);
    const other = preparePdfSignature(await makeTestPdf({ pages: 3 }), certificates, signingOptions(pki.jose.name), 6000);
    const before = Buffer.from(first.prepared);
    // A valid signature by the right key, but over another document's attributes.
    const error = await completePdfSignature({ ...first, signatureValue: externalSign(pki.jose, other.signedAttributes), certificates }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "SigningError", code: "SIGNER_FAILED", message: "La firma producida no corresponde al certificado." });
    // Attributes swapped too: their messageDigest is not this document's.
    const swapped = await completePdfSignature({
      prepared: first.prepared,
      signedAttributes: other.signedAttributes,
      signatureValue: externalSign(pki.jose, other.signedAttributes),
      certificates,
    }).catch((e: unknown) => e);
    expect(swapped).toMatchObject({ name: "SigningError", message: "Los atributos firmados no corresponden a este documento." });
    expect(first.prepared.equals(before)).toBe(true);
  });

  it("refuses a certificate other than the one prepared, even with a signature by its own key", async () => {
    const prepared = preparePdfSignature(await makeTestPdf(), certificatesOf(pki.jose), signingOptions(pki.jose.name), 6000);
    const error = await completePdfSignature({
      ...prepared,
      signatureValue: externalSign(pki.revoked, prepared.signedAttributes),
      certificates: certificatesOf(pki.revoked),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "SigningError", message: "Los atributos firmados no corresponden a este certificado." });
    // And the prepared certificate with a value made by another key.
    const wrongKey = await completePdfSignature({
      ...prepared,
      signatureValue: externalSign(pki.revoked, prepared.signedAttributes),
      certificates: certificatesOf(pki.jose),
    }).catch((e: unknown) => e);
    expect(wrongKey).toMatchObject({ name: "SigningError", message: "La firma producida no corresponde al certificado." });
  });

  it("refuses a damaged signature value (not even DER) as a wrong signature", async () => {
    const certificates = certificatesOf(pki.ecdsa);
    const prepared = preparePdfSignature(await makeTestPdf(), certificates, signingOptions(pki.ecdsa.name), 6000);
    const error = await completePdfSignature({ ...prepared, signatureValue: Buffer.from([0x30, 0x02, 0x01]), certificates }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "SigningError", code: "SIGNER_FAILED" });
  });
});
