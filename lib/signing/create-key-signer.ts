import { createPublicKey, sign, X509Certificate, type KeyObject } from "node:crypto";
import type { DocumentSigner, TSignerCertificates } from "./signer";
import { SigningError } from "./signing-error";

// A DocumentSigner over a private key held in this process (as a KeyObject, so the key material
// is not a JS string or Buffer that could end up in a log). The PKCS#12 signer is built on it.
export function createKeySigner(privateKey: KeyObject, certificates: TSignerCertificates): DocumentSigner {
  if (privateKey.type !== "private") throw new SigningError("UNSUPPORTED_KEY", "Se esperaba una clave privada");
  const keyType = privateKey.asymmetricKeyType;
  if (keyType !== "rsa" && keyType !== "ec") {
    throw new SigningError("UNSUPPORTED_KEY", `Tipo de clave no soportado para firmar: ${keyType ?? "desconocido"}`);
  }
  const certificate = new X509Certificate(certificates.certificate);
  const spki = (key: KeyObject) => key.export({ type: "spki", format: "der" });
  if (!spki(createPublicKey(privateKey)).equals(spki(certificate.publicKey))) {
    throw new SigningError("UNSUPPORTED_KEY", "La clave privada no corresponde al certificado");
  }
  const copy: TSignerCertificates = { certificate: Buffer.from(certificates.certificate), chain: certificates.chain.map((c) => Buffer.from(c)) };
  return {
    certificates: async () => copy,
    // ECDSA signatures come out DER-encoded (Node's default dsaEncoding), as CMS wants them.
    sign: async (data) => sign("sha256", data, privateKey),
  };
}
