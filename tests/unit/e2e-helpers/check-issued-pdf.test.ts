import { beforeAll, describe, expect, it } from "vitest";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { expectSignedPdf } from "../../../e2e/helpers/check-issued-pdf";
import { createNssDb, type TNssDb } from "../../helpers/pdfsig";
import { createTestPki, type TTestPki } from "../../helpers/pki-fixtures";
import { makeTestPdf, signingOptions, writeTemp } from "../signing/fixtures";

// The browser tests' check of every issued PDF (e2e/helpers/check-issued-pdf.ts) must refuse a
// signature that is valid but whose certificate pdfsig does not trust: a PDF signed by a root the
// NSS database trusts passes, the same PDF checked against a database that trusts another root
// does not. Made with the openssl-made test PKI, signed twice as an issued certification is.

let pki: TTestPki;
let signedPath: string;

// The test PKI is made with openssl (several RSA keys) and each signature opens a PKCS#12: a few
// seconds when idle, far more on a busy machine. The timeouts only catch a hang.
beforeAll(async () => {
  pki = createTestPki();
  const pdf = await makeTestPdf({ pages: 2 });
  const once = await signPdf(pdf, openPkcs12Signer(pki.jose.pkcs12, pki.jose.passphrase), signingOptions("José Pérez Gómez"));
  const twice = await signPdf(once, openPkcs12Signer(pki.maria.pkcs12, pki.maria.passphrase), signingOptions("María Fernanda Núñez Ibáñez"));
  signedPath = writeTemp("e2e-helper-issued.pdf", twice);
}, 60_000);

describe("expectSignedPdf (e2e)", { timeout: 60_000 }, () => {
  it("passes when every signature is valid and its certificate chains to the trusted root", () => {
    const trusted: TNssDb = createNssDb([pki.root.certPem]);
    const report = expectSignedPdf(signedPath, trusted, 2);
    expect(report.signatures.map((s) => s.certificateValidation)).toEqual(["Certificate is Trusted.", "Certificate is Trusted."]);
  });

  it("fails on valid signatures whose certificates pdfsig does not trust", () => {
    const otherRoot: TNssDb = createNssDb([pki.untrustedRoot.certPem]);
    expect(() => expectSignedPdf(signedPath, otherRoot, 2)).toThrow(/Certificate is Trusted/);
  });
});
