import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { BrowserSigningError } from "./browser-signing-error";
import { copyToArrayBuffer } from "./copy-to-array-buffer";

const RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
const EC_PUBLIC_KEY = "1.2.840.10045.2.1";
const P256 = "1.2.840.10045.3.1.7";

export type TSigningKey = {
  key: CryptoKey;
  keyAlgorithm: "RSA" | "EC";
  algorithm: RsaHashedImportParams | EcKeyImportParams;
  signParams: AlgorithmIdentifier | EcdsaParams;
};

const UNSUPPORTED_ALGORITHM = "El certificado usa un tipo de clave que no se puede usar para firmar: se admiten RSA y ECDSA P-256.";

// Imports PKCS#8 into WebCrypto as NON-extractable, for signing only: from here on no script on
// the page (ours or injected) can read the key back, only ask for signatures while the page lives.
export async function importSigningKey(privateKeyInfo: Uint8Array, subtle: SubtleCrypto): Promise<TSigningKey> {
  const copy = new Uint8Array(copyToArrayBuffer(privateKeyInfo));
  try {
    return await importParsed(copy, subtle);
  } finally {
    copy.fill(0);
  }
}

async function importParsed(copy: Uint8Array<ArrayBuffer>, subtle: SubtleCrypto): Promise<TSigningKey> {
  let info: pkijs.PrivateKeyInfo;
  try {
    info = pkijs.PrivateKeyInfo.fromBER(copy.buffer as ArrayBuffer);
  } catch (cause) {
    throw new BrowserSigningError("UNSUPPORTED_KEY", undefined, { cause });
  }
  const oid = info.privateKeyAlgorithm.algorithmId;
  let keyAlgorithm: "RSA" | "EC";
  let algorithm: RsaHashedImportParams | EcKeyImportParams;
  let signParams: AlgorithmIdentifier | EcdsaParams;
  if (oid === RSA_ENCRYPTION) {
    keyAlgorithm = "RSA";
    algorithm = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
    signParams = { name: "RSASSA-PKCS1-v1_5" };
  } else if (oid === EC_PUBLIC_KEY) {
    const params = info.privateKeyAlgorithm.algorithmParams;
    const curve = params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : "";
    if (curve !== P256) throw new BrowserSigningError("UNSUPPORTED_KEY", UNSUPPORTED_ALGORITHM);
    keyAlgorithm = "EC";
    algorithm = { name: "ECDSA", namedCurve: "P-256" };
    signParams = { name: "ECDSA", hash: "SHA-256" };
  } else {
    throw new BrowserSigningError("UNSUPPORTED_KEY", UNSUPPORTED_ALGORITHM);
  }
  try {
    const key = await subtle.importKey("pkcs8", copy, algorithm, false, ["sign"]);
    return { key, keyAlgorithm, algorithm, signParams };
  } catch (cause) {
    throw new BrowserSigningError("UNSUPPORTED_KEY", undefined, { cause });
  }
}
