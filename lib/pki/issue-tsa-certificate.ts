import { buildRevocationPointerExtensions, type TRevocationPointers } from "./build-revocation-pointer-extensions";
import { issueEndEntityCertificate } from "./issue-end-entity-certificate";
import type { TCertificateWithKey, TDistinguishedName } from "./types";

export const OID_KP_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";

export type TIssueTsaCertificateInput = {
  issuer: TCertificateWithKey;
  subject: TDistinguishedName;
  validFrom: Date;
  validTo: Date;
  revocation: TRevocationPointers;
};

// A time-stamping authority's certificate: RFC 3161 2.3 requires extendedKeyUsage with
// timeStamping as its only purpose, marked critical. It names its revocation sources like a
// signer's, so validators can embed revocation data for the TSA too (PAdES B-LT).
export function issueTsaCertificate(input: TIssueTsaCertificateInput): TCertificateWithKey {
  return issueEndEntityCertificate({
    ...input,
    extensions: [
      { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
      { name: "extKeyUsage", timeStamping: true, critical: true },
      ...buildRevocationPointerExtensions(input.revocation),
    ],
  });
}
