import "server-only";
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from "node:crypto";
import forge from "node-forge";
import { createKeySigner } from "./create-key-signer";
import type { DocumentSigner } from "./signer";
import { SigningError } from "./signing-error";

const BAD_PASSPHRASE_MESSAGE = "La frase de acceso del certificado no es correcta.";
const BAD_PKCS12_MESSAGE = "El archivo del certificado está dañado o no es un archivo PKCS#12 (.p12/.pfx) válido.";

// Opens a PKCS#12 file for one signing. The passphrase is used here and dropped: neither the
// returned signer nor any error keeps it. forge parses the container (Node has no PKCS#12 API);
// the key then goes to Node's crypto, which does the signing.
export function openPkcs12Signer(pkcs12: Uint8Array, passphrase: string): DocumentSigner {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(pkcs12).toString("binary")));
  } catch {
    throw new SigningError("BAD_PKCS12", BAD_PKCS12_MESSAGE);
  }

  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    // forge reports a failed MAC check (or, without a MAC, an undecryptable key bag) this way.
    // Its messages are matched, not shown: they are English and could change.
    const message = error instanceof Error ? error.message : "";
    if (/Invalid password|wrong password|Failed to decrypt/i.test(message)) {
      throw new SigningError("BAD_PASSPHRASE", BAD_PASSPHRASE_MESSAGE);
    }
    throw new SigningError("BAD_PKCS12", BAD_PKCS12_MESSAGE);
  }

  const bags = p12.safeContents.flatMap((safe) => safe.safeBags);
  const keyBag = bags.find((b) => b.type === forge.pki.oids.pkcs8ShroudedKeyBag || b.type === forge.pki.oids.keyBag);
  if (!keyBag) throw new SigningError("BAD_PKCS12", "El archivo del certificado no contiene una clave privada.");
  const privateKey = toKeyObject(keyBag);

  const certificates = bags
    .filter((b) => b.type === forge.pki.oids.certBag)
    .map((b) => certificateDer(b))
    .filter((der): der is Buffer => der !== null);
  const holderSpki = spki(createPublicKey(privateKey));
  const holderIndex = certificates.findIndex((der) => spki(new X509Certificate(der).publicKey).equals(holderSpki));
  if (holderIndex < 0) {
    throw new SigningError("BAD_PKCS12", "El archivo del certificado no contiene el certificado de su clave privada.");
  }
  const holder = certificates[holderIndex];
  return createKeySigner(privateKey, { certificate: holder, chain: orderChain(holder, certificates.filter((_, i) => i !== holderIndex)) });
}

function toKeyObject(bag: forge.pkcs12.Bag): KeyObject {
  try {
    // forge turns RSA keys into its own objects and leaves other key types as ASN.1.
    const info = bag.key
      ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey))
      : (bag as forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 }).asn1;
    if (!info) throw new Error("no key");
    const der = Buffer.from(forge.asn1.toDer(info).getBytes(), "binary");
    return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
  } catch {
    throw new SigningError("UNSUPPORTED_KEY", "No se pudo leer la clave privada del certificado.");
  }
}

function certificateDer(bag: forge.pkcs12.Bag): Buffer | null {
  // A certificate forge parsed keeps its original TBSCertificate, so this re-encoding gives back
  // the bytes that were signed; others (e.g. EC keys) are left as ASN.1 by forge.
  const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag as forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 }).asn1;
  if (!asn1) return null;
  const der = Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
  try {
    new X509Certificate(der);
    return der;
  } catch {
    return null;
  }
}

function spki(key: KeyObject): Buffer {
  return key.export({ type: "spki", format: "der" });
}

// Issuer first: each next certificate is the issuer of the previous one; leftovers keep their order.
function orderChain(holder: Buffer, others: Buffer[]): Buffer[] {
  const remaining = others.map((der) => ({ der, x509: new X509Certificate(der) }));
  const ordered: Buffer[] = [];
  let current = new X509Certificate(holder);
  while (!current.checkIssued(current)) {
    const index = remaining.findIndex((c) => current.checkIssued(c.x509) && current.verify(c.x509.publicKey));
    if (index < 0) break;
    const [next] = remaining.splice(index, 1);
    ordered.push(next.der);
    current = next.x509;
  }
  return [...ordered, ...remaining.map((c) => c.der)];
}
