import { createHash } from "node:crypto";
import { decodeOid, derChildren, readDer, readDerTime, TAG, type TDerNode } from "@/lib/signing/der";
import { readCertificateFields } from "@/lib/signing/read-certificate-fields";
import { NAME_ATTRIBUTE_SHORT_NAMES } from "@/lib/pki/name-attribute-short-names";

export type TCertificateSummary = {
  // RFC 4514 order, most specific first: "CN=José Pérez Gómez, O=Ministerio de Educación, C=GT".
  subject: string;
  commonName: string | null;
  issuer: string;
  issuerCommonName: string | null;
  // Lowercase hex without leading zero bytes.
  serialNumber: string;
  validFrom: Date;
  validTo: Date;
  // SHA-256 of the DER, lowercase hex.
  fingerprint: string;
};

function decodeString(node: TDerNode): string {
  switch (node.tag) {
    case TAG.BMP_STRING:
      return Buffer.from(node.value).swap16().toString("utf16le");
    case TAG.UNIVERSAL_STRING: {
      let text = "";
      for (let i = 0; i + 3 < node.value.length; i += 4) text += String.fromCodePoint(node.value.readUInt32BE(i));
      return text;
    }
    case TAG.T61_STRING:
      return node.value.toString("latin1");
    default:
      // UTF8String, PrintableString, IA5String: ASCII is a subset of UTF-8.
      return node.value.toString("utf8");
  }
}

function escapeRfc4514(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, "\\ ");
}

export function readName(name: TDerNode): { text: string; commonName: string | null } {
  const rdns = derChildren(name).map((set) =>
    derChildren(set).map((atv) => {
      const [type, value] = derChildren(atv);
      const oid = decodeOid(type.value);
      return { key: NAME_ATTRIBUTE_SHORT_NAMES[oid] ?? oid, value: decodeString(value) };
    }),
  );
  const text = [...rdns]
    .reverse()
    .map((rdn) => rdn.map((a) => `${a.key}=${escapeRfc4514(a.value)}`).join("+"))
    .join(", ");
  const commonName = rdns.flat().findLast((a) => a.key === "CN")?.value ?? null;
  return { text, commonName };
}

export function readCertificateSummary(der: Buffer): TCertificateSummary {
  const fields = readCertificateFields(der);
  const subject = readName(fields.subject);
  const issuer = readName(fields.issuer);
  const [notBefore, notAfter] = derChildren(fields.validity);
  return {
    subject: subject.text,
    commonName: subject.commonName,
    issuer: issuer.text,
    issuerCommonName: issuer.commonName,
    serialNumber: readDer(fields.serialDer).value.toString("hex").replace(/^(00)+(?=.)/, ""),
    validFrom: readDerTime(notBefore) ?? new Date(NaN),
    validTo: readDerTime(notAfter) ?? new Date(NaN),
    fingerprint: createHash("sha256").update(der).digest("hex"),
  };
}
