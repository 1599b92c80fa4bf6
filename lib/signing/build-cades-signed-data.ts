import { createHash, verify, X509Certificate, type KeyObject } from "node:crypto";
import {
  derContextConstructed,
  derInteger,
  derNode,
  derNull,
  derOctetString,
  derOid,
  derSequence,
  derSetOf,
  TAG,
} from "./der";
import { OID } from "./oids";
import { readCertificateFields } from "./read-certificate-fields";
import type { DocumentSigner, TSignerCertificates } from "./signer";
import { SigningError } from "./signing-error";

export type TBuildCadesSignedDataInput = {
  // SHA-256 of the signed content (for a PDF, of its two byte ranges).
  contentDigest: Buffer;
  signer: DocumentSigner;
  // Passed when the caller already fetched them (e.g. to size the placeholder).
  certificates?: TSignerCertificates;
  // Unsigned attributes made from the signature value once it exists (PAdES B-T: the
  // signature-time-stamp-token over it), each a DER Attribute.
  unsignedAttributes?: (signatureValue: Buffer) => Promise<Buffer[]>;
};

const sha256Algorithm = () => derSequence([derOid(OID.sha256)]);

// Parsing the certificate took ≈ 0.3 ms of each signature, and an office signs case after case
// with the same one: its public key is kept, keyed by the certificate's bytes (bounded).
const MAX_CERTIFICATE_KEYS = 64;
const certificateKeys = new Map<string, KeyObject>();
function certificateKey(der: Buffer): KeyObject {
  const id = der.toString("base64");
  let key = certificateKeys.get(id);
  if (!key) {
    key = new X509Certificate(der).publicKey;
    if (certificateKeys.size >= MAX_CERTIFICATE_KEYS) certificateKeys.clear();
    certificateKeys.set(id, key);
  }
  return key;
}

function attribute(oid: string, value: Buffer): Buffer {
  return derSequence([derOid(oid), derSetOf([value])]);
}

// The public key of a certificate, checked to be one this signing code supports (RSA, EC).
export function signingKeyOf(certificate: Buffer): KeyObject {
  const publicKey = certificateKey(certificate);
  const keyType = publicKey.asymmetricKeyType;
  if (keyType !== "rsa" && keyType !== "ec") {
    throw new SigningError("UNSUPPORTED_KEY", `Tipo de clave del certificado no soportado: ${keyType ?? "desconocido"}`);
  }
  return publicKey;
}

// The CAdES signed attributes (ETSI EN 319 122-1, as PAdES baseline B-B uses them): contentType,
// messageDigest and signing-certificate-v2, encoded as the DER SET OF the signature covers
// (RFC 5652 §5.4). No signing-time attribute: PAdES carries the claimed time in /M.
export function buildSignedAttributes(contentDigest: Buffer, signerCert: Buffer): Buffer {
  if (contentDigest.length !== 32) throw new SigningError("SIGNER_FAILED", "El resumen del contenido debe ser SHA-256.");
  signingKeyOf(signerCert);
  const { issuerDer, serialDer } = readCertificateFields(signerCert);
  // ESSCertIDv2 { certHash, issuerSerial { GeneralNames { [4] directoryName }, serial } };
  // hashAlgorithm is left out because SHA-256 is its DEFAULT.
  const essCertId = derSequence([
    derOctetString(createHash("sha256").update(signerCert).digest()),
    derSequence([derSequence([derContextConstructed(4, issuerDer)]), serialDer]),
  ]);
  return derSetOf([
    attribute(OID.contentType, derOid(OID.data)),
    attribute(OID.messageDigest, derOctetString(contentDigest)),
    attribute(OID.signingCertificateV2, derSequence([derSequence([essCertId])])),
  ]);
}

// True when `signature` is the certificate's key's SHA-256 signature over `signedAttributes`
// (RSA PKCS#1 v1.5, or ECDSA as a DER Ecdsa-Sig-Value).
export function verifySignedAttributes(signedAttributes: Buffer, signature: Buffer, signerCert: Buffer): boolean {
  try {
    return verify("sha256", signedAttributes, signingKeyOf(signerCert), signature);
  } catch {
    // A value that is not even well-formed (e.g. a truncated ECDSA DER) is a wrong signature.
    return false;
  }
}

