import forge from "node-forge";
import type { TCertificateWithKey } from "./types";

export class Pkcs12Error extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "Pkcs12Error";
  }
}

export type TOpenedPkcs12 = TCertificateWithKey & { chain: forge.pki.Certificate[] };

// The holder's certificate is the one whose public key matches the private key; the others
// are its chain. The MAC is verified, so a wrong passphrase fails here and not at signing time.
export function openPkcs12(data: Uint8Array, passphrase: string): TOpenedPkcs12 {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(data).toString("binary")));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, true, passphrase);
  } catch (cause) {
    throw new Pkcs12Error("No se pudo abrir el certificado: la frase de acceso es incorrecta o el archivo no es PKCS#12", { cause });
  }
  const keyBags = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  const privateKey = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) throw new Pkcs12Error("El archivo PKCS#12 no contiene una clave privada RSA");
  // Bag certificates are parsed from their DER, as parseCertificatePem would give them.
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => Boolean(c));
  const holderIndex = certs.findIndex((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.equals(privateKey.n) && pub.e.equals(privateKey.e);
  });
  if (holderIndex < 0) throw new Pkcs12Error("El archivo PKCS#12 no contiene el certificado de su clave privada");
  const certificate = certs[holderIndex];
  return {
    certificate,
    privateKey,
    certPem: forge.pki.certificateToPem(certificate),
    chain: certs.filter((_, i) => i !== holderIndex),
  };
}
