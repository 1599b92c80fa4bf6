import * as pkijs from "pkijs";
import { BrowserSigningError } from "./browser-signing-error";
import type { TPkcs12Contents } from "./types";
import { copyToArrayBuffer } from "./copy-to-array-buffer";

const PBES2 = "1.2.840.113549.1.5.13";
const KEY_BAG = "1.2.840.113549.1.12.10.1.1";
const SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2";
const CERT_BAG = "1.2.840.113549.1.12.10.1.3";
const X509_CERT = "1.2.840.113549.1.9.22.1";
const DATA = "1.2.840.113549.1.7.1";
const ENCRYPTED_DATA = "1.2.840.113549.1.7.6";

// Thrown when the file is encrypted with something other than PBES2 (the legacy
// pbeWithSHAAnd3-KeyTripleDES-CBC or RC2-40, which WebCrypto lacks): the caller falls back to forge.
export class LegacyPkcs12Encryption extends Error {
  constructor(readonly algorithmId: string) {
    super(`Cifrado PKCS#12 heredado: ${algorithmId}`);
    this.name = "LegacyPkcs12Encryption";
  }
}

// The password as PBKDF2 (PKCS#5) reads it: UTF-8 bytes, as OpenSSL 3 writes them. pkijs turns
// the same bytes into the BMPString the PKCS#12 MAC key derivation expects.
export function passwordBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase) as Uint8Array<ArrayBuffer>;
}

// Verifies the MAC (a wrong passphrase is told apart from a damaged file here, before any
// decryption) and decrypts with WebCrypto: PBKDF2 and AES-CBC run natively in the browser.
export async function readPkcs12WithPkijs(bytes: Uint8Array, passphrase: string, crypto: pkijs.ICryptoEngine): Promise<TPkcs12Contents> {
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(copyToArrayBuffer(bytes));
  } catch (cause) {
    throw new BrowserSigningError("BAD_PKCS12", undefined, { cause });
  }
  const password = passwordBytes(passphrase);
  try {
    await verifyIntegrity(pfx, password.buffer, crypto);

    const authSafe = pfx.parsedValue?.authenticatedSafe;
    if (!authSafe) throw new BrowserSigningError("BAD_PKCS12");
    for (const content of authSafe.safeContents) {
      if (content.contentType === ENCRYPTED_DATA) {
        // Parsed from fresh bytes: pkijs annotates the ASN.1 objects it parses, and parsing the
        // same object twice (here, then in parseInternalValues) fails its schema check.
        const algorithm = pkijs.EncryptedData.fromBER(content.content.toBER(false)).encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
        if (algorithm !== PBES2) throw new LegacyPkcs12Encryption(algorithm);
      } else if (content.contentType !== DATA) {
        // Public-key privacy (EnvelopedData) needs a key we do not have; nobody issues these to people.
        throw new BrowserSigningError("BAD_PKCS12");
      }
    }
    await authSafe.parseInternalValues({ safeContents: authSafe.safeContents.map(() => ({ password: password.buffer })) }, crypto);

    // pkijs types its parsed value as `any`: this is what AuthenticatedSafe.parseInternalValues sets.
    const parsed = authSafe.parsedValue as { safeContents?: { value: pkijs.SafeContents }[] } | undefined;
    const bags: pkijs.SafeBag[] = (parsed?.safeContents ?? []).flatMap((s) => s.value.safeBags);
    const certificates = bags
      .filter((b) => b.bagId === CERT_BAG && (b.bagValue as pkijs.CertBag).certId === X509_CERT)
      .map((b) => new Uint8Array(((b.bagValue as pkijs.CertBag).certValue as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView));

    const keyBag = bags.find((b) => b.bagId === SHROUDED_KEY_BAG || b.bagId === KEY_BAG);
    if (!keyBag) throw new BrowserSigningError("NO_KEY");
    let privateKeyInfo: Uint8Array;
    if (keyBag.bagId === SHROUDED_KEY_BAG) {
      const shrouded = keyBag.bagValue as pkijs.PKCS8ShroudedKeyBag;
      if (shrouded.encryptionAlgorithm.algorithmId !== PBES2) throw new LegacyPkcs12Encryption(shrouded.encryptionAlgorithm.algorithmId);
      // What PKCS8ShroudedKeyBag.parseInternalValues does (protected in pkijs's types): the bag is
      // an EncryptedPrivateKeyInfo, decrypted as CMS EncryptedData with the password.
      const decrypted = await new pkijs.EncryptedData({
        encryptedContentInfo: new pkijs.EncryptedContentInfo({
          contentEncryptionAlgorithm: shrouded.encryptionAlgorithm,
          encryptedContent: shrouded.encryptedData,
        }),
      }).decrypt({ password: password.buffer }, crypto);
      // Re-encoded before the decrypted buffer is zeroed: asn1js may keep views into it.
      privateKeyInfo = new Uint8Array(pkijs.PrivateKeyInfo.fromBER(decrypted).toSchema().toBER(false));
      new Uint8Array(decrypted).fill(0);
    } else {
      privateKeyInfo = new Uint8Array((keyBag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false));
    }
    return { privateKeyInfo, certificates };
  } catch (error) {
    if (error instanceof BrowserSigningError || error instanceof LegacyPkcs12Encryption) throw error;
    // With the MAC verified, a decryption or parsing failure means a damaged or odd file. (Without
    // a MAC, a failed AES-CBC unpadding is the only sign of a wrong passphrase.)
    throw new BrowserSigningError(pfx.macData ? "BAD_PKCS12" : "BAD_PASSPHRASE", undefined, { cause: error });
  } finally {
    password.fill(0);
  }
}

async function verifyIntegrity(pfx: pkijs.PFX, password: ArrayBuffer, crypto: pkijs.ICryptoEngine): Promise<void> {
  if (pfx.authSafe.contentType !== DATA) {
    // Public-key integrity (SignedData): not what a CA gives a person.
    throw new BrowserSigningError("BAD_PKCS12");
  }
  try {
    await pfx.parseInternalValues({ password, checkIntegrity: Boolean(pfx.macData) }, crypto);
  } catch (cause) {
    // pkijs says "Integrity for the PKCS#12 data is broken!" when the MAC does not match: the
    // message is matched, never shown. A damaged file almost always fails to parse before this.
    const message = cause instanceof Error ? cause.message : "";
    if (/Integrity/i.test(message)) throw new BrowserSigningError("BAD_PASSPHRASE", undefined, { cause });
    throw new BrowserSigningError("BAD_PKCS12", undefined, { cause });
  }
}