export type TAssembleCadesInput = {
  // The DER SET OF signed attributes (buildSignedAttributes) and the signature over them,
  // already verified by the caller.
  signedAttributes: Buffer;
  signature: Buffer;
  certificates: TSignerCertificates;
  unsignedAttributes?: TBuildCadesSignedDataInput["unsignedAttributes"];
};

// The CMS SignedData (detached) around signed attributes and their signature value.
export async function assembleCadesSignedData(input: TAssembleCadesInput): Promise<Buffer> {
  const { signedAttributes, signature, certificates } = input;
  const signerCert = certificates.certificate;
  const keyType = signingKeyOf(signerCert).asymmetricKeyType;
  const { issuerDer, serialDer } = readCertificateFields(signerCert);
  const signatureAlgorithm =
    keyType === "rsa" ? derSequence([derOid(OID.sha256WithRsa), derNull()]) : derSequence([derOid(OID.ecdsaWithSha256)]);
  const unsigned = input.unsignedAttributes ? await input.unsignedAttributes(signature) : [];
  const signerInfo = derSequence([
    derInteger(1),
    derSequence([issuerDer, serialDer]),
    sha256Algorithm(),
    // In the SignerInfo the signed attributes' SET contents carry the [0] IMPLICIT tag.
    derNode(0xa0, signedAttributes.subarray(signedAttributes.length - setContentsLength(signedAttributes))),
    signatureAlgorithm,
    derOctetString(signature),
    // unsignedAttrs [1] IMPLICIT SET OF Attribute (RFC 5652 §5.3), in DER order.
    ...(unsigned.length > 0 ? [derNode(0xa1, [...unsigned].sort(Buffer.compare))] : []),
  ]);
  const signedData = derSequence([
    derInteger(1),
    derSetOf([sha256Algorithm()]),
    derSequence([derOid(OID.data)]),
    derNode(0xa0, Buffer.concat(sortedUnique([signerCert, ...certificates.chain]))),
    derSetOf([signerInfo]),
  ]);
  return derSequence([derOid(OID.signedData), derContextConstructed(0, signedData)]);
}

// Asks the signer to sign the signed attributes; any failure of the device is SIGNER_FAILED.
export async function signWithSigner(signer: DocumentSigner, signedAttributes: Buffer): Promise<Buffer> {
  try {
    return await signer.sign(signedAttributes);
  } catch (cause) {
    if (cause instanceof SigningError) throw cause;
    throw new SigningError("SIGNER_FAILED", "El dispositivo de firma no pudo firmar.", { cause });
  }
}

// A CAdES detached signature (ETSI EN 319 122-1, as PAdES baseline B-B uses it): CMS SignedData
// without encapsulated content over buildSignedAttributes.
export async function buildCadesSignedData(input: TBuildCadesSignedDataInput): Promise<Buffer> {
  if (input.contentDigest.length !== 32) throw new SigningError("SIGNER_FAILED", "El resumen del contenido debe ser SHA-256.");
  const certificates = input.certificates ?? (await input.signer.certificates());
  const signedAttributes = buildSignedAttributes(input.contentDigest, certificates.certificate);
  const signature = await signWithSigner(input.signer, signedAttributes);
  // A token that answers with the wrong key or a damaged value would otherwise yield a PDF
  // whose signature nobody can verify.
  if (!verifySignedAttributes(signedAttributes, signature, certificates.certificate)) {
    throw new SigningError("SIGNER_FAILED", "La firma producida no corresponde al certificado.");
  }
  return assembleCadesSignedData({ signedAttributes, signature, certificates, unsignedAttributes: input.unsignedAttributes });
}

// Length of a DER node's contents, read from its header.
function setContentsLength(node: Buffer): number {
  if (node[0] !== TAG.SET) throw new Error("not a SET");
  const first = node[1];
  if (!(first & 0x80)) return first;
  let length = 0;
  for (let i = 0; i < (first & 0x7f); i++) length = length * 256 + node[2 + i];
  return length;
}

// CertificateSet is a SET OF: DER order, no duplicates (a chain may repeat the signer).
function sortedUnique(certificates: Buffer[]): Buffer[] {
  const sorted = [...certificates].sort(Buffer.compare);
  return sorted.filter((c, i) => i === 0 || !c.equals(sorted[i - 1]));
}
