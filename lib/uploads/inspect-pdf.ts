import { EncryptedPDFError, PDFDocument } from "pdf-lib";
import { checkPdfEnd } from "./check-pdf-end";
import { findPdfStreams } from "./find-pdf-streams";
import { DECODE_RATIO_FLOOR_MB, MAX_DECODE_RATIO, MAX_DECODED_MB, MAX_PDF_PAGES, MAX_UPLOAD_BYTES } from "./limits";
import { measureDecodedStreams } from "./measure-decoded-streams";
import { UploadError } from "./upload-error";

export type TPdfInspection = { pages: number };
export type TInspectPdfLimits = {
  maxBytes?: number;
  maxPages?: number;
  maxDecodedBytes?: number;
  maxDecodeRatio?: number;
  decodeRatioFloorBytes?: number;
};

// Readers accept the header within the first 1024 bytes (PDF 32000-1, annex H).
const HEADER_WINDOW = 1024;
const TRAILER_WINDOW = 4096;
const MIB = 1024 * 1024;

// Decides whether bytes are a PDF the office can merge and sign: not empty, within the size and
// page limits, a real PDF (not a renamed image), complete and with nothing after its end, not
// encrypted (an encrypted file cannot be merged into the certification, even when it opens
// without a password), and not a decompression bomb (its streams may not decode to far more than
// the file: such a file would be carried verbatim into the signed certification).
export async function inspectPdf(bytes: Uint8Array, limits: TInspectPdfLimits = {}): Promise<TPdfInspection> {
  const maxBytes = limits.maxBytes ?? MAX_UPLOAD_BYTES;
  const maxPages = limits.maxPages ?? MAX_PDF_PAGES;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  if (buf.length === 0) throw new UploadError("EMPTY");
  if (buf.length > maxBytes) throw new UploadError("TOO_LARGE");

  if (buf.subarray(0, HEADER_WINDOW).indexOf("%PDF-", 0, "latin1") === -1) {
    const kind = sniffNonPdf(buf);
    throw new UploadError(
      "NOT_PDF",
      kind
        ? `El archivo es ${kind}, no un PDF. Escanee o guarde el documento en formato PDF; cambiar la extensión del nombre no lo convierte.`
        : undefined,
    );
  }
  const streams = findPdfStreams(buf);
  checkPdfEnd(buf, streams);
  if (trailerDeclaresEncryption(buf)) throw new UploadError("ENCRYPTED");

  // Before pdf-lib, which inflates object and cross-reference streams whole while loading.
  const maxDecoded = limits.maxDecodedBytes ?? MAX_DECODED_MB * MIB;
  const ratio = limits.maxDecodeRatio ?? MAX_DECODE_RATIO;
  const floor = limits.decodeRatioFloorBytes ?? DECODE_RATIO_FLOOR_MB * MIB;
  const budget = Math.min(maxDecoded, Math.max(floor, ratio * buf.length));
  // Each byte of a well-formed file belongs to at most one stream; more input than a few times
  // the file means streams declared on top of each other to multiply the work.
  const measured = await measureDecodedStreams(buf, streams, { budget, inputBudget: 4 * buf.length + MIB });
  if (measured.exceeded) throw decompressionBomb(budget, buf.length);

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(buf, { updateMetadata: false });
  } catch (e) {
    if (e instanceof EncryptedPDFError) throw new UploadError("ENCRYPTED");
    throw new UploadError("DAMAGED");
  }
  if (doc.isEncrypted) throw new UploadError("ENCRYPTED");

  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    throw new UploadError("DAMAGED");
  }
  if (pages === 0) throw new UploadError("NO_PAGES");
  if (pages > maxPages) {
    throw new UploadError("TOO_MANY_PAGES", `El PDF tiene ${pages} páginas y el máximo es ${maxPages} por archivo. Divídalo en varios archivos.`);
  }
  return { pages };
}

function decompressionBomb(budget: number, fileSize: number): UploadError {
  const mb = (n: number) => (n >= 10 * MIB ? Math.round(n / MIB).toString() : (n / MIB).toFixed(1).replace(".", ","));
  return new UploadError(
    "DECOMPRESSION_BOMB",
    `El PDF contiene datos comprimidos que al abrirse ocupan más de ${mb(budget)} MB, demasiado para un archivo de ${mb(fileSize)} MB. ` +
      "No se puede certificar así: vuelva a escanear el documento o guárdelo como PDF desde otro programa e inténtelo de nuevo.",
  );
}

// The last trailer (classic `trailer << … >>` or the dictionary of a cross-reference stream
// at `startxref`) names the encryption dictionary; both are plain text even in encrypted files.
function trailerDeclaresEncryption(buf: Buffer): boolean {
  const tail = buf.subarray(Math.max(0, buf.length - TRAILER_WINDOW)).toString("latin1");
  const trailerAt = tail.lastIndexOf("trailer");
  if (trailerAt !== -1 && /\/Encrypt\b/.test(tail.slice(trailerAt))) return true;

  const startxref = /startxref\s+(\d+)\s+%%EOF/.exec(tail.slice(tail.lastIndexOf("startxref")));
  if (startxref) {
    const offset = Number(startxref[1]);
    if (Number.isSafeInteger(offset) && offset < buf.length) {
      const head = buf.subarray(offset, Math.min(buf.length, offset + TRAILER_WINDOW)).toString("latin1");
      const streamAt = head.indexOf("stream");
      const dict = streamAt === -1 ? head : head.slice(0, streamAt);
      if (/\/Type\s*\/XRef\b/.test(dict) && /\/Encrypt\b/.test(dict)) return true;
    }
  }
  return false;
}

// A friendlier name for what the citizen actually picked, when it is recognizable.
function sniffNonPdf(buf: Buffer): string | null {
  const hex = buf.subarray(0, 12).toString("hex");
  const ascii = buf.subarray(0, 12).toString("latin1");
  if (hex.startsWith("89504e470d0a1a0a")) return "una imagen PNG";
  if (hex.startsWith("ffd8ff")) return "una imagen JPEG";
  if (ascii.startsWith("GIF8")) return "una imagen GIF";
  if (hex.startsWith("49492a00") || hex.startsWith("4d4d002a")) return "una imagen TIFF";
  if (ascii.startsWith("RIFF") && ascii.slice(8, 12) === "WEBP") return "una imagen WEBP";
  if (ascii.slice(4, 8) === "ftyp" && /heic|heix|mif1|msf1/.test(ascii.slice(8, 12))) return "una foto HEIC";
  if (ascii.startsWith("PK\u0003\u0004")) return "un documento de Word, Excel u otro archivo comprimido";
  if (hex.startsWith("d0cf11e0a1b11ae1")) return "un documento de Office";
  return null;
}
