import type { Procedure } from "@/lib/generated/prisma/enums";
import type { TLocale } from "@/lib/i18n/locale";

// Texts of the public verification surface (/verificar, /verificar/<code>, /verificar/instituciones
// and the verification API's messages), written and reviewed here in both languages: nothing is
// machine-translated at run time. The English is for a registrar's office or a consulate abroad:
// plain, formal, and it keeps the Spanish names of offices and documents (they are proper names,
// printed so on the document) where a translation would only make them harder to match.
//
// Functions build sentences around a value (a code, a date), so that word order stays each
// language's own. Everything a client component shows is a plain string (props must serialize).

const es = {
  languageName: "Español",
  languageSwitchLabel: "Idioma de la página",
  eyebrow: "Ministerio de Educación de Guatemala",

  form: {
    title: "Verificación de documento",
    intro: "Compruebe si un documento certificado electrónicamente por el Ministerio de Educación es auténtico. No necesita una cuenta.",
    label: "Código de verificación",
    hint: "Está impreso junto al código QR del documento, por ejemplo ABCD-1234-EFGH. Puede escribirlo en minúsculas y sin guiones.",
    submit: "Verificar",
    malformed: "El código no tiene el formato correcto: son 12 letras o números, por ejemplo ABCD-1234-EFGH.",
    otherCode: "Verificar otro código",
  },

  notFound: {
    title: "Verificación de documento: código no encontrado",
    text: "No existe ningún documento con este código de verificación. Revise que lo haya escrito igual que en el documento impreso, o escanee de nuevo el código QR.",
    back: "Volver a la verificación de documentos",
  },

  rateLimited: {
    title: "Demasiadas consultas",
    text: (seconds: number) =>
      `Se recibieron demasiadas consultas desde su conexión en poco tiempo. Espere ${seconds === 1 ? "un segundo" : `${seconds} segundos`} y vuelva a cargar la página.`,
  },

  page: {
    title: "Verificación de documento",
    code: "Código",
    statusHeading: "Estado",
    status: {
      ISSUED: "Emitido",
      IN_PROCESS: "En trámite",
      REVOKED: "Anulada",
      CANCELLED: "Sin validez: solicitud rechazada",
    },
    statusText: {
      ISSUED: "El documento fue firmado electrónicamente por todas las oficinas y emitido por el Ministerio de Educación.",
      IN_PROCESS: "El documento aún se está firmando. No es válido hasta que figure como emitido.",
      REVOKED: "La certificación fue emitida y después anulada por el Ministerio de Educación: ya no es válida.",
      CANCELLED: "La solicitud fue rechazada antes de emitirse: ningún documento válido lleva este código.",
    },
    revokedOn: "Fecha de anulación",
    revocationReason: "Motivo",
    replacedBy: "Reemplazada por",
    replacedByText: "Se emitió una certificación corregida que sustituye a esta. Consulte la nueva:",
    replaces: "Reposición de",
    replacesText: "Esta certificación corrige y sustituye a una emitida antes, que quedó anulada:",
    detailsHeading: "Datos del documento",
    documentType: "Tipo de documento",
    procedure: "Trámite",
    issuingOffices: "Oficinas que lo emiten",
    issuedAt: "Fecha de emisión",
    notIssuedYet: "Aún no emitido",
    holder: "Titular",
    holderMasked: "(nombre parcialmente oculto)",
    signaturesHeading: "Firmas electrónicas",
    noSignatures: "El documento aún no tiene firmas.",
    signedAt: (date: string) => `Firmó el ${date}`,
    timestamp: (date: string, authority: string | null) => `Sello de tiempo: ${date}${authority ? `, TSA ${authority}` : ""}`,
    longTermValidity: "Validez a largo plazo",
    yes: "sí",
    longTermText: (documentTimestamp: string | null) =>
      `Cada firma lleva un sello de tiempo de una autoridad de sellado, y el archivo incluye los certificados y los datos de revocación para comprobarlas en el futuro, protegidos por un sello de tiempo del documento (PAdES B-LTA${documentTimestamp ? `, ${documentTimestamp}` : ""}).`,
    fileHeading: "Archivo emitido",
    fileSha256: "Huella digital SHA-256 del archivo emitido:",
    fileSize: (size: string) => `Tamaño: ${size} bytes.`,
    downloadOnlyByShare: "El documento completo solo se puede descargar con un enlace que comparte su titular.",
    institutionsHeading: "Para instituciones",
    institutionsText:
      "Universidades, consulados y otras instituciones pueden consultar el estado de un documento y comparar un archivo desde sus propios sistemas con la API de verificación, sin crear una cuenta.",
    institutionsLink: "API de verificación para instituciones",
    openApiLink: "Descripción OpenAPI (JSON)",
  },

  compare: {
    title: "Comparar un archivo",
    intro:
      "Elija el PDF que recibió para saber si es exactamente el documento emitido. El archivo no sale de este dispositivo: solo se envía su huella digital (SHA-256), que se calcula aquí.",
    label: "Archivo PDF a comparar",
    // The file picker's own words (the browser's native ones follow its language, not the page's).
    choose: "Elegir archivo PDF",
    noneChosen: "Ningún archivo elegido",
    working: "Calculando la huella del archivo…",
    fileName: "Archivo elegido:",
    chosenSha256: "SHA-256 del archivo elegido:",
    noCrypto: "Este navegador no pudo calcular la huella del archivo. Pruebe con un navegador actualizado.",
    failed: "No se pudo comparar el archivo en este momento. Inténtelo de nuevo en unos minutos.",
    tooMany: "Demasiadas consultas: espere un minuto e inténtelo de nuevo.",
  },

  // The compare API's answer (also what the page shows): by status and whether the file matches.
  compareResult: {
    matchIssued: "El archivo coincide: es exactamente el documento emitido.",
    matchRevoked: "El archivo es el emitido, pero la certificación fue anulada: ya no es válida.",
    mismatch: "El archivo no coincide con el documento emitido: puede ser otro documento o una copia modificada.",
    notIssued: "Con este código no se ha emitido ningún documento, así que ningún archivo puede coincidir.",
  },

  // The verification API's errors.
  apiErrors: {
    NOT_FOUND: "No existe ningún documento con este código de verificación.",
    INVALID_BODY: "La solicitud no es válida: envíe un objeto JSON con el campo «sha256», la huella SHA-256 del archivo en 64 caracteres hexadecimales.",
    METHOD_NOT_ALLOWED: "Este método HTTP no se admite en esta dirección.",
    RATE_LIMITED: "Demasiadas consultas desde su conexión. Espere el tiempo indicado en la cabecera Retry-After y vuelva a intentarlo.",
    INTERNAL_ERROR: "Ocurrió un error inesperado. Si continúa, comunique a soporte el identificador de la solicitud.",
  },

  procedureNames: {
    EDUCATIONAL_RECORD: "Certificación de expediente educativo",
    GRADUATION_RECORD: "Certificación de expediente de graduación",
    DIPLOMA_BEFORE_2005: "Certificación de título de diversificado (escolar antes de 2005 y extraescolar)",
    DIPLOMA_FROM_2005: "Certificación de título de diversificado (escolar desde 2005)",
    SWORN_TRANSLATION: "Certificación de traducción jurada",
    TRANSLATOR_REGISTRATION: "Registro de traductor jurado",
  } satisfies Record<Procedure, string>,

  institutions: {
    title: "API de verificación para instituciones",
    intro:
      "Las instituciones que reciben documentos certificados por el Ministerio de Educación de Guatemala pueden verificarlos desde sus sistemas. La API es pública, no necesita cuenta ni clave, responde en JSON y admite llamadas desde cualquier origen (CORS).",
    getHeading: "Consultar un código",
    getText:
      "Devuelve el estado del documento (emitido, en trámite, anulado o sin validez), el tipo de documento, el trámite, el nombre del titular parcialmente oculto, las oficinas que lo emiten, las firmas con su fecha, las fechas de emisión y de anulación, el motivo de la anulación, el código de la certificación que la reemplaza y la huella SHA-256 y el tamaño del archivo emitido.",
    compareHeading: "Comparar un archivo",
    compareText:
      "Envíe la huella SHA-256 del archivo que recibió (no el archivo) y la respuesta indica si es exactamente el archivo emitido, con un mensaje en español y en inglés.",
    errorsHeading: "Errores y límites",
    errorsText:
      "Los errores se responden en JSON con un código estable y un mensaje en español y en inglés. Un código inexistente responde 404.",
    limits: (api: number, compare: number) =>
      `Cada conexión puede hacer hasta ${api} consultas por minuto y ${compare} comparaciones por minuto; al superarlo, la respuesta es 429 con la cabecera Retry-After.`,
    openApi: "La descripción completa, en formato OpenAPI 3.1:",
    example: "Ejemplo",
    back: "Volver a la verificación de documentos",
  },

  // Dates: long form, Guatemala's time zone (UTC−6 all year), said after the time.
  dateLocale: "es-GT",
  timeZoneNote: "hora de Guatemala",
};

