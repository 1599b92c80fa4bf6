import forge from "node-forge";
import type { TDistinguishedName } from "./types";

const UTF8 = forge.asn1.Type.UTF8;
const PRINTABLE = forge.asn1.Type.PRINTABLESTRING;

// forge encodes a UTF8String attribute from a JS string (it runs encodeUtf8 itself), so values
// here are plain strings. Order is the DER order, most general first (C, ST, L, O, OU, serialNumber, CN).
export function buildNameAttributes(dn: TDistinguishedName): forge.pki.CertificateField[] {
  const attrs: forge.pki.CertificateField[] = [];
  if (dn.country) {
    if (!/^[A-Z]{2}$/.test(dn.country)) throw new Error(`Código de país inválido: ${dn.country}`);
    attrs.push({ shortName: "C", value: dn.country, valueTagClass: PRINTABLE as unknown as forge.asn1.Class });
  }
  if (dn.state) attrs.push({ shortName: "ST", value: dn.state, valueTagClass: UTF8 as unknown as forge.asn1.Class });
  if (dn.locality) attrs.push({ shortName: "L", value: dn.locality, valueTagClass: UTF8 as unknown as forge.asn1.Class });
  if (dn.organization) attrs.push({ shortName: "O", value: dn.organization, valueTagClass: UTF8 as unknown as forge.asn1.Class });
  if (dn.organizationalUnit) {
    attrs.push({ shortName: "OU", value: dn.organizationalUnit, valueTagClass: UTF8 as unknown as forge.asn1.Class });
  }
  if (dn.serialNumber) {
    if (!/^[A-Za-z0-9 '()+,\-./:=?]+$/.test(dn.serialNumber)) throw new Error("serialNumber debe ser PrintableString");
    attrs.push({ name: "serialNumber", value: dn.serialNumber, valueTagClass: PRINTABLE as unknown as forge.asn1.Class });
  }
  attrs.push({ shortName: "CN", value: dn.commonName, valueTagClass: UTF8 as unknown as forge.asn1.Class });
  return attrs;
}

// forge parses UTF8String values as raw UTF-8 bytes and would encode them again when the same
// attributes are reused as an issuer name (forge issue #847). Decoding them first makes the
// issuer of a certificate byte-identical to its CA's subject.
export function reusableNameAttributes(attributes: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attributes.map((a) => {
    const tag = a.valueTagClass as unknown as number;
    const value = tag === UTF8 && typeof a.value === "string" ? forge.util.decodeUtf8(a.value) : a.value;
    return { type: a.type, name: a.name, shortName: a.shortName, value, valueTagClass: a.valueTagClass };
  });
}
