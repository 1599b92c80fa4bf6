import { buildRevocationPointerExtensions, type TRevocationPointers } from "./build-revocation-pointer-extensions";
import { issueEndEntityCertificate } from "./issue-end-entity-certificate";
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
  // Where the issuer publishes revocation data for it (CRL distribution point, AIA OCSP).
  revocation?: TRevocationPointers;
};

// An end-entity certificate for a person who signs documents (firma electrónica avanzada).
export function issueSigningCertificate(input: TIssueSigningCertificateInput): TCertificateWithKey {
  const extensions: object[] = [
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "extKeyUsage", emailProtection: true, [OID_DOCUMENT_SIGNING]: true },
  ];
  if (input.email) extensions.push({ name: "subjectAltName", altNames: [{ type: 1, value: input.email }] });
  if (input.revocation) extensions.push(...buildRevocationPointerExtensions(input.revocation));
  return issueEndEntityCertificate({ ...input, extensions });
}
