export type TSignerCertificates = {
  // The signer's own certificate, DER.
  certificate: Buffer;
  // Issuers, nearest first; the root may be included. DER.
  chain: Buffer[];
};

// What a signature needs from whoever holds the private key. The key never leaves the
// implementation: a PKCS#12 file opened in memory today, a PKCS#11 token or an HSM later, all
// receive only the bytes to sign.
export interface DocumentSigner {
  certificates(): Promise<TSignerCertificates>;
  // Signs `data` (the DER of the CMS signed attributes, a few hundred bytes) with SHA-256 and the
  // certificate's key: RSA PKCS#1 v1.5, or ECDSA returning a DER Ecdsa-Sig-Value. A token that
  // only signs digests can hash `data` itself.
  sign(data: Buffer): Promise<Buffer>;
}
