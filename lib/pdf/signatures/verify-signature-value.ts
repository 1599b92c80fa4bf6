import { constants, verify, type KeyObject } from "node:crypto";
import { OID } from "@/lib/signing/oids";

export type THash = "sha1" | "sha256" | "sha384" | "sha512";

// Signature algorithms that name hash and key type together, and their hash.
export const SIGNATURE_HASHES: Record<string, THash> = {
  [OID.sha1WithRsa]: "sha1",
  [OID.sha256WithRsa]: "sha256",
  [OID.sha384WithRsa]: "sha384",
  [OID.sha512WithRsa]: "sha512",
  [OID.ecdsaWithSha1]: "sha1",
  [OID.ecdsaWithSha256]: "sha256",
  [OID.ecdsaWithSha384]: "sha384",
  [OID.ecdsaWithSha512]: "sha512",
};

// A signature of an X.509-style structure (OCSP response, CRL): `algorithm` names hash and key
// type together (sha256WithRSAEncryption, ecdsa-with-SHA256). Node's crypto, so synchronous.
// RSASSA-PSS and unknown algorithms verify as false.
export function verifySignatureValue(algorithm: string, key: KeyObject, data: Buffer, signature: Buffer): boolean {
  const hash = SIGNATURE_HASHES[algorithm];
  if (!hash) return false;
  try {
    if (key.asymmetricKeyType === "rsa") return verify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
    if (key.asymmetricKeyType === "ec") return verify(hash, data, { key, dsaEncoding: "der" }, signature);
  } catch {
    return false;
  }
  return false;
}
