import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { OID } from "../oids";

// The CMS unsigned attribute id-aa-signatureTimeStampToken (RFC 3161 appendix A) holding `token`
// (a TimeStampToken, DER ContentInfo) as its one value, DER-encoded.
export function buildTimestampAttribute(token: Buffer): Buffer {
  const parsed = asn1js.fromBER(new Uint8Array(token));
  if (parsed.offset === -1) throw new Error("El sello de tiempo no es DER legible");
  const attribute = new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [parsed.result] });
  return Buffer.from(attribute.toSchema().toBER(false));
}
