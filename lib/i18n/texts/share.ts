import type { TLocale } from "@/lib/i18n/locale";

// The public share-link page (/compartido/<token>) and its download's refusals, in Spanish and
// English, written and reviewed here (issue #11: no machine translation at run time).
export type TShareTexts = {
  pageTitle: string;
  eyebrow: string;
  heading: string;
  intro: string;
  languageSwitchLabel: string;
  code: string;
  fileHeading: string;
  sha256Intro: string;
  download: string;
  downloadHint: string;
  linkExpires: (date: string) => string;
  noDownloadRevoked: string;
  verificationPageLink: string;
  verificationHome: string;
  expiredTitle: string;
  expiredText: (date: string) => string;
  expiredWhatToDo: string;
  revokedTitle: string;
  revokedText: string;
  revokedWhatToDo: string;
  tooManyTitle: string;
  tooManyText: (seconds: number) => string;
  notFoundTitle: string;
  notFoundText: string;
  // The download route's plain-text answers.
  downloadNotFound: string;
  downloadGone: string;
  downloadTooMany: string;
};

export const SHARE_TEXTS: Record<TLocale, TShareTexts> = {
  es: {
    pageTitle: "Documento compartido",
    eyebrow: "Ministerio de Educación de Guatemala",
    heading: "Certificación compartida por su titular",
    intro: "El titular de esta certificación le dio este enlace para que vea sus datos y descargue el documento firmado electrónicamente.",
    languageSwitchLabel: "Idioma",
    code: "Código de verificación",
    fileHeading: "Documento firmado",
    sha256Intro: "Huella digital SHA-256 del archivo emitido:",
    download: "Descargar el PDF",
    downloadHint: "Es el archivo firmado electrónicamente, tal como se emitió. Sus firmas se pueden validar con cualquier lector de PDF.",
    linkExpires: (date) => `Este enlace funciona hasta el ${date}.`,
    noDownloadRevoked: "Una certificación anulada no se puede descargar.",
    verificationPageLink: "Ver la página pública de verificación de este código",
    verificationHome: "Ir a la página de verificación de documentos",
    expiredTitle: "Este enlace venció",
    expiredText: (date) => `Este enlace venció el ${date}.`,
    expiredWhatToDo: "Pida al titular de la certificación un enlace nuevo. También puede comprobar el código de verificación impreso en el documento en la página de verificación.",
    revokedTitle: "El titular retiró este enlace",
    revokedText: "El titular retiró este enlace: ya no da acceso a la certificación.",
    revokedWhatToDo: "Si todavía necesita el documento, pida al titular un enlace nuevo.",
    tooManyTitle: "Demasiadas consultas",
    tooManyText: (seconds) => `Recibimos demasiadas consultas desde su conexión en poco tiempo. Espere ${seconds} segundos y vuelva a cargar la página.`,
    notFoundTitle: "Enlace no encontrado",
    notFoundText: "Este enlace no existe. Revise que lo haya copiado completo, o pida al titular que se lo envíe de nuevo.",
    downloadNotFound: "Enlace no encontrado.",
    downloadGone: "Este enlace ya no da acceso al documento: venció, el titular lo retiró o la certificación fue anulada.",
    downloadTooMany: "Demasiadas descargas desde su conexión: espere un momento y vuelva a intentarlo.",
  },
  en: {
    pageTitle: "Shared document",
    eyebrow: "Ministry of Education of Guatemala",
    heading: "Certification shared by its holder",
    intro: "The holder of this certification gave you this link so that you can see its details and download the electronically signed document.",
    languageSwitchLabel: "Language",
    code: "Verification code",
    fileHeading: "Signed document",
    sha256Intro: "SHA-256 fingerprint of the issued file:",
    download: "Download the PDF",
    downloadHint: "This is the electronically signed file, exactly as issued. Its signatures can be validated with any PDF reader.",
    linkExpires: (date) => `This link works until ${date}.`,
    noDownloadRevoked: "A revoked certification cannot be downloaded.",
    verificationPageLink: "See the public verification page of this code",
    verificationHome: "Go to the document verification page",
    expiredTitle: "This link has expired",
    expiredText: (date) => `This link expired on ${date}.`,
    expiredWhatToDo: "Ask the holder of the certification for a new link. You can also check the verification code printed on the document on the verification page.",
    revokedTitle: "The holder withdrew this link",
    revokedText: "The holder withdrew this link: it no longer gives access to the certification.",
    revokedWhatToDo: "If you still need the document, ask the holder for a new link.",
    tooManyTitle: "Too many requests",
    tooManyText: (seconds) => `We received too many requests from your connection in a short time. Wait ${seconds} seconds and reload the page.`,
    notFoundTitle: "Link not found",
    notFoundText: "This link does not exist. Check that you copied all of it, or ask the holder to send it again.",
    downloadNotFound: "Link not found.",
    downloadGone: "This link no longer gives access to the document: it expired, the holder withdrew it, or the certification was revoked.",
    downloadTooMany: "Too many downloads from your connection: wait a moment and try again.",
  },
};
