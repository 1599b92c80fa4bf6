import forge from "node-forge";
import { buildNameAttributes, reusableNameAttributes } from "./build-name-attributes";
import { generateRsaKeyPair } from "./generate-rsa-key-pair";
import { generateSerialNumber } from "./generate-serial-number";
import { parseCertificatePem } from "./parse-certificate-pem";
import type { TCertificateWithKey, TDistinguishedName } from "./types";

export type TIssueEndEntityCertificateInput = {
  issuer: TCertificateWithKey;
  subject: TDistinguishedName;
  validFrom: Date;
  validTo: Date;
  keyBits?: 2048 | 3072;
  // The profile's own extensions (key usage, extended key usage, pointers…), in forge's form.
  extensions: object[];
};

// What every end-entity certificate of the test PKI shares: a fresh RSA key, a random serial, the
// issuer's name byte for byte, CA:FALSE, key identifiers. The callers (signer, TSA, OCSP
// responder) add what their profile needs.
export function issueEndEntityCertificate(input: TIssueEndEntityCertificateInput): TCertificateWithKey {
  if (input.validTo <= input.validFrom) throw new Error("La vigencia del certificado termina antes de empezar");
  const { privateKey, publicKey } = generateRsaKeyPair(input.keyBits ?? 2048);
  const ca = input.issuer.certificate;

  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = generateSerialNumber();
  cert.validity.notBefore = input.validFrom;
  cert.validity.notAfter = input.validTo;
  cert.setSubject(buildNameAttributes(input.subject));
  cert.setIssuer(reusableNameAttributes(ca.subject.attributes));

  const caKeyId = (ca.getExtension("subjectKeyIdentifier") as { subjectKeyIdentifier?: string } | null)?.subjectKeyIdentifier;
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    ...input.extensions,
    { name: "subjectKeyIdentifier" },
    {
      name: "authorityKeyIdentifier",
      keyIdentifier: caKeyId ? forge.util.hexToBytes(caKeyId) : ca.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  cert.sign(input.issuer.privateKey, forge.md.sha256.create());

  const certPem = forge.pki.certificateToPem(cert);
  return { certificate: parseCertificatePem(certPem), privateKey, certPem };
}
