import forge from "node-forge";
import { buildNameAttributes, reusableNameAttributes } from "./build-name-attributes";
import { generateRsaKeyPair } from "./generate-rsa-key-pair";
import { generateSerialNumber } from "./generate-serial-number";
import { parseCertificatePem } from "./parse-certificate-pem";
import type { TCertificateWithKey, TDistinguishedName } from "./types";

// id-kp-documentSigning (RFC 9336). NSS, and so pdfsig, checks a PDF signer for the
// emailProtection purpose, so both are set.
export const OID_DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";

export type TIssueSigningCertificateInput = {
  issuer: TCertificateWithKey;
  subject: TDistinguishedName;
  validFrom: Date;
  validTo: Date;
  keyBits?: 2048 | 3072;
  email?: string;
};

// An end-entity certificate for a person who signs documents (firma electrónica avanzada).
export function issueSigningCertificate(input: TIssueSigningCertificateInput): TCertificateWithKey {
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
  const extensions: object[] = [
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "extKeyUsage", emailProtection: true, [OID_DOCUMENT_SIGNING]: true },
    { name: "subjectKeyIdentifier" },
    {
      name: "authorityKeyIdentifier",
      keyIdentifier: caKeyId ? forge.util.hexToBytes(caKeyId) : ca.generateSubjectKeyIdentifier().getBytes(),
    },
  ];
  if (input.email) extensions.push({ name: "subjectAltName", altNames: [{ type: 1, value: input.email }] });
  cert.setExtensions(extensions);
  cert.sign(input.issuer.privateKey, forge.md.sha256.create());

  const certPem = forge.pki.certificateToPem(cert);
  return { certificate: parseCertificatePem(certPem), privateKey, certPem };
}
