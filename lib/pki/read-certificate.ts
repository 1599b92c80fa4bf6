import { createHash, X509Certificate } from "node:crypto";
import forge from "node-forge";
import type { TCertificateInfo, TNameAttribute } from "./types";
import { NAME_ATTRIBUTE_SHORT_NAMES } from "@/lib/pki/name-attribute-short-names";

const T = forge.asn1.Type;

function decodeValue(node: forge.asn1.Asn1): string {
  const raw = typeof node.value === "string" ? node.value : "";
  switch (node.type as number) {
    case T.UTF8:
      return forge.util.decodeUtf8(raw);
    // forge already turns a BMPString into a JS string.
    case T.BMPSTRING:
      return raw;
    case 28: {
      // UniversalString: UCS-4 big endian.
      let out = "";
      for (let i = 0; i + 3 < raw.length; i += 4) {
        out += String.fromCodePoint(((raw.charCodeAt(i) << 24) | (raw.charCodeAt(i + 1) << 16) | (raw.charCodeAt(i + 2) << 8) | raw.charCodeAt(i + 3)) >>> 0);
      }
      return out;
    }
    default:
      // PrintableString, IA5String, TeletexString: single bytes.
      return raw;
  }
}

function escapeRfc4514(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, "\\ ");
}

// Name ::= SEQUENCE OF SET OF AttributeTypeAndValue, in DER order (most general first).
function readName(node: forge.asn1.Asn1): { attributes: TNameAttribute[]; text: string } {
  const rdns = (node.value as forge.asn1.Asn1[]).map((set) =>
    (set.value as forge.asn1.Asn1[]).map((atv) => {
      const [oidNode, valueNode] = atv.value as forge.asn1.Asn1[];
      const type = forge.asn1.derToOid(oidNode.value as string);
      return { type, shortName: NAME_ATTRIBUTE_SHORT_NAMES[type] ?? null, value: decodeValue(valueNode) };
    }),
  );
  // RFC 4514 writes the most specific RDN first: "CN=…, O=…, C=GT".
  const text = [...rdns]
    .reverse()
    .map((rdn) => rdn.map((a) => `${a.shortName ?? a.type}=${escapeRfc4514(a.value)}`).join("+"))
    .join(", ");
  return { attributes: rdns.flat(), text };
}

function readTime(node: forge.asn1.Asn1): Date {
  const v = node.value as string;
  return (node.type as number) === T.UTCTIME ? forge.asn1.utcTimeToDate(v) : forge.asn1.generalizedTimeToDate(v);
}

// Reads any X.509 certificate (PEM or DER; RSA or not) for the registry of authorized signers.
// Names are decoded from the DER by hand: forge's own certificate parser leaves UTF-8 bytes
// undecoded and rejects non-RSA keys.
export function readCertificate(input: string | Uint8Array): TCertificateInfo {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(typeof input === "string" ? input : Buffer.from(input));
  } catch (cause) {
    throw new Error("El archivo no es un certificado X.509 válido (PEM o DER)", { cause });
  }
  const der = Buffer.from(x509.raw);
  const cert = forge.asn1.fromDer(forge.util.createBuffer(der.toString("binary")));
  const tbs = (cert.value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
  // version is an optional [0] EXPLICIT field.
  const fields = tbs[0].tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? tbs.slice(1) : tbs;
  const [serialNode, , issuerNode, validityNode, subjectNode] = fields;
  const issuer = readName(issuerNode);
  const subject = readName(subjectNode);
  const [notBefore, notAfter] = validityNode.value as forge.asn1.Asn1[];

  return {
    subject: subject.text,
    subjectCommonName: subject.attributes.findLast((a) => a.shortName === "CN")?.value ?? null,
    subjectAttributes: subject.attributes,
    issuer: issuer.text,
    issuerCommonName: issuer.attributes.findLast((a) => a.shortName === "CN")?.value ?? null,
    serialNumber: forge.util.bytesToHex(serialNode.value as string).replace(/^(00)+(?=.)/, "").toLowerCase(),
    validFrom: readTime(notBefore),
    validTo: readTime(notAfter),
    fingerprint: createHash("sha256").update(der).digest("hex"),
    isCa: x509.ca,
    pem: x509.toString(),
    der,
  };
}
