import * as pkijs from "pkijs";
import type { TSigningKey } from "./import-signing-key";
import { toDerEcdsaSignature } from "./to-der-ecdsa-signature";
import { copyToArrayBuffer } from "./copy-to-array-buffer";

// The holder's certificate is the one whose public key verifies a signature made with the
// private key: the key is non-extractable, so its public half cannot be read back and compared,
// and this works the same for RSA and EC without parsing key structures by hand.
export async function findHolderCertificate(certificates: Uint8Array[], signing: TSigningKey, subtle: SubtleCrypto): Promise<number> {
  const probe = crypto.getRandomValues(new Uint8Array(32));
  const signature = new Uint8Array(await subtle.sign(signing.signParams, signing.key, probe));
  for (const [index, der] of certificates.entries()) {
    let spki: ArrayBuffer;
    try {
      spki = pkijs.Certificate.fromBER(copyToArrayBuffer(der)).subjectPublicKeyInfo.toSchema().toBER(false);
    } catch {
      continue;
    }
    try {
      const publicKey = await subtle.importKey("spki", spki, signing.algorithm, false, ["verify"]);
      if (await subtle.verify(signing.signParams, publicKey, signature, probe)) return index;
    } catch {
      // Another key type (e.g. the RSA root next to an EC holder): not this one.
    }
  }
  return -1;
}

// Exported for the signer: DER for EC, as is for RSA.
export function encodeSignature(signing: TSigningKey, raw: Uint8Array): Uint8Array {
  return signing.keyAlgorithm === "EC" ? toDerEcdsaSignature(raw) : raw;
}
