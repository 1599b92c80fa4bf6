import { buildOcspNoCheckExtension } from "./build-revocation-pointer-extensions";
import { issueEndEntityCertificate } from "./issue-end-entity-certificate";
import type { TCertificateWithKey, TDistinguishedName } from "./types";

export const OID_KP_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

export type TIssueOcspResponderCertificateInput = {
  issuer: TCertificateWithKey;
  subject: TDistinguishedName;
  validFrom: Date;
  validTo: Date;
};

// The CA's delegated OCSP responder (RFC 6960 4.2.2.2): extendedKeyUsage OCSPSigning, and
// id-pkix-ocsp-nocheck so a client does not ask the responder about its own certificate.
export function issueOcspResponderCertificate(input: TIssueOcspResponderCertificateInput): TCertificateWithKey {
  return issueEndEntityCertificate({
    ...input,
    extensions: [
      { name: "keyUsage", digitalSignature: true, critical: true },
      { name: "extKeyUsage", [OID_KP_OCSP_SIGNING]: true, critical: true },
      buildOcspNoCheckExtension(),
    ],
  });
}
