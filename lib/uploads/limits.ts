// Upload limits, shared by the server checks and the UI that states them (no server imports here).

export const MAX_UPLOAD_MB = 20;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
export const MAX_PDF_PAGES = 50;
export const MAX_FILES_PER_CASE = 10;
export const MAX_FILE_NAME_LENGTH = 200;

// For <input type="file" accept=…>.
export const ACCEPTED_UPLOAD_TYPES = "application/pdf,.pdf";

export const UPLOAD_RULES_TEXT =
  `Solo archivos PDF, sin contraseña, de hasta ${MAX_UPLOAD_MB} MB y ${MAX_PDF_PAGES} páginas cada uno; ` +
  `hasta ${MAX_FILES_PER_CASE} archivos por solicitud. Escanee el anverso y el reverso de cada documento.`;
