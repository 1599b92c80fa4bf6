import { withLocale, type TLocale } from "@/lib/i18n/locale";

const NAMES: Record<TLocale, { label: string; lang: string }> = {
  es: { label: "Español", lang: "es" },
  en: { label: "English", lang: "en" },
};

// Plain links (no script): the chosen language lives in the URL (?lang=), so a shared address keeps it.
export function LanguageSwitch({ href, current, label }: { href: string; current: TLocale; label: string }) {
  return (
    <nav aria-label={label} className="flex gap-3 text-sm">
      {(Object.keys(NAMES) as TLocale[]).map((l) =>
        l === current ? (
          <span key={l} lang={NAMES[l].lang} aria-current="true" className="font-semibold">
            {NAMES[l].label}
          </span>
        ) : (
          <a key={l} lang={NAMES[l].lang} hrefLang={NAMES[l].lang} href={withLocale(href, l)} className="text-brand-700 underline">
            {NAMES[l].label}
          </a>
        ),
      )}
    </nav>
  );
}
