import { createHash } from "node:crypto";
import { BYTE_RANGE_PLACEHOLDER, type TSignatureUpdate } from "./build-signature-update";

export type TPlacedSignature = {
  // The input followed by the update, its /ByteRange written.
  out: Buffer;
  // SHA-256 of the two byte ranges, hashed where they lie.
  contentDigest: Buffer;
  // Writes `der` hex into /Contents (zero padding kept); false when it does not fit.
  writeContents(der: Buffer): boolean;
};

// What @signpdf/signpdf's SignPdf.sign does around the CMS (decision 0002), in the one output
// buffer: the update appended without its final newline (removeTrailingNewLine), the byte ranges
// (everything but the /Contents hex string, brackets included) written over @signpdf's
// placeholder padded with spaces, and the two ranges hashed.
export function fillByteRange(pdf: Buffer, { update, contentsStart, contentsEnd }: TSignatureUpdate): TPlacedSignature {
  const updateLength = update[update.length - 1] === 0x0a ? update.length - 1 : update.length;
  const out = Buffer.allocUnsafe(pdf.length + updateLength);
  pdf.copy(out, 0);
  update.copy(out, pdf.length, 0, updateLength);

  const signedEnd = pdf.length + contentsStart;
  const signedResume = pdf.length + contentsEnd;
  const byteRange = `/ByteRange [0 ${signedEnd} ${signedResume} ${out.length - signedResume}]`;
  out.write(byteRange.padEnd(BYTE_RANGE_PLACEHOLDER.length, " "), pdf.length + update.indexOf(BYTE_RANGE_PLACEHOLDER), "latin1");
  const contentDigest = createHash("sha256").update(out.subarray(0, signedEnd)).update(out.subarray(signedResume)).digest();
  const room = contentsEnd - contentsStart - 2;
  return {
    out,
    contentDigest,
    writeContents(der) {
      if (der.length * 2 > room) return false;
      out.write(der.toString("hex"), signedEnd + 1, "latin1");
      return true;
    },
  };
}
