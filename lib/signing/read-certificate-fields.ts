import { decodeOid, derChildren, expectTag, readDer, TAG, type TDerNode } from "./der";

export type TCertificateFields = {
  // Exact DER of the issuer Name and of the serialNumber INTEGER (tag and length included), as
  // the certificate has them: CMS must repeat these bytes, not a re-encoding of them (forge #847).
  issuerDer: Buffer;
  serialDer: Buffer;
  issuer: TDerNode;
  subject: TDerNode;
  validity: TDerNode;
  // extnID → extnValue contents.
  extensions: Map<string, Buffer>;
};

// Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature } (RFC 5280 §4.1).
export function readCertificateFields(certificateDer: Buffer): TCertificateFields {
  const certificate = expectTag(readDer(certificateDer), TAG.SEQUENCE, "un certificado");
  const [tbsNode] = derChildren(certificate);
  const tbs = derChildren(expectTag(tbsNode, TAG.SEQUENCE, "TBSCertificate"));
  // version is [0] EXPLICIT and optional.
  const fields = tbs[0]?.tag === 0xa0 ? tbs.slice(1) : tbs;
  const [serial, , issuer, validity, subject] = fields;
  expectTag(serial, TAG.INTEGER, "el número de serie");
  expectTag(issuer, TAG.SEQUENCE, "el emisor");
  expectTag(validity, TAG.SEQUENCE, "la vigencia");
  expectTag(subject, TAG.SEQUENCE, "el sujeto");
  const extensions = new Map<string, Buffer>();
  const explicit = fields.slice(6).find((n) => n.tag === 0xa3);
  if (explicit) {
    for (const extension of derChildren(expectTag(derChildren(explicit)[0], TAG.SEQUENCE, "las extensiones"))) {
      const parts = derChildren(extension);
      const value = parts[parts.length - 1];
      if (parts[0]?.tag === TAG.OID && value?.tag === TAG.OCTET_STRING) extensions.set(decodeOid(parts[0].value), value.value);
    }
  }
  return { issuerDer: issuer.bytes, serialDer: serial.bytes, issuer, subject, validity, extensions };
}
