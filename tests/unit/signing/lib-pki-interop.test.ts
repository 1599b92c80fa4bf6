import { beforeAll, describe, expect, it } from "vitest";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { createPkcs12 } from "@/lib/pki/create-pkcs12";
import { fingerprintCertificate } from "@/lib/pki/fingerprint-certificate";
import { generateRootCa } from "@/lib/pki/generate-root-ca";
import { issueSigningCertificate } from "@/lib/pki/issue-signing-certificate";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { createNssDb, qpdfCheck, runPdfsig } from "../../helpers/pdfsig";
import { makeTestPdf, signingOptions, writeTemp } from "./fixtures";

// The platform's own test PKI (lib/pki, forge-built certificates and PKCS#12) feeding the signer:
// the path the demo data and the end-to-end tests take.
describe("signing with lib/pki certificates", { timeout: 60_000 }, () => {
  let root: ReturnType<typeof generateRootCa>;
  beforeAll(() => {
    root = generateRootCa();
  }, 60_000);

  it("opens its PKCS#12, signs twice, and pdfsig, qpdf and our validator agree", async () => {
    const validFrom = new Date(Date.now() - 60_000);
    const validTo = new Date(Date.now() + 365 * 24 * 3600 * 1000);
    const people = [
      { commonName: "Sofía Hernández Cú", organization: "Ministerio de Educación", organizationalUnit: "DIDEDUC Quiché" },
      { commonName: "Óscar Ibáñez Muñoz", organization: "Ministerio de Educación", organizationalUnit: "Dirección de Acreditación" },
    ].map((subject) => {
      const holder = issueSigningCertificate({ issuer: root, subject, validFrom, validTo });
      const passphrase = "frase-de-prueba-123";
      return { name: subject.commonName, holder, passphrase, pkcs12: createPkcs12({ holder, chain: [root.certificate], passphrase }) };
    });

    let pdf = await makeTestPdf();
    for (const person of people) {
      const signer = openPkcs12Signer(person.pkcs12, person.passphrase);
      pdf = await signPdf(pdf, signer, signingOptions(person.name));
    }
    const file = writeTemp("lib-pki.pdf", pdf);
    const pdfsig = runPdfsig(file, createNssDb([root.certPem]));
    expect(pdfsig.signatures.map((s) => [s.commonName, s.signatureValidation, s.certificateValidation])).toEqual([
      ["Sofía Hernández Cú", "Signature is Valid.", "Certificate is Trusted."],
      ["Óscar Ibáñez Muñoz", "Signature is Valid.", "Certificate is Trusted."],
    ]);
    expect(qpdfCheck(file).clean).toBe(true);

    const report = validatePdfSignatures(pdf, { trustedRoots: [root.certPem] });
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.certificate?.fingerprint)).toEqual(people.map((p) => fingerprintCertificate(p.holder.certPem)));
  });
});
