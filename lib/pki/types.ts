// The test PKI (lib/pki): one operation per file, on node-forge and Node's crypto. These modules
// carry no `server-only` marker because the seed script, plain Node under tsx, imports them;
// nothing in them may be imported by a client component.
import type forge from "node-forge";

// A distinguished name as people write it. Text attributes go out as UTF8String so accented
// names ("José Pérez Gómez", "Ministerio de Educación") survive every reader; country and
// serialNumber are PrintableString as RFC 5280 requires.
export type TDistinguishedName = {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  locality?: string;
  state?: string;
  country?: string;
  // X.520 serialNumber attribute (e.g. the holder's CUI), not the certificate's serial.
  serialNumber?: string;
};

// A certificate with its private key, both only in memory.
export type TCertificateWithKey = {
  certificate: forge.pki.Certificate;
  privateKey: forge.pki.rsa.PrivateKey;
  certPem: string;
};

export type TNameAttribute = { type: string; shortName: string | null; value: string };

export type TCertificateInfo = {
  subject: string;
  subjectCommonName: string | null;
  subjectAttributes: TNameAttribute[];
  issuer: string;
  issuerCommonName: string | null;
  // Lowercase hex, no separators.
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  // SHA-256 of the DER encoding, lowercase hex, no separators.
  fingerprint: string;
  isCa: boolean;
  pem: string;
  der: Buffer;
};
