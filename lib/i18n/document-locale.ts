import { resolveLocale, type TLocale } from "./locale";

// The pages that come in Spanish and English: the verification pages and a holder's share links.
// html lang must only say English where the content is.
export const BILINGUAL_PATH_PREFIXES = ["/verificar", "/compartido"] as const;

// Request header by which proxy.ts tells the root layout the page's language (a layout gets no
// searchParams). Always replaced by the proxy, so a client cannot set it.
export const LOCALE_REQUEST_HEADER = "x-certifica-locale";

export const DOCUMENT_LANG: Record<TLocale, string> = { es: "es-GT", en: "en" };

export function isBilingualPath(pathname: string): boolean {
  return BILINGUAL_PATH_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

// The language of the page at this address: its own choice (?lang=, then Accept-Language) on a
// bilingual page, Spanish everywhere else. Edge-safe (the proxy runs it).
export function documentLocale(pathname: string, langParam: string | null, acceptLanguage: string | null): TLocale {
  return isBilingualPath(pathname) ? resolveLocale(langParam, acceptLanguage) : "es";
}
