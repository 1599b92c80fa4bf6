import { beforeAll, describe, expect, it } from "vitest";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { expectSignedPdf } from "../../../e2e/helpers/check-issued-pdf";
import { createLongTermPki, type TLongTermPki } from "../../helpers/long-term-pki";
import { appendDocumentTimestamp, appendDss, appendPageChange, signPdfWithTimestamp } from "../../helpers/pades-fixtures";
import { createNssDb, type TNssDb } from "../../helpers/pdfsig";
import { makeTestPdf, signingOptions, writeTemp } from "../signing/fixtures";

// The browser tests' check of every issued PDF (e2e/helpers/check-issued-pdf.ts) must accept a
// B-LTA certification signed twice (as D.1.1 issues them: two timestamped signatures, DSS,
// document timestamp) and refuse: a signature whose certificate pdfsig does not trust, a file
// that is only B-B (issue #10: issued files must reach B-LTA), and one changed after signing.
// Made with the openssl-made test PKI, TSA, OCSP responses and CRL.

let lt: TLongTermPki;
let bltaPath: string;
let bbPath: string;
let changedPath: string;

// The test PKI is made with openssl (several RSA keys) and each signature opens a PKCS#12: a few
// seconds when idle, far more on a busy machine. The timeouts only catch a hang.
beforeAll(async () => {
  lt = createLongTermPki();
  const pdf = await makeTestPdf({ pages: 2 });
  const jose = openPkcs12Signer(lt.pki.jose.pkcs12, lt.pki.jose.passphrase);
  const ecdsa = openPkcs12Signer(lt.pki.ecdsa.pkcs12, lt.pki.ecdsa.passphrase);
  const once = await signPdfWithTimestamp(pdf, jose, signingOptions("José Pérez Gómez"), (v) => lt.timestamp(v));
  const twice = await signPdfWithTimestamp(once, ecdsa, signingOptions("Begoña Muñoz Peña"), (v) => lt.timestamp(v));
  const withDss = appendDss(twice, {
    certificates: [lt.pki.jose.certDer, lt.pki.ecdsa.certDer, lt.tsa.certDer, lt.pki.root.certDer],
    ocspResponses: [lt.pki.jose.certPem, lt.pki.ecdsa.certPem, lt.tsa.certPem].map((p) => lt.ocsp(p)),
    crls: [lt.crl()],
  });
  const blta = appendDocumentTimestamp(withDss, (digest) => lt.timestamp(Buffer.alloc(0), { digest }));
  bltaPath = writeTemp("e2e-helper-issued.pdf", blta);
  bbPath = writeTemp("e2e-helper-b-b.pdf", await signPdf(await signPdf(pdf, jose, signingOptions("José")), ecdsa, signingOptions("Begoña")));
  changedPath = writeTemp("e2e-helper-changed.pdf", appendDocumentTimestamp(appendPageChange(withDss), (digest) => lt.timestamp(Buffer.alloc(0), { digest })));
}, 120_000);

describe("expectSignedPdf (e2e)", { timeout: 60_000 }, () => {
  it("passes when the file is B-LTA and every signature is valid and chains to the trusted root", () => {
    const trusted: TNssDb = createNssDb([lt.pki.root.certPem]);
    const report = expectSignedPdf(bltaPath, trusted, 2);
    expect(report.signatures.slice(0, 2).map((s) => s.certificateValidation)).toEqual(["Certificate is Trusted.", "Certificate is Trusted."]);
  });

  it("fails on valid signatures whose certificates neither pdfsig nor ours trust", () => {
    const otherRoot: TNssDb = createNssDb([lt.pki.untrustedRoot.certPem]);
    expect(() => expectSignedPdf(bltaPath, otherRoot, 2)).toThrow(/Certificate is Trusted/);
  });

  it("fails on a file that is only B-B, and on one changed after its signatures", () => {
    const trusted: TNssDb = createNssDb([lt.pki.root.certPem]);
    expect(() => expectSignedPdf(bbPath, trusted, 2)).toThrow(/B-LTA/);
    expect(() => expectSignedPdf(changedPath, trusted, 2)).toThrow(/modific/);
  });
});
