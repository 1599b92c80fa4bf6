import { buttonClasses } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field-errors";
import type { TLocale } from "@/lib/i18n/locale";
import { VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";

// A plain GET form: works without JavaScript; the page normalizes whatever was typed. `lang`: the
// language chosen in the URL, carried to the result page (absent when the browser's language chose).
export function VerificationCodeForm({ locale, lang, defaultValue = "", error }: { locale: TLocale; lang?: TLocale | null; defaultValue?: string; error?: string }) {
  const t = VERIFICATION_TEXTS[locale].form;
  return (
    <form method="get" action="/verificar" className="space-y-3" noValidate>
      {lang ? <input type="hidden" name="lang" value={lang} /> : null}
      <label htmlFor="codigo" className="block font-medium">
        {t.label}
      </label>
      <p id="codigo-hint" className="text-sm text-slate-600">
        {t.hint}
      </p>
      <input
        id="codigo"
        name="codigo"
        defaultValue={defaultValue}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-describedby={error ? "codigo-hint codigo-error" : "codigo-hint"}
        aria-invalid={error ? true : undefined}
        className="block w-full rounded-md border border-slate-400 px-3 py-2 font-mono text-lg uppercase"
      />
      <FieldErrors id="codigo" errors={error ? [error] : null} />
      <button type="submit" className={buttonClasses("primary")}>
        {t.submit}
      </button>
    </form>
  );
}
