// The public pages a foreign reader sees (verification, share links, the API's messages) come in
// Spanish and English. Texts are written in the repo (lib/i18n/texts), never translated at run time.
export const LOCALES = ["es", "en"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "es";

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

// `?lang=` wins (a shared link keeps its language), then Accept-Language by quality, then Spanish.
export function resolveLocale(langParam: string | string[] | undefined | null, acceptLanguage: string | null | undefined): TLocale {
  const lang = Array.isArray(langParam) ? langParam[0] : langParam;
  if (isLocale(lang)) return lang;
  return localeFromAcceptLanguage(acceptLanguage);
}

export function localeFromAcceptLanguage(header: string | null | undefined): TLocale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((e) => e.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const e of ranked) if (isLocale(e.primary)) return e.primary;
  return DEFAULT_LOCALE;
}

// The same address in another language: every other query parameter kept.
export function withLocale(href: string, locale: TLocale): string {
  const url = new URL(href, "http://local");
  url.searchParams.set("lang", locale);
  return `${url.pathname}${url.search}${url.hash}`;
}
