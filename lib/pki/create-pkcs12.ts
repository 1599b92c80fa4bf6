import forge from "node-forge";
import type { TCertificateWithKey } from "./types";

export type TCreatePkcs12Input = {
  holder: TCertificateWithKey;
  // Issuer first, root last; the holder's own certificate goes first automatically.
  chain?: forge.pki.Certificate[];
  passphrase: string;
  friendlyName?: string;
};

// PBES2 (PBKDF2-HMAC-SHA256 + AES-256-CBC) for the key and an HMAC-SHA1 MAC: OpenSSL 3 opens it
// without -legacy, as do Node's tls and forge. A PKCS#12 password is read as BMPString by the MAC
// and as raw bytes by PBKDF2; tools disagree on non-ASCII there, so it must be printable ASCII.
export function createPkcs12(input: TCreatePkcs12Input): Buffer {
  if (!/^[\x20-\x7e]{8,}$/.test(input.passphrase)) {
    throw new Error("La frase de acceso del PKCS#12 debe tener al menos 8 caracteres ASCII imprimibles");
  }
  const certs = [input.holder.certificate, ...(input.chain ?? [])];
  const asn1 = forge.pkcs12.toPkcs12Asn1(input.holder.privateKey, certs, input.passphrase, {
    algorithm: "aes256",
    count: 10_000,
    saltSize: 16,
    prfAlgorithm: "sha256",
    ...(input.friendlyName ? { friendlyName: input.friendlyName } : {}),
  } as Parameters<typeof forge.pkcs12.toPkcs12Asn1>[3]);
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}
