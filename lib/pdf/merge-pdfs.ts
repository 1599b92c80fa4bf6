import { AFRelationship, EncryptedPDFError, PDFDocument, PDFHeader, PDFRawStream, type PDFContext, type PDFDict } from "pdf-lib";
import { dropCopiedSignatures } from "./drop-copied-signatures";

// Joins the certification sheet and the scans into the one file that gets signed.
// Saved with classic cross-reference tables (`useObjectStreams: false`): the signing step
// (lib/signing/build-signature-update.ts) appends incremental updates and reads only classic
// cross-reference tables.
// Pages are copied as objects (copyPages), so scanned images keep their bytes: nothing is
// decoded or re-encoded, which keeps a 10-page 5 MB scan well inside the signing budget.
// Large streams of the scans are moved as SharedRawStream (below): one copy of their bytes, the
// one into the output, where stock pdf-lib makes two and writes them a byte at a time.

export type TPdfMergeErrorCode = "ENCRYPTED" | "INVALID" | "NO_PAGES";

// Which input failed and why, in Spanish for the staff member who pressed the button.
export class PdfMergeError extends Error {
  readonly code: TPdfMergeErrorCode;
  readonly part: string;

  constructor(code: TPdfMergeErrorCode, part: string) {
    const reason = {
      ENCRYPTED: "está protegido con contraseña o cifrado y no se puede incorporar a la certificación",
      INVALID: "no es un PDF válido o está dañado",
      NO_PAGES: "no tiene páginas",
    }[code];
    super(`El ${part} ${reason}.`);
    this.name = "PdfMergeError";
    this.code = code;
    this.part = part;
  }
}

export type TPdfAttachment = {
  // File name shown by PDF readers in their attachments panel.
  name: string;
  bytes: Uint8Array;
  description?: string;
  mimeType?: string;
  // Defaults to the merge time.
  date?: Date;
};

export type TPdfInput = Uint8Array | PDFDocument;

export type TMergePdfsInput = {
  sheet: TPdfInput;
  scans: readonly TPdfInput[];
  attachments?: readonly TPdfAttachment[];
  now?: Date;
};

function scanLabel(index: number): string {
  return `documento escaneado n.º ${index + 1}`;
}

// pdf-lib's parser copies every stream it reads (`ByteStream.slice` is `Uint8Array.prototype.slice`):
// for a scan, its pages' images, megabytes the merge then copies into the output anyway. Parsed
// from this view of the input, the streams are views of the input bytes instead. Nothing writes
// into them: a loaded part is only read, and its large streams are shared (SharedRawStream).
class ViewSlicingBytes extends Uint8Array {
  override slice(start?: number, end?: number): ViewSlicingBytes {
    return this.subarray(start, end) as ViewSlicingBytes;
  }
}

// Loads one input, turning pdf-lib's errors into a PdfMergeError naming the part.
export async function loadPdfPart(bytes: Uint8Array, part: string): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(new ViewSlicingBytes(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), { updateMetadata: false });
  } catch (e) {
    if (e instanceof EncryptedPDFError || declaresEncryption(bytes)) throw new PdfMergeError("ENCRYPTED", part);
    throw new PdfMergeError("INVALID", part);
  }
  if (doc.isEncrypted) throw new PdfMergeError("ENCRYPTED", part);
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    throw new PdfMergeError("INVALID", part);
  }
  if (pages === 0) throw new PdfMergeError("NO_PAGES", part);
  return doc;
}

// pdf-lib fails to parse many encrypted files (AES with xref streams) before it notices the
// encryption; the trailer or xref stream dictionary still names /Encrypt in plain text.
function declaresEncryption(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return /\/Encrypt\s+\d+\s+\d+\s+R\b/.test(text);
}

export async function loadScans(scans: readonly TPdfInput[]): Promise<PDFDocument[]> {
  return Promise.all(scans.map((s, i) => (s instanceof PDFDocument ? s : loadPdfPart(s, scanLabel(i)))));
}

// Streams at least this long (scanned page images) are worth sharing; small ones are not.
const SHARED_STREAM_MIN_BYTES = 16 * 1024;

// A raw stream whose bytes are shared, not copied, when copyPages clones it into the merged
// document, and are written into the output with one block copy: pdf-lib's PDFStream copies
// contents a byte at a time (≈ 8 ms for 5 MB here) and PDFRawStream.clone slices them (a 5 MB
// copy). The output bytes are exactly what pdf-lib writes. Sharing is safe because nothing
// writes into a loaded scan's stream bytes: the scan documents are read-only inputs.
// (pdf-lib's typings mark the constructor private; at run time it is an ordinary class.)
const RawStream = PDFRawStream as unknown as new (dict: PDFDict, contents: Uint8Array) => PDFRawStream;
class SharedRawStream extends RawStream {
  static share(stream: PDFRawStream): SharedRawStream {
    return new SharedRawStream(stream.dict, stream.contents);
  }

  override clone(context?: PDFContext): SharedRawStream {
    return new SharedRawStream(this.dict.clone(context), this.contents);
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    this.updateDict();
    const start = offset;
    offset += this.dict.copyBytesInto(buffer, offset);
    offset += writeLatin1(buffer, offset, "\nstream\n");
    buffer.set(this.contents, offset);
    offset += this.contents.length;
    offset += writeLatin1(buffer, offset, "\nendstream");
    return offset - start;
  }
}

function writeLatin1(buffer: Uint8Array, offset: number, text: string): number {
  for (let i = 0; i < text.length; i++) buffer[offset + i] = text.charCodeAt(i);
  return text.length;
}

function shareLargeStreams(doc: PDFDocument): void {
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && !(object instanceof SharedRawStream) && object.contents.length >= SHARED_STREAM_MIN_BYTES) {
      doc.context.assign(ref, SharedRawStream.share(object));
    }
  }
}

// Sheet pages first, then every page of every scan in order; attachments are embedded as files
// (byte for byte, so an embedded signed PDF keeps a verifiable signature).
export async function mergePdfs({ sheet, scans, attachments = [], now = new Date() }: TMergePdfsInput): Promise<Buffer> {
  // The sheet is the base document: its fonts and QR are not copied, only the scans are.
  const base = sheet instanceof PDFDocument ? sheet : await loadPdfPart(sheet, "hoja de certificación");
  const scanDocs = await loadScans(scans);

  for (const [i, scan] of scanDocs.entries()) {
    let pages;
    try {
      shareLargeStreams(scan);
      pages = await base.copyPages(scan, scan.getPageIndices());
    } catch {
      throw new PdfMergeError("INVALID", scanLabel(i));
    }
    dropCopiedSignatures(base, pages);
    for (const page of pages) base.addPage(page);
  }

  for (const a of attachments) {
    await base.attach(a.bytes, a.name, {
      mimeType: a.mimeType ?? "application/pdf",
      description: a.description,
      creationDate: a.date ?? now,
      modificationDate: a.date ?? now,
      afRelationship: AFRelationship.Source,
    });
  }

  // React-PDF writes a 1.3 header; scans and embedded files use later features (1.4–1.7).
  base.context.header = PDFHeader.forVersion(1, 7);
  base.setModificationDate(now);
  // objectsPerTick: pdf-lib otherwise yields to the event loop with setTimeout every 50 objects
  // (≥ 1 ms each); the whole save takes a few milliseconds.
  const out = await base.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
