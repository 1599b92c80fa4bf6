import { isPdfWhitespace, type TPdfStream } from "./find-pdf-streams";
import { UploadError } from "./upload-error";

const EOF_MARKER = Buffer.from("%%EOF", "latin1");

// A PDF ends with `%%EOF`; after it only whitespace and NUL bytes are accepted (some tools pad
// files). Anything else is refused rather than cut off: the stored file is the one the citizen
// sent and whose SHA-256 the case shows, and "remove what follows and upload again" is easier to
// explain than a silently different file. Data after `%%EOF` is what makes a PDF also a ZIP (or
// another format a different program would open).
//
// Every `%%EOF` outside stream data is checked, not only the last: a file made of a PDF, then a
// ZIP whose comment ends in `%%EOF`, ends "properly" but its first `%%EOF` is followed by the ZIP.
// After an earlier `%%EOF` may come only the next revision (an incremental update or the rest of a
// linearized file): an object, a cross-reference section or a comment. Data hidden inside a
// well-formed object of an incremental update is beyond a check of the file's end.
export function checkPdfEnd(buf: Buffer, streams: readonly TPdfStream[]): void {
  const last = buf.lastIndexOf(EOF_MARKER);
  if (last === -1) {
    throw new UploadError("DAMAGED", "El PDF está incompleto (el archivo termina antes de tiempo). Vuelva a escanearlo o a descargarlo e inténtelo de nuevo.");
  }
  const afterLast = skipWhitespace(buf, last + EOF_MARKER.length);
  if (afterLast < buf.length) {
    // A revision that starts after the last end marker and breaks off, or a file cut inside a
    // stream that holds another PDF: a truncated file.
    if (startsRevision(buf, afterLast) || insideStreamData(streams, last)) {
      throw new UploadError("DAMAGED", "El PDF está incompleto (el archivo termina antes de tiempo). Vuelva a escanearlo o a descargarlo e inténtelo de nuevo.");
    }
    throw new UploadError("TRAILING_DATA");
  }

  for (let at = buf.indexOf(EOF_MARKER); at !== -1 && at < last; at = buf.indexOf(EOF_MARKER, at + EOF_MARKER.length)) {
    if (insideStreamData(streams, at)) continue;
    const next = skipWhitespace(buf, at + EOF_MARKER.length);
    if (next < buf.length && !startsRevision(buf, next) && buf[next] !== 0x25) throw new UploadError("TRAILING_DATA");
  }
}

function skipWhitespace(buf: Buffer, i: number): number {
  while (i < buf.length && isPdfWhitespace(buf[i])) i++;
  return i;
}

function startsRevision(buf: Buffer, i: number): boolean {
  const head = buf.toString("latin1", i, Math.min(buf.length, i + 64));
  return /^(\d+\s+\d+\s+obj\b|xref\b|trailer\b|startxref\b)/.test(head);
}

function insideStreamData(streams: readonly TPdfStream[], offset: number): boolean {
  return streams.some((s) => offset >= s.dataStart && offset < (s.endstreamAt ?? s.dataEnd));
}
