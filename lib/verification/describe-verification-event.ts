import type { TVerificationLogEntry } from "./list-verification-events";

// Which channel, in the holder's words (Spanish: the holder's case page is Spanish only).
export function describeVerificationEvent(e: Pick<TVerificationLogEntry, "channel" | "matched" | "shareLinkLabel">): string {
  switch (e.channel) {
    case "PAGE":
      return "Página de verificación";
    case "API":
      return "API para instituciones";
    case "FILE_CHECK":
      return e.matched === true
        ? "Comprobación de archivo — coincidió"
        : e.matched === false
          ? "Comprobación de archivo — no coincidió"
          : "Comprobación de archivo";
    case "SHARE_LINK":
      return e.shareLinkLabel ? `Enlace compartido «${e.shareLinkLabel}»` : "Enlace compartido";
    case "SHARE_DOWNLOAD":
      return e.shareLinkLabel ? `Descarga por enlace «${e.shareLinkLabel}»` : "Descarga por enlace";
  }
}