export type TVerificationTexts = typeof es;

const en: TVerificationTexts = {
  languageName: "English",
  languageSwitchLabel: "Page language",
  eyebrow: "Ministry of Education of Guatemala",

  form: {
    title: "Document verification",
    intro: "Check whether a document certified electronically by Guatemala's Ministry of Education is authentic. No account is needed.",
    label: "Verification code",
    hint: "It is printed next to the document's QR code, for example ABCD-1234-EFGH. Lower case and missing dashes are accepted.",
    submit: "Verify",
    malformed: "This is not a valid code: it has 12 letters or digits, for example ABCD-1234-EFGH.",
    otherCode: "Verify another code",
  },

  notFound: {
    title: "Document verification: code not found",
    text: "No document carries this verification code. Please check that it was typed exactly as printed on the document, or scan the QR code again.",
    back: "Back to document verification",
  },

  rateLimited: {
    title: "Too many requests",
    text: (seconds: number) =>
      `Too many requests have come from your connection in a short time. Please wait ${seconds === 1 ? "one second" : `${seconds} seconds`} and reload the page.`,
  },

  page: {
    title: "Document verification",
    code: "Code",
    statusHeading: "Status",
    status: {
      ISSUED: "Issued",
      IN_PROCESS: "In process",
      REVOKED: "Revoked",
      CANCELLED: "Not valid: request rejected",
    },
    statusText: {
      ISSUED: "The document was signed electronically by every office involved and issued by the Ministry of Education.",
      IN_PROCESS: "The document is still being signed. It is not valid until it is shown as issued.",
      REVOKED: "This certification was issued and later revoked by the Ministry of Education: it is no longer valid.",
      CANCELLED: "The request was rejected before anything was issued: no valid document carries this code.",
    },
    revokedOn: "Date revoked",
    revocationReason: "Reason",
    replacedBy: "Replaced by",
    replacedByText: "A corrected certification has been issued in place of this one. Please refer to the new one:",
    replaces: "Corrected re-issue of",
    replacesText: "This certification corrects and replaces one issued earlier, which has been revoked:",
    detailsHeading: "Document details",
    documentType: "Document type",
    procedure: "Procedure",
    issuingOffices: "Issuing offices",
    issuedAt: "Date of issue",
    notIssuedYet: "Not issued yet",
    holder: "Holder",
    holderMasked: "(name partly hidden)",
    signaturesHeading: "Electronic signatures",
    noSignatures: "The document has no signatures yet.",
    signedAt: (date: string) => `Signed on ${date}`,
    timestamp: (date: string, authority: string | null) => `Timestamp: ${date}${authority ? `, TSA ${authority}` : ""}`,
    longTermValidity: "Long-term validity",
    yes: "yes",
    longTermText: (documentTimestamp: string | null) =>
      `Each signature carries a timestamp from a time-stamping authority, and the file includes the certificates and revocation data needed to check the signatures in the future, protected by a document timestamp (PAdES B-LTA${documentTimestamp ? `, ${documentTimestamp}` : ""}).`,
    fileHeading: "Issued file",
    fileSha256: "SHA-256 fingerprint of the issued file:",
    fileSize: (size: string) => `Size: ${size} bytes.`,
    downloadOnlyByShare: "The full document can only be downloaded through a link shared by its holder.",
    institutionsHeading: "For institutions",
    institutionsText:
      "Universities, consulates and other institutions can check a document's status and compare a file from their own systems through the verification API, without an account.",
    institutionsLink: "Verification API for institutions",
    openApiLink: "OpenAPI description (JSON)",
  },

  compare: {
    title: "Compare a file",
    intro:
      "Choose the PDF you received to find out whether it is exactly the issued document. The file does not leave this device: only its fingerprint (SHA-256), computed here, is sent.",
    label: "PDF file to compare",
    choose: "Choose PDF file",
    noneChosen: "No file chosen",
    working: "Computing the file's fingerprint…",
    fileName: "Chosen file:",
    chosenSha256: "SHA-256 of the chosen file:",
    noCrypto: "This browser could not compute the file's fingerprint. Please try an up-to-date browser.",
    failed: "The file could not be compared just now. Please try again in a few minutes.",
    tooMany: "Too many requests: please wait a minute and try again.",
  },

  compareResult: {
    matchIssued: "The file matches: it is exactly the issued document.",
    matchRevoked: "The file was issued, but the certification has been revoked: it is no longer valid.",
    mismatch: "The file does not match the issued document: it may be a different document or an altered copy.",
    notIssued: "No document has been issued under this code, so no file can match.",
  },

  apiErrors: {
    NOT_FOUND: "No document carries this verification code.",
    INVALID_BODY: "Invalid request: send a JSON object with a \"sha256\" field, the file's SHA-256 fingerprint as 64 hexadecimal characters.",
    METHOD_NOT_ALLOWED: "This HTTP method is not supported at this address.",
    RATE_LIMITED: "Too many requests from your connection. Please wait for the time given in the Retry-After header and try again.",
    INTERNAL_ERROR: "An unexpected error occurred. If it persists, please give support the request identifier.",
  },

  procedureNames: {
    EDUCATIONAL_RECORD: "Certification of school records",
    GRADUATION_RECORD: "Certification of graduation records",
    DIPLOMA_BEFORE_2005: "Certification of a secondary-school diploma (school-based before 2005, and out-of-school programmes)",
    DIPLOMA_FROM_2005: "Certification of a secondary-school diploma (school-based, from 2005)",
    SWORN_TRANSLATION: "Certification of a sworn translation",
    TRANSLATOR_REGISTRATION: "Registration of a sworn translator",
  },

  institutions: {
    title: "Verification API for institutions",
    intro:
      "Institutions that receive documents certified by Guatemala's Ministry of Education can verify them from their own systems. The API is public, needs no account or key, answers in JSON and accepts calls from any origin (CORS).",
    getHeading: "Look up a code",
    getText:
      "Returns the document's status (issued, in process, revoked or not valid), the document type, the procedure, the holder's partly hidden name, the issuing offices, the signatures with their dates, the dates of issue and revocation, the reason for a revocation, the code of the certification that replaced it, and the SHA-256 fingerprint and size of the issued file.",
    compareHeading: "Compare a file",
    compareText:
      "Send the SHA-256 fingerprint of the file you received (not the file itself); the answer says whether it is exactly the issued file, with a message in Spanish and in English.",
    errorsHeading: "Errors and limits",
    errorsText: "Errors are answered in JSON with a stable code and a message in Spanish and in English. An unknown code answers 404.",
    limits: (api: number, compare: number) =>
      `Each connection may make up to ${api} look-ups and ${compare} comparisons a minute; beyond that the answer is 429 with a Retry-After header.`,
    openApi: "The full description, in OpenAPI 3.1 format:",
    example: "Example",
    back: "Back to document verification",
  },

  // An unambiguous day-month-year order for readers anywhere (en-GB: "5 December 2026, 14:03").
  dateLocale: "en-GB",
  timeZoneNote: "Guatemala time, UTC−6",
};

export const VERIFICATION_TEXTS: Record<TLocale, TVerificationTexts> = { es, en };

// Built once per language, not per date printed (a page prints one per signer and timestamp).
const DATE_FORMATS = Object.fromEntries(
  (Object.keys(VERIFICATION_TEXTS) as TLocale[]).map((l) => [
    l,
    {
      day: new Intl.DateTimeFormat(VERIFICATION_TEXTS[l].dateLocale, { day: "numeric", month: "long", year: "numeric", timeZone: "America/Guatemala" }),
      time: new Intl.DateTimeFormat(VERIFICATION_TEXTS[l].dateLocale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "America/Guatemala" }),
    },
  ]),
) as Record<TLocale, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>;

// "5 de diciembre de 2026, 14:03 (hora de Guatemala)" / "5 December 2026, 14:03 (Guatemala time, UTC−6)":
// every date of the public pages (verification and share links) in either language.
export function formatVerificationDate(date: Date, locale: TLocale): string {
  const f = DATE_FORMATS[locale];
  return `${f.day.format(date)}, ${f.time.format(date)} (${VERIFICATION_TEXTS[locale].timeZoneNote})`;
}
