import forge from "node-forge";

// Every certificate we hand around is the parsed form of its DER: its name values are then
// what reusableNameAttributes expects, and re-encoding it (e.g. into a PKCS#12) keeps the
// original bytes because forge reuses the parsed TBSCertificate.
export function parseCertificatePem(pem: string): forge.pki.Certificate {
  return forge.pki.certificateFromPem(pem);
}
