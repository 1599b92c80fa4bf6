import { decodeOid, derChildren, DerError, expectTag, readDer, TAG, type TDerNode } from "@/lib/signing/der";
import { OID } from "@/lib/signing/oids";

export type TSignerIdentifier = { issuerAndSerial: { issuer: Buffer; serial: Buffer } } | { subjectKeyIdentifier: Buffer };

export type TCmsSignerInfo = {
  sid: TSignerIdentifier;
  digestAlgorithm: string;
  // The signed attributes re-tagged as the SET OF that was signed, or null when the signature is
  // directly over the content (old adbe.pkcs7.detached signers do that).
  signedAttributes: Buffer | null;
  // attrType OID → first attribute value.
  attributes: Map<string, TDerNode>;
  signatureAlgorithm: string;
  signatureParameters: TDerNode | null;
  signature: Buffer;
  // attrType OID → every value (the signature-time-stamp-token lives here).
  unsignedAttributes: Map<string, TDerNode[]>;
};

export type TCmsSignedData = {
  eContentType: string;
  eContent: Buffer | null;
  certificates: Buffer[];
  // RevocationInfoChoices (RFC 5652 §10.2.1): CRLs, and OCSP responses carried as
  // OtherRevocationInfoFormat id-ri-ocsp-response (RFC 5940).
  revocationInfo: { crls: Buffer[]; ocspResponses: Buffer[] };
  signerInfos: TCmsSignerInfo[];
};

const ID_RI_OCSP_RESPONSE = "1.3.6.1.5.5.7.16.2";

// ContentInfo { signedData, [0] SignedData } (RFC 5652 §5). Throws DerError on anything else.
export function readCmsSignedData(cms: Buffer): TCmsSignedData {
  const contentInfo = derChildren(expectTag(readDer(cms), TAG.SEQUENCE, "ContentInfo"));
  if (decodeOid(expectTag(contentInfo[0], TAG.OID, "contentType").value) !== OID.signedData) {
    throw new DerError("El contenido CMS no es SignedData");
  }
  const signedData = derChildren(expectTag(derChildren(expectTag(contentInfo[1], 0xa0, "[0] content"))[0], TAG.SEQUENCE, "SignedData"));
  let i = 1; // version
  i++; // digestAlgorithms
  const encap = derChildren(expectTag(signedData[i++], TAG.SEQUENCE, "encapContentInfo"));
  const eContentType = decodeOid(expectTag(encap[0], TAG.OID, "eContentType").value);
  let eContent: Buffer | null = null;
  if (encap[1]?.tag === 0xa0) {
    const octets = derChildren(encap[1])[0];
    // BER may split the content into a constructed OCTET STRING.
    eContent = octets.tag === 0x24 ? Buffer.concat(derChildren(octets).map((c) => c.value)) : octets.value;
  }
  const certificates: Buffer[] = [];
  if (signedData[i]?.tag === 0xa0) {
    for (const c of derChildren(signedData[i++])) if (c.tag === TAG.SEQUENCE) certificates.push(c.bytes);
  }
  const revocationInfo = { crls: [] as Buffer[], ocspResponses: [] as Buffer[] };
  if (signedData[i]?.tag === 0xa1) {
    for (const c of derChildren(signedData[i++])) {
      if (c.tag === TAG.SEQUENCE) revocationInfo.crls.push(c.bytes);
      else if (c.tag === 0xa1) {
        const [format, info] = derChildren(c);
        if (format?.tag === TAG.OID && decodeOid(format.value) === ID_RI_OCSP_RESPONSE && info) revocationInfo.ocspResponses.push(info.bytes);
      }
    }
  }
  const signerInfos = derChildren(expectTag(signedData[i], TAG.SET, "signerInfos")).map(readSignerInfo);
  return { eContentType, eContent, certificates, revocationInfo, signerInfos };
}

function readSignerInfo(node: TDerNode): TCmsSignerInfo {
  const parts = derChildren(expectTag(node, TAG.SEQUENCE, "SignerInfo"));
  let i = 1; // version
  const sidNode = parts[i++];
  let sid: TSignerIdentifier;
  if (sidNode?.tag === TAG.SEQUENCE) {
    const [issuer, serial] = derChildren(sidNode);
    sid = { issuerAndSerial: { issuer: expectTag(issuer, TAG.SEQUENCE, "issuer").bytes, serial: expectTag(serial, TAG.INTEGER, "serial").bytes } };
  } else if (sidNode?.tag === 0x80) {
    sid = { subjectKeyIdentifier: sidNode.value };
  } else throw new DerError("SignerIdentifier inválido");
  const digestAlgorithm = decodeOid(derChildren(expectTag(parts[i++], TAG.SEQUENCE, "digestAlgorithm"))[0].value);

  let signedAttributes: Buffer | null = null;
  const attributes = new Map<string, TDerNode>();
  if (parts[i]?.tag === 0xa0) {
    const node = parts[i++];
    // What was signed is the SET OF with its universal tag (RFC 5652 §5.4).
    signedAttributes = Buffer.from(node.bytes);
    signedAttributes[0] = TAG.SET;
    for (const attribute of derChildren(node)) {
      const [type, values] = derChildren(attribute);
      const first = derChildren(expectTag(values, TAG.SET, "attrValues"))[0];
      if (first) attributes.set(decodeOid(type.value), first);
    }
  }
  const algorithm = derChildren(expectTag(parts[i++], TAG.SEQUENCE, "signatureAlgorithm"));
  const signature = expectTag(parts[i++], TAG.OCTET_STRING, "signature").value;
  const unsignedAttributes = new Map<string, TDerNode[]>();
  if (parts[i]?.tag === 0xa1) {
    for (const attribute of derChildren(parts[i++])) {
      const [type, values] = derChildren(attribute);
      if (type?.tag !== TAG.OID || values?.tag !== TAG.SET) continue;
      const oid = decodeOid(type.value);
      unsignedAttributes.set(oid, [...(unsignedAttributes.get(oid) ?? []), ...derChildren(values)]);
    }
  }
  return {
    sid,
    digestAlgorithm,
    signedAttributes,
    attributes,
    signatureAlgorithm: decodeOid(algorithm[0].value),
    signatureParameters: algorithm[1] && algorithm[1].tag !== TAG.NULL ? algorithm[1] : null,
    signature,
    unsignedAttributes,
  };
}
