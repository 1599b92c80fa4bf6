import forge from "node-forge";
import { BrowserSigningError } from "./browser-signing-error";
import type { TPkcs12Contents } from "./types";

// Legacy files only (pbeWithSHAAnd3-KeyTripleDES-CBC, RC2-40: what older CA tools and Windows
// export), which WebCrypto cannot decrypt. forge is pure JS and runs in the browser; it also
// checks the MAC (HMAC over the PKCS#12 key derivation, password as BMPString).
export function readPkcs12WithForge(bytes: Uint8Array, passphrase: string): TPkcs12Contents {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(binaryString(bytes)));
  } catch (cause) {
    throw new BrowserSigningError("BAD_PKCS12", undefined, { cause });
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (cause) {
    // Same matching as lib/signing/pkcs12-signer.ts: forge's English messages are matched, not shown.
    const message = cause instanceof Error ? cause.message : "";
    if (/Invalid password|wrong password|Failed to decrypt/i.test(message)) throw new BrowserSigningError("BAD_PASSPHRASE", undefined, { cause });
    throw new BrowserSigningError("BAD_PKCS12", undefined, { cause });
  }
  const bags = p12.safeContents.flatMap((safe) => safe.safeBags);
  const keyBag = bags.find((b) => b.type === forge.pki.oids.pkcs8ShroudedKeyBag || b.type === forge.pki.oids.keyBag);
  if (!keyBag) throw new BrowserSigningError("NO_KEY");
  let info: forge.asn1.Asn1 | undefined;
  try {
    // forge turns RSA keys into its own objects and leaves other key types as ASN.1.
    info = keyBag.key
      ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key as forge.pki.rsa.PrivateKey))
      : (keyBag as forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 }).asn1;
  } catch (cause) {
    throw new BrowserSigningError("UNSUPPORTED_KEY", undefined, { cause });
  }
  if (!info) throw new BrowserSigningError("UNSUPPORTED_KEY");
  const certificates = bags
    .filter((b) => b.type === forge.pki.oids.certBag)
    .map((b) => {
      // A certificate forge parsed keeps its original TBSCertificate; others stay ASN.1.
      const cert = b.cert ? forge.pki.certificateToAsn1(b.cert) : (b as forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 }).asn1;
      return cert ? bytesOf(forge.asn1.toDer(cert).getBytes()) : null;
    })
    .filter((der): der is Uint8Array => der !== null);
  return { privateKeyInfo: bytesOf(forge.asn1.toDer(info).getBytes()), certificates };
}

function binaryString(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

function bytesOf(binary: string): Uint8Array {
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
