import * as pkijs from "pkijs";
import { BrowserSigningError } from "./browser-signing-error";
import { encodeSignature, findHolderCertificate } from "./find-holder-certificate";
import { importSigningKey, type TSigningKey } from "./import-signing-key";
import { orderChain } from "./order-chain";
import { readPkcs12WithForge } from "./read-pkcs12-with-forge";
import { LegacyPkcs12Encryption, readPkcs12WithPkijs } from "./read-pkcs12-with-pkijs";
import type { TBrowserSigner, TPkcs12Contents } from "./types";

export type { TBrowserSigner } from "./types";

// Opens a PKCS#12 (.p12/.pfx) IN THE BROWSER for one signing session of a page (decision 0018).
// pkijs + WebCrypto first (PBES2: PBKDF2 + AES-CBC, what OpenSSL 3 and the demo PKI write);
// node-forge only for the legacy 3DES/RC2 encryption WebCrypto lacks. The private key goes
// into WebCrypto as non-extractable; the decrypted PKCS#8 bytes are zeroed once imported and the
// passphrase is not kept by anything returned. Nothing is written to storage.
export async function openPkcs12(bytes: ArrayBuffer | Uint8Array, passphrase: string): Promise<TBrowserSigner> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error("WebCrypto (crypto.subtle) no está disponible: se necesita un contexto seguro (https).");
  const engine = new pkijs.CryptoEngine({ name: "webcrypto", crypto: globalThis.crypto });
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);

  let contents: TPkcs12Contents;
  try {
    contents = await readPkcs12WithPkijs(data, passphrase, engine);
  } catch (error) {
    if (!(error instanceof LegacyPkcs12Encryption)) throw error;
    contents = readPkcs12WithForge(data, passphrase);
  }

  let signing: TSigningKey;
  try {
    signing = await importSigningKey(contents.privateKeyInfo, subtle);
  } finally {
    // Best effort: JS cannot wipe every copy a library made on the way, but ours go.
    contents.privateKeyInfo.fill(0);
  }

  const holderIndex = await findHolderCertificate(contents.certificates, signing, subtle);
  if (holderIndex < 0) {
    throw new BrowserSigningError("NO_KEY", "El archivo del certificado no contiene el certificado de su clave privada.");
  }
  const certificate = contents.certificates[holderIndex];
  const chain = orderChain(
    certificate,
    contents.certificates.filter((_, i) => i !== holderIndex),
  );
  return {
    certificate,
    chain,
    keyAlgorithm: signing.keyAlgorithm,
    async sign(data: Uint8Array): Promise<Uint8Array> {
      const raw = new Uint8Array(await subtle.sign(signing.signParams, signing.key, data.slice()));
      return encodeSignature(signing, raw);
    },
  };
}
