import { MAX_DECODED_MB, MAX_FILES_PER_CASE, MAX_PDF_PAGES, MAX_UNATTACHED_FILES, MAX_UNATTACHED_MB, MAX_UPLOAD_MB, UNATTACHED_UPLOAD_TTL_HOURS } from "./limits";

export type TUploadErrorCode =
  | "UNAUTHENTICATED"
  | "INVALID_INPUT"
  | "EMPTY"
  | "TOO_LARGE"
  | "NOT_PDF"
  | "ENCRYPTED"
  | "DAMAGED"
  // Bytes after the PDF's end marker (e.g. a ZIP appended): see check-pdf-end.ts.
  | "TRAILING_DATA"
  // Streams that decode to far more than the file: see measure-decoded-streams.ts.
  | "DECOMPRESSION_BOMB"
  | "NO_PAGES"
  | "TOO_MANY_PAGES"
  | "INCOMPLETE"
  | "CASE_NOT_FOUND"
  | "CASE_LOCKED"
  | "TOO_MANY_FILES"
  | "DUPLICATE"
  // The account's files not attached to any case are at their limit (count or bytes).
  | "UNATTACHED_LIMIT"
  // Refused by the procedure's own check (lib/cases/procedure-forms `checkUpload`); `reason` says which.
  | "NOT_ACCEPTED";

const MESSAGES: Record<TUploadErrorCode, string> = {
  UNAUTHENTICATED: "Su sesión terminó. Ingrese de nuevo para subir archivos.",
  INVALID_INPUT: "No se pudo identificar el archivo. Elíjalo de nuevo.",
  EMPTY: "El archivo está vacío (0 bytes). Elija de nuevo el PDF escaneado.",
  TOO_LARGE:
    `El archivo supera el máximo de ${MAX_UPLOAD_MB} MB. Escanéelo con menor resolución (por ejemplo 200 ppp y en escala de grises) ` +
    "o divida el documento en varios archivos.",
  NOT_PDF:
    "El archivo no es un PDF. Escanee o guarde el documento en formato PDF; cambiar la extensión del nombre no lo convierte.",
  ENCRYPTED:
    "El PDF está protegido con contraseña o tiene restricciones de seguridad. Guárdelo de nuevo sin protección e inténtelo otra vez.",
  DAMAGED:
    "El PDF está incompleto o dañado y no se puede abrir. Vuelva a escanearlo o a descargarlo e inténtelo de nuevo.",
  TRAILING_DATA:
    "El PDF tiene datos agregados después de su final (por ejemplo, otro archivo pegado detrás del PDF), así que no se puede certificar tal como está. " +
    "Ábralo y guárdelo de nuevo como PDF, o vuelva a escanearlo, e inténtelo otra vez.",
  DECOMPRESSION_BOMB:
    `El PDF contiene datos comprimidos que al abrirse ocupan más de ${MAX_DECODED_MB} MB. ` +
    "No se puede certificar así: vuelva a escanear el documento o guárdelo como PDF desde otro programa e inténtelo de nuevo.",
  NO_PAGES: "El PDF no tiene páginas. Revise que sea el documento escaneado correcto.",
  TOO_MANY_PAGES: `El PDF tiene más de ${MAX_PDF_PAGES} páginas. Divídalo en varios archivos.`,
  INCOMPLETE: "La carga del archivo se interrumpió antes de terminar. Revise su conexión e inténtelo de nuevo.",
  CASE_NOT_FOUND: "La solicitud no existe.",
  CASE_LOCKED:
    "Esta solicitud ya fue enviada: solo se pueden agregar archivos mientras está en borrador o cuando se le pide corregirla.",
  TOO_MANY_FILES: `Esta solicitud ya tiene ${MAX_FILES_PER_CASE} archivos, el máximo permitido.`,
  DUPLICATE: "Este archivo ya está agregado a la solicitud.",
  UNATTACHED_LIMIT:
    `Ya tiene el máximo de archivos subidos sin solicitud (${MAX_UNATTACHED_FILES} archivos o ${MAX_UNATTACHED_MB} MB en total). ` +
    `Adjunte los archivos a una solicitud; los que no se adjuntan se borran solos a las ${UNATTACHED_UPLOAD_TTL_HOURS} horas.`,
  NOT_ACCEPTED: "Este archivo no se puede adjuntar a esta solicitud.",
};

// What the route answers for each refusal.
export const UPLOAD_ERROR_STATUS: Record<TUploadErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID_INPUT: 400,
  EMPTY: 400,
  TOO_LARGE: 413,
  NOT_PDF: 415,
  ENCRYPTED: 422,
  DAMAGED: 422,
  TRAILING_DATA: 422,
  DECOMPRESSION_BOMB: 422,
  NO_PAGES: 422,
  TOO_MANY_PAGES: 422,
  INCOMPLETE: 400,
  CASE_NOT_FOUND: 404,
  CASE_LOCKED: 409,
  TOO_MANY_FILES: 409,
  DUPLICATE: 409,
  UNATTACHED_LIMIT: 409,
  NOT_ACCEPTED: 422,
};

// A refused upload. `message` is Spanish, written for the citizen, and safe to show as is;
// nothing was stored when one is thrown.
export class UploadError extends Error {
  readonly code: TUploadErrorCode;
  // The procedure's own code for a NOT_ACCEPTED refusal (D.1.2: NOT_SIGNED, ALTERED, APPENDED…).
  readonly reason: string | null;

  constructor(code: TUploadErrorCode, message?: string, reason?: string) {
    super(message ?? MESSAGES[code]);
    this.name = "UploadError";
    this.code = code;
    this.reason = reason ?? null;
  }

  get status(): number {
    return UPLOAD_ERROR_STATUS[this.code];
  }
}

export function isUploadError(e: unknown): e is UploadError {
  return e instanceof UploadError;
}
