// What the browser holds for one signing session of a page: the certificate and its chain as
// DER, and a signer over a WebCrypto key that cannot be exported. Never persisted.
export type TBrowserSigner = {
  // DER of the certificate whose private key is in the file.
  certificate: Uint8Array;
  // Issuers found in the file, nearest first (as CMS and the server's validator expect).
  chain: Uint8Array[];
  keyAlgorithm: "RSA" | "EC";
  // SHA-256 with RSASSA-PKCS1-v1_5, or ECDSA P-256 returning a DER Ecdsa-Sig-Value.
  sign(data: Uint8Array): Promise<Uint8Array>;
};

// The decrypted contents of a PKCS#12 file, before the key goes into WebCrypto.
export type TPkcs12Contents = {
  // PKCS#8 PrivateKeyInfo DER; zeroed by the caller once imported.
  privateKeyInfo: Uint8Array;
  certificates: Uint8Array[];
};
