import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { derChildren, readDer, TAG } from "@/lib/signing/der";

export type TRevocationOrigin = "DSS" | "CMS";

export type TOcspSingle = {
  hashAlgorithm: string;
  issuerNameHash: Buffer;
  issuerKeyHash: Buffer;
  // The serial INTEGER's contents.
  serial: Buffer;
  status: "good" | "revoked" | "unknown";
  revokedAt: Date | null;
  thisUpdate: Date;
};

export type TParsedOcsp = {
  kind: "OCSP";
  origin: TRevocationOrigin;
  tbs: Buffer;
  signatureAlgorithm: string;
  signature: Buffer;
  producedAt: Date;
  // DER of the certificates the response carries (its responder's, usually).
  certificates: Buffer[];
  responses: TOcspSingle[];
};

export type TParsedCrl = {
  kind: "CRL";
  origin: TRevocationOrigin;
  tbs: Buffer;
  signatureAlgorithm: string;
  signature: Buffer;
  // DER of the issuer Name, as written.
  issuer: Buffer;
  thisUpdate: Date;
  nextUpdate: Date | null;
  // Serial INTEGER contents (hex) → revocation date.
  revoked: Map<string, Date>;
};

const ID_PKIX_OCSP_BASIC = "1.3.6.1.5.5.7.48.1.1";

const bytes = (view: ArrayBuffer | Uint8Array) => Buffer.from(view instanceof Uint8Array ? view : new Uint8Array(view));

// An OCSPResponse (RFC 6960 §4.2.1) with a successful basic response, parsed with pkijs; null for
// anything else (a refusal, another response type, bad bytes). Nothing is verified here.
export function parseOcspResponse(der: Buffer, origin: TRevocationOrigin): TParsedOcsp | null {
  try {
    const response = pkijs.OCSPResponse.fromBER(new Uint8Array(der));
    if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) return null;
    if (response.responseBytes.responseType !== ID_PKIX_OCSP_BASIC) return null;
    const inner = bytes(response.responseBytes.response.valueBlock.valueHexView);
    const basic = pkijs.BasicOCSPResponse.fromBER(new Uint8Array(inner));
    // The certificates exactly as written: [0] EXPLICIT SEQUENCE OF Certificate, 4th element.
    const parts = derChildren(readDer(inner));
    const certsNode = parts.find((p) => p.tag === 0xa0);
    const certificates = certsNode ? derChildren(derChildren(certsNode)[0]).map((c) => Buffer.from(c.bytes)) : [];
    return {
      kind: "OCSP",
      origin,
      tbs: bytes(basic.tbsResponseData.tbsView),
      signatureAlgorithm: basic.signatureAlgorithm.algorithmId,
      signature: bytes(basic.signature.valueBlock.valueHexView),
      producedAt: basic.tbsResponseData.producedAt,
      certificates,
      responses: basic.tbsResponseData.responses.map((single): TOcspSingle => {
        const status = single.certStatus as asn1js.BaseBlock;
        const tag = status.idBlock.tagNumber;
        let revokedAt: Date | null = null;
        if (tag === 1) {
          const time = (status as asn1js.Constructed).valueBlock.value[0];
          revokedAt = time instanceof asn1js.GeneralizedTime ? time.toDate() : null;
        }
        return {
          hashAlgorithm: single.certID.hashAlgorithm.algorithmId,
          issuerNameHash: bytes(single.certID.issuerNameHash.valueBlock.valueHexView),
          issuerKeyHash: bytes(single.certID.issuerKeyHash.valueBlock.valueHexView),
          serial: bytes(single.certID.serialNumber.valueBlock.valueHexView),
          status: tag === 0 ? "good" : tag === 1 ? "revoked" : "unknown",
          revokedAt,
          thisUpdate: single.thisUpdate,
        };
      }),
    };
  } catch {
    return null;
  }
}

// A CertificateList (RFC 5280 §5.1) parsed with pkijs; null for bad bytes.
export function parseCrl(der: Buffer, origin: TRevocationOrigin): TParsedCrl | null {
  try {
    const crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(der));
    const tbs = bytes(crl.tbsView);
    // TBSCertList: version? signature issuer …; the issuer exactly as written.
    const fields = derChildren(readDer(tbs));
    const issuer = fields[fields[0].tag === TAG.INTEGER ? 2 : 1];
    const revoked = new Map<string, Date>();
    for (const entry of crl.revokedCertificates ?? []) {
      revoked.set(bytes(entry.userCertificate.valueBlock.valueHexView).toString("hex"), entry.revocationDate.value);
    }
    return {
      kind: "CRL",
      origin,
      tbs,
      signatureAlgorithm: crl.signatureAlgorithm.algorithmId,
      signature: bytes(crl.signatureValue.valueBlock.valueHexView),
      issuer: Buffer.from(issuer.bytes),
      thisUpdate: crl.thisUpdate.value,
      nextUpdate: crl.nextUpdate?.value ?? null,
      revoked,
    };
  } catch {
    return null;
  }
}
