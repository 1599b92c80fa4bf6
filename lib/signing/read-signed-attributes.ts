import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "./oids";
import { SigningError } from "./signing-error";

export type TSignedAttributesRead = {
  contentType: string | null;
  // The messageDigest attribute's value (SHA-256 of the signed content).
  messageDigest: Buffer;
  // certHash of the first ESSCertIDv2 of signing-certificate-v2 (SHA-256 of the signer's certificate).
  signingCertificateHash: Buffer;
};

const refuse = (detail: string) => new SigningError("SIGNER_FAILED", `Los atributos firmados no son válidos: ${detail}.`);

// Reads back the CMS signed attributes (DER SET OF Attribute) a prepared signature issued, so that
// completing it can check them against the prepared document and the certificate.
export function readSignedAttributes(der: Buffer): TSignedAttributesRead {
  const parsed = asn1js.fromBER(new Uint8Array(der));
  if (parsed.offset === -1 || parsed.offset !== der.length || !(parsed.result instanceof asn1js.Set)) throw refuse("no son un SET OF Attribute");
  const values = new Map<string, asn1js.AsnType[]>();
  for (const node of parsed.result.valueBlock.value) {
    const attribute = new pkijs.Attribute({ schema: node });
    if (values.has(attribute.type)) throw refuse(`el atributo ${attribute.type} está repetido`);
    values.set(attribute.type, attribute.values);
  }
  const single = (oid: string, name: string) => {
    const v = values.get(oid);
    if (!v || v.length !== 1) throw refuse(`falta ${name}`);
    return v[0];
  };
  const contentTypeValue = values.get(OID.contentType)?.[0];
  const contentType = contentTypeValue instanceof asn1js.ObjectIdentifier ? contentTypeValue.valueBlock.toString() : null;

  const digest = single(OID.messageDigest, "messageDigest");
  if (!(digest instanceof asn1js.OctetString)) throw refuse("messageDigest no es un OCTET STRING");

  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, ... }
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash OCTET STRING, issuerSerial OPTIONAL }
  const signingCertificate = single(OID.signingCertificateV2, "signing-certificate-v2");
  const certs = signingCertificate instanceof asn1js.Sequence ? signingCertificate.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) throw refuse("signing-certificate-v2 no tiene ESSCertIDv2");
  let fields = first.valueBlock.value;
  if (fields[0] instanceof asn1js.Sequence) {
    const algorithm = new pkijs.AlgorithmIdentifier({ schema: fields[0] });
    if (algorithm.algorithmId !== OID.sha256) throw refuse("signing-certificate-v2 no usa SHA-256");
    fields = fields.slice(1);
  }
  if (!(fields[0] instanceof asn1js.OctetString)) throw refuse("signing-certificate-v2 sin certHash");
  return {
    contentType,
    messageDigest: Buffer.from(digest.valueBlock.valueHexView),
    signingCertificateHash: Buffer.from(fields[0].valueBlock.valueHexView),
  };
}
