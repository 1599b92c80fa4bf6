import { constants, createHash, createVerify, type X509Certificate } from "node:crypto";
import { decodeOid, derChildren, readDer, readDerTime, TAG } from "@/lib/signing/der";
import { DIGEST_NAMES, OID } from "@/lib/signing/oids";
import { readCertificateFields } from "@/lib/signing/read-certificate-fields";
import { parseX509 } from "./parse-x509";
import { SIGNATURE_HASHES, type THash } from "./verify-signature-value";
import type { TCmsSignedData, TCmsSignerInfo } from "./read-cms-signed-data";

export type TSignerInfoCheck = {
  signerCertificate: Buffer | null;
  digestOk: boolean;
  signatureOk: boolean;
  signingCertificateAttributeOk: boolean | null;
  cmsSigningTime: Date | null;
  errors: string[];
};

// Checks one SignerInfo: finds its certificate, compares messageDigest with the digest of the
// signed ranges (computed by the caller, who shares work between signatures), and verifies the
// signature over the signed attributes (or over the content itself when there are none).
export function verifySignerInfo(cms: TCmsSignedData, signerInfo: TCmsSignerInfo, contentDigest: Buffer, content: Buffer[]): TSignerInfoCheck {
  const errors: string[] = [];
  const signerCertificate = findSignerCertificate(cms.certificates, signerInfo);
  let digestOk = false;
  let signatureOk = false;
  let signingCertificateAttributeOk: boolean | null = null;
  let cmsSigningTime: Date | null = null;
  if (!signerCertificate) errors.push("La firma no incluye el certificado del firmante.");

  if (signerInfo.signedAttributes) {
    const messageDigest = signerInfo.attributes.get(OID.messageDigest);
    digestOk = messageDigest?.tag === TAG.OCTET_STRING && messageDigest.value.equals(contentDigest);
    if (!digestOk) errors.push("El contenido firmado fue modificado: su resumen no coincide con el de la firma.");
    const contentType = signerInfo.attributes.get(OID.contentType);
    if (contentType?.tag !== TAG.OID || decodeOid(contentType.value) !== cms.eContentType) {
      digestOk = false;
      errors.push("El atributo contentType de la firma no corresponde a su contenido.");
    }
    if (signerCertificate) signingCertificateAttributeOk = checkSigningCertificateAttribute(signerInfo, signerCertificate);
    if (signingCertificateAttributeOk === false) errors.push("El atributo signing-certificate no corresponde al certificado del firmante.");
    const signingTime = signerInfo.attributes.get(OID.signingTime);
    if (signingTime) cmsSigningTime = readDerTime(signingTime);
  }

  if (signerCertificate) {
    const data = signerInfo.signedAttributes ? [signerInfo.signedAttributes] : content;
    try {
      signatureOk = verifySignature(signerInfo, parseX509(signerCertificate), data);
    } catch {
      signatureOk = false;
    }
    if (!signatureOk) errors.push("La firma criptográfica no es válida para el certificado del firmante.");
    if (!signerInfo.signedAttributes) digestOk = signatureOk;
  }
  return { signerCertificate, digestOk, signatureOk, signingCertificateAttributeOk, cmsSigningTime, errors };
}

export function digestName(oid: string): THash | null {
  return DIGEST_NAMES[oid] ?? null;
}

function findSignerCertificate(certificates: Buffer[], signerInfo: TCmsSignerInfo): Buffer | null {
  for (const der of certificates) {
    try {
      const fields = readCertificateFields(der);
      if ("issuerAndSerial" in signerInfo.sid) {
        const { issuer, serial } = signerInfo.sid.issuerAndSerial;
        if (fields.issuerDer.equals(issuer) && fields.serialDer.equals(serial)) return der;
      } else {
        const ski = fields.extensions.get("2.5.29.14");
        if (ski && readDer(ski).value.equals(signerInfo.sid.subjectKeyIdentifier)) return der;
      }
    } catch {
      // An unreadable extra certificate cannot be the signer's.
    }
  }
  return null;
}

function verifySignature(signerInfo: TCmsSignerInfo, certificate: X509Certificate, data: Buffer[]): boolean {
  const algorithm = signerInfo.signatureAlgorithm;
  const key = certificate.publicKey;
  if (algorithm === OID.rsassaPss) {
    const { hash, saltLength } = readPssParameters(signerInfo);
    return runVerify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }, signerInfo.signature);
  }
  // rsaEncryption and ecPublicKey name only the key: the hash is the digest algorithm's.
  const hash = SIGNATURE_HASHES[algorithm] ?? (algorithm === OID.rsaEncryption || algorithm === OID.ecPublicKey ? digestName(signerInfo.digestAlgorithm) : null);
  if (!hash) return false;
  if (key.asymmetricKeyType === "rsa") return runVerify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signerInfo.signature);
  if (key.asymmetricKeyType === "ec") return runVerify(hash, data, { key, dsaEncoding: "der" }, signerInfo.signature);
  return false;
}

function runVerify(hash: THash, data: Buffer[], key: Parameters<ReturnType<typeof createVerify>["verify"]>[0], signature: Buffer): boolean {
  const verifier = createVerify(hash);
  for (const chunk of data) verifier.update(chunk);
  return verifier.verify(key, signature);
}

// RSASSA-PSS-params (RFC 4055): [0] hashAlgorithm DEFAULT sha1, [2] saltLength DEFAULT 20.
function readPssParameters(signerInfo: TCmsSignerInfo): { hash: THash; saltLength: number } {
  let hash: THash = "sha1";
  let saltLength = 20;
  const params = signerInfo.signatureParameters;
  if (params?.tag === TAG.SEQUENCE) {
    for (const field of derChildren(params)) {
      if (field.tag === 0xa0) hash = digestName(decodeOid(derChildren(derChildren(field)[0])[0].value)) ?? hash;
      if (field.tag === 0xa2) saltLength = readDer(field.value).value.readUIntBE(0, Math.min(6, readDer(field.value).value.length));
    }
  }
  return { hash, saltLength };
}

// ESS signing-certificate(-v2): the first ESSCertID must hash the signer's certificate.
function checkSigningCertificateAttribute(signerInfo: TCmsSignerInfo, certificate: Buffer): boolean | null {
  const v2 = signerInfo.attributes.get(OID.signingCertificateV2);
  const v1 = signerInfo.attributes.get(OID.signingCertificate);
  try {
    if (v2) {
      const certId = derChildren(derChildren(derChildren(v2)[0])[0]);
      let hash: THash = "sha256";
      let index = 0;
      if (certId[0].tag === TAG.SEQUENCE) {
        const name = digestName(decodeOid(derChildren(certId[0])[0].value));
        if (!name) return false;
        hash = name;
        index = 1;
      }
      return certId[index].value.equals(createHash(hash).update(certificate).digest());
    }
    if (v1) {
      const certId = derChildren(derChildren(derChildren(v1)[0])[0]);
      return certId[0].value.equals(createHash("sha1").update(certificate).digest());
    }
  } catch {
    return false;
  }
  return null;
}
