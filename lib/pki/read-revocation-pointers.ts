import * as pkijs from "pkijs";
import { OID_AD_OCSP, OID_AUTHORITY_INFO_ACCESS, OID_CRL_DISTRIBUTION_POINTS } from "./build-revocation-pointer-extensions";

// The CRL and OCSP addresses a certificate names (URIs only), in the order it lists them.
export function readRevocationPointers(der: Buffer): { crlUrls: string[]; ocspUrls: string[] } {
  const cert = pkijs.Certificate.fromBER(new Uint8Array(der));
  const crlUrls: string[] = [];
  const ocspUrls: string[] = [];
  for (const ext of cert.extensions ?? []) {
    if (ext.extnID === OID_CRL_DISTRIBUTION_POINTS && ext.parsedValue instanceof pkijs.CRLDistributionPoints) {
      for (const dp of ext.parsedValue.distributionPoints) {
        if (Array.isArray(dp.distributionPoint)) for (const n of dp.distributionPoint) if (n.type === 6) crlUrls.push(String(n.value));
      }
    }
    if (ext.extnID === OID_AUTHORITY_INFO_ACCESS && ext.parsedValue instanceof pkijs.InfoAccess) {
      for (const d of ext.parsedValue.accessDescriptions) if (d.accessMethod === OID_AD_OCSP && d.accessLocation.type === 6) ocspUrls.push(String(d.accessLocation.value));
    }
  }
  return { crlUrls, ocspUrls };
}
