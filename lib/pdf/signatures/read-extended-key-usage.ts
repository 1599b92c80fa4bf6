import * as pkijs from "pkijs";

export type TExtendedKeyUsage = { purposes: string[]; critical: boolean } | null;

const EXTENDED_KEY_USAGE = "2.5.29.37";
export const KEY_PURPOSE = { timeStamping: "1.3.6.1.5.5.7.3.8", ocspSigning: "1.3.6.1.5.5.7.3.9" } as const;

// The certificate's extended key usage with its criticality (RFC 3161 §2.3 asks a TSA's to be
// critical and timeStamping only); null when absent or unreadable.
export function readExtendedKeyUsage(der: Buffer): TExtendedKeyUsage {
  try {
    const certificate = pkijs.Certificate.fromBER(new Uint8Array(der));
    const extension = certificate.extensions?.find((e) => e.extnID === EXTENDED_KEY_USAGE);
    if (!extension) return null;
    const parsed = extension.parsedValue as pkijs.ExtKeyUsage | undefined;
    return { purposes: parsed?.keyPurposes ?? [], critical: extension.critical };
  } catch {
    return null;
  }
}
