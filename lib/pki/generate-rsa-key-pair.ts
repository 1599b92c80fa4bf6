import { generateKeyPairSync } from "node:crypto";
import forge from "node-forge";

export type TRsaKeyPair = { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey };

// Node's OpenSSL generates the key (forge's pure-JS prime search takes seconds per key); forge
// then builds and signs the certificate with it.
export function generateRsaKeyPair(bits: 2048 | 3072 = 2048): TRsaKeyPair {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: bits, publicExponent: 0x10001 });
  const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}
