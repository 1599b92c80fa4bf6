import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export type TRevocationPointers = {
  // Where the issuer's CRL is published (crlDistributionPoints).
  crlUrl: string;
  // The issuer's OCSP responder (authorityInfoAccess, id-ad-ocsp).
  ocspUrl: string;
};

export const OID_CRL_DISTRIBUTION_POINTS = "2.5.29.31";
export const OID_AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
export const OID_AD_OCSP = "1.3.6.1.5.5.7.48.1";
export const OID_OCSP_NOCHECK = "1.3.6.1.5.5.7.48.1.5";

// GeneralName CHOICE tag for a URI.
const URI = 6;

const binary = (ber: ArrayBuffer) => Buffer.from(ber).toString("binary");

// forge has no encoder for these extensions: the values are encoded with pkijs and handed to
// forge as raw extensions ({ id, value: DER as a binary string }). Validators (pdfsig/NSS, Adobe,
// ours) look for revocation data only where a certificate says it is published.
export function buildRevocationPointerExtensions(p: TRevocationPointers): object[] {
  const crl = new pkijs.CRLDistributionPoints({
    distributionPoints: [new pkijs.DistributionPoint({ distributionPoint: [new pkijs.GeneralName({ type: URI, value: p.crlUrl })] })],
  });
  const aia = new pkijs.InfoAccess({
    accessDescriptions: [new pkijs.AccessDescription({ accessMethod: OID_AD_OCSP, accessLocation: new pkijs.GeneralName({ type: URI, value: p.ocspUrl }) })],
  });
  return [
    { id: OID_CRL_DISTRIBUTION_POINTS, critical: false, value: binary(crl.toSchema().toBER()) },
    { id: OID_AUTHORITY_INFO_ACCESS, critical: false, value: binary(aia.toSchema().toBER()) },
  ];
}

// id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1): an OCSP responder's own certificate is not checked
// for revocation (its value is NULL).
export function buildOcspNoCheckExtension(): object {
  return { id: OID_OCSP_NOCHECK, critical: false, value: binary(new asn1js.Null().toBER()) };
}
