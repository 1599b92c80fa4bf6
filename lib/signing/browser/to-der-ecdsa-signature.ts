import * as pkijs from "pkijs";
import { copyToArrayBuffer } from "./copy-to-array-buffer";

// WebCrypto returns ECDSA signatures as raw r||s (IEEE P1363); CMS wants the DER
// Ecdsa-Sig-Value SEQUENCE { r INTEGER, s INTEGER } (RFC 5753). pkijs does this conversion for
// its own CMS signing; the same function is reused here.
export function toDerEcdsaSignature(raw: Uint8Array): Uint8Array {
  return new Uint8Array(pkijs.createCMSECDSASignature(copyToArrayBuffer(raw)));
}
