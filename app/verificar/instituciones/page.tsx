import type { Metadata } from "next";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { RATE_LIMITS } from "@/lib/http/rate-limit";
import { appUrl } from "@/lib/http/app-url";
import { hrefWithLang, readPageLocale } from "@/lib/i18n/read-page-locale";
import { VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";

type TProps = { searchParams: Promise<{ lang?: string | string[] }> };

export async function generateMetadata({ searchParams }: TProps): Promise<Metadata> {
  const { locale } = await readPageLocale((await searchParams).lang);
  return { title: VERIFICATION_TEXTS[locale].institutions.title };
}

// The human side of /api/v1/openapi.json: what a registrar's or consulate's developer needs to
// start, in their language; the OpenAPI document has the exact fields.
export default async function InstitutionsApiPage({ searchParams }: TProps) {
  const { locale, lang } = await readPageLocale((await searchParams).lang);
  const t = VERIFICATION_TEXTS[locale].institutions;
  const base = appUrl("");
  const example = "7KQ2-M4XD-9RTB";
  return (
    <>
      <div className="mb-4 flex justify-end">
        <LanguageSwitch href="/verificar/instituciones" current={locale} label={VERIFICATION_TEXTS[locale].languageSwitchLabel} />
      </div>
      <PageHeading title={t.title} eyebrow={VERIFICATION_TEXTS[locale].eyebrow}>
        <p>{t.intro}</p>
      </PageHeading>
      <div className="space-y-6">
        <Card aria-labelledby="api-get">
          <h2 id="api-get" className="text-xl font-semibold">
            {t.getHeading}
          </h2>
          <p className="mt-2 font-mono text-sm break-all">GET /api/v1/verificaciones/{"{code}"}</p>
          <p className="mt-2 text-slate-700">{t.getText}</p>
          <p className="mt-3 font-medium">{t.example}</p>
          <pre className="mt-1 overflow-x-auto rounded-md bg-slate-100 p-3 text-sm" tabIndex={0} aria-label={`${t.example}: GET`}>
            <code>{`curl ${base}/api/v1/verificaciones/${example}`}</code>
          </pre>
        </Card>
        <Card aria-labelledby="api-compare">
          <h2 id="api-compare" className="text-xl font-semibold">
            {t.compareHeading}
          </h2>
          <p className="mt-2 font-mono text-sm break-all">POST /api/v1/verificaciones/{"{code}"}/comparar</p>
          <p className="mt-2 text-slate-700">{t.compareText}</p>
          <p className="mt-3 font-medium">{t.example}</p>
          <pre className="mt-1 overflow-x-auto rounded-md bg-slate-100 p-3 text-sm" tabIndex={0} aria-label={`${t.example}: POST`}>
            <code>{`curl -X POST -H 'Content-Type: application/json' \\
  -d "{\\"sha256\\": \\"$(sha256sum documento.pdf | cut -c1-64)\\"}" \\
  ${base}/api/v1/verificaciones/${example}/comparar`}</code>
          </pre>
        </Card>
        <Card aria-labelledby="api-errors">
          <h2 id="api-errors" className="text-xl font-semibold">
            {t.errorsHeading}
          </h2>
          <p className="mt-2 text-slate-700">{t.errorsText}</p>
          <p className="mt-2 text-slate-700">{t.limits(RATE_LIMITS.api.limit, RATE_LIMITS.compare.limit)}</p>
          <p className="mt-3">
            {t.openApi}{" "}
            <a href="/api/v1/openapi.json" className="font-semibold text-brand-700 underline" type="application/json">
              /api/v1/openapi.json
            </a>
          </p>
        </Card>
        <p>
          <a href={hrefWithLang("/verificar", lang)} className="text-brand-700 underline">
            {t.back}
          </a>
        </p>
      </div>
    </>
  );
}
