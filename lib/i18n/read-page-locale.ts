import "server-only";
import { headers } from "next/headers";
import { isLocale, resolveLocale, withLocale, type TLocale } from "./locale";

// A bilingual page's language: `locale` to render in (?lang=, else Accept-Language), and `lang`,
// the language chosen in the URL if any, which its links and forms carry on (a shared address
// keeps its language; one chosen by the browser is left to the next page's browser).
export async function readPageLocale(langParam: string | string[] | undefined): Promise<{ locale: TLocale; lang: TLocale | null }> {
  const given = Array.isArray(langParam) ? langParam[0] : langParam;
  const locale = resolveLocale(given, (await headers()).get("accept-language"));
  return { locale, lang: isLocale(given) ? given : null };
}

// `href` with ?lang= when a language was chosen in the URL.
export function hrefWithLang(href: string, lang: TLocale | null): string {
  return lang ? withLocale(href, lang) : href;
}
