import { createHash } from "node:crypto";
import { assembleCadesSignedData, verifySignedAttributes } from "./build-cades-signed-data";
import { OID } from "./oids";
import { readSignedAttributes } from "./read-signed-attributes";
import type { TSignedPdf, TSignPdfTimestampOptions } from "./sign-pdf";
import type { TSignerCertificates } from "./signer";
import { SigningError } from "./signing-error";
import { buildTimestampAttribute } from "./timestamp/build-timestamp-attribute";
import { requestTimestamp, type TTimestamp } from "./timestamp/request-timestamp";

export type TCompletePdfSignatureInput = {
  // preparePdfSignature's output, unchanged.
  prepared: Buffer;
  signedAttributes: Buffer;
  // The signer's SHA-256 signature over `signedAttributes`.
  signatureValue: Buffer;
  certificates: TSignerCertificates;
  timestamp?: TSignPdfTimestampOptions;
};

type TContentsSlot = { start: number; end: number };

// The last signature's /Contents in a prepared file, from its /ByteRange [0 a b c]: the hex
// string lies between a and b, all zeros until completed, and the file ends at b + c.
function findContentsSlot(prepared: Buffer): TContentsSlot {
  const at = prepared.lastIndexOf("/ByteRange [", undefined, "latin1");
  const match = at < 0 ? null : /^\/ByteRange \[0 (\d+) (\d+) (\d+)\]/.exec(prepared.subarray(at, at + 80).toString("latin1"));
  if (!match) throw new SigningError("MALFORMED_PDF", "El documento preparado no tiene /ByteRange.");
  const [start, end, tail] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (end + tail !== prepared.length || prepared[start] !== 0x3c || prepared[end - 1] !== 0x3e) {
    throw new SigningError("MALFORMED_PDF", "El /ByteRange del documento preparado no corresponde al archivo.");
  }
  for (let i = start + 1; i < end - 1; i++) {
    if (prepared[i] !== 0x30) throw new SigningError("MALFORMED_PDF", "El documento preparado ya tiene una firma en /Contents.");
  }
  return { start, end };
}

// Second half of a PAdES signature (preparePdfSignature is the first): the signature value is
// checked FIRST — over exactly these signed attributes, with this certificate's key, and the
// attributes are those of this document and this certificate — then the signature timestamp is
// requested and the CMS written into /Contents of `prepared` (in place). A CMS larger than the room prepared is
// SIGNATURE_TOO_LARGE (the caller prepares again with more room).
export async function completePdfSignature(input: TCompletePdfSignatureInput): Promise<TSignedPdf & { cmsLength: number }> {
  const { prepared, signedAttributes, signatureValue, certificates } = input;
  const slot = findContentsSlot(prepared);
  const attributes = readSignedAttributes(signedAttributes);
  const contentDigest = createHash("sha256").update(prepared.subarray(0, slot.start)).update(prepared.subarray(slot.end)).digest();
  if (attributes.contentType !== OID.data || !attributes.messageDigest.equals(contentDigest)) {
    throw new SigningError("SIGNER_FAILED", "Los atributos firmados no corresponden a este documento.");
  }
  if (!attributes.signingCertificateHash.equals(createHash("sha256").update(certificates.certificate).digest())) {
    throw new SigningError("SIGNER_FAILED", "Los atributos firmados no corresponden a este certificado.");
  }
  // A token (or browser) that answers with the wrong key or a damaged value would otherwise yield
  // a PDF whose signature nobody can verify — and the TSA would be asked for nothing.
  if (!verifySignedAttributes(signedAttributes, signatureValue, certificates.certificate)) {
    throw new SigningError("SIGNER_FAILED", "La firma producida no corresponde al certificado.");
  }

  let timestamp: TTimestamp | null = null;
  const timestampOptions = input.timestamp;
  const unsignedAttributes = timestampOptions
    ? async (value: Buffer) => {
        // ETSI EN 319 122-1 §5.3: the signature timestamp's imprint is over the SignerInfo's
        // signature value.
        timestamp = await requestTimestamp(value, timestampOptions);
        return [buildTimestampAttribute(timestamp.token)];
      }
    : undefined;
  const cms = await assembleCadesSignedData({ signedAttributes, signature: signatureValue, certificates, unsignedAttributes });
  const room = slot.end - slot.start - 2;
  if (cms.length * 2 > room) {
    const error = new SigningError("SIGNATURE_TOO_LARGE", "La firma no cabe en el espacio reservado en el PDF.");
    throw Object.assign(error, { cmsLength: cms.length });
  }
  // Written in place: a prepared file may be tens of megabytes, and it is never used again.
  prepared.write(cms.toString("hex"), slot.start + 1, "latin1");
  return { pdf: prepared, timestamp, cmsLength: cms.length };
}
