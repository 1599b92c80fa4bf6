import forge from "node-forge";
import { buildNameAttributes } from "./build-name-attributes";
import { generateRsaKeyPair } from "./generate-rsa-key-pair";
import { generateSerialNumber } from "./generate-serial-number";
import { parseCertificatePem } from "./parse-certificate-pem";
import type { TCertificateWithKey, TDistinguishedName } from "./types";

export const TEST_ROOT_SUBJECT: TDistinguishedName = {
  commonName: "Raíz de Pruebas Certifica",
  organization: "Ministerio de Educación",
  country: "GT",
};

export type TGenerateRootCaOptions = {
  subject?: TDistinguishedName;
  keyBits?: 2048 | 3072;
  validFrom?: Date;
  validTo?: Date;
};

const TEN_YEARS_MS = 10 * 365.25 * 24 * 3600 * 1000;

// A self-signed test root: signers' certificates are issued by it, and validators (ours, pdfsig
// with an NSS db, OpenSSL) are told to trust it. Never a production trust anchor.
export function generateRootCa(options: TGenerateRootCaOptions = {}): TCertificateWithKey {
  const { privateKey, publicKey } = generateRsaKeyPair(options.keyBits ?? 3072);
  const validFrom = options.validFrom ?? new Date(Date.now() - 60_000);
  const validTo = options.validTo ?? new Date(validFrom.getTime() + TEN_YEARS_MS);
  if (validTo <= validFrom) throw new Error("La vigencia de la raíz termina antes de empezar");

  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = generateSerialNumber();
  cert.validity.notBefore = validFrom;
  cert.validity.notAfter = validTo;
  const name = buildNameAttributes(options.subject ?? TEST_ROOT_SUBJECT);
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());

  const certPem = forge.pki.certificateToPem(cert);
  return { certificate: parseCertificatePem(certPem), privateKey, certPem };
}
