// Upload limits, shared by the server checks and the UI that states them (no server imports here).

export const MAX_UPLOAD_MB = 20;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
export const MAX_PDF_PAGES = 50;
export const MAX_FILES_PER_CASE = 10;
export const MAX_FILE_NAME_LENGTH = 200;

// Decompression bombs (see measure-decoded-streams.ts): the streams of one PDF may decode to at
// most MAX_DECODED_MB in all, and to at most MAX_DECODE_RATIO times the file's size once that
// exceeds DECODE_RATIO_FLOOR_MB (a small file may always decode to that much: one lossless
// 600 ppp grayscale page is ≈ 35 MB). JPEG/JPEG 2000/JBIG2/CCITT images do not count.
export const MAX_DECODED_MB = 200;
export const MAX_DECODE_RATIO = 100;
export const DECODE_RATIO_FLOOR_MB = 64;

// Files uploaded without a case (the route allows it; the screens always name the case) are
// limited per account and removed by the sweep (sweep-unattached-uploads.ts) once older than
// UNATTACHED_UPLOAD_TTL_HOURS. Enough for every file of one request (MAX_FILES_PER_CASE).
export const MAX_UNATTACHED_FILES = 10;
export const MAX_UNATTACHED_MB = 100;
export const UNATTACHED_UPLOAD_TTL_HOURS = 24;

// For <input type="file" accept=…>.
export const ACCEPTED_UPLOAD_TYPES = "application/pdf,.pdf";

export const UPLOAD_RULES_TEXT =
  `Solo archivos PDF, sin contraseña, de hasta ${MAX_UPLOAD_MB} MB y ${MAX_PDF_PAGES} páginas cada uno; ` +
  `hasta ${MAX_FILES_PER_CASE} archivos por solicitud. Escanee el anverso y el reverso de cada documento.`;
