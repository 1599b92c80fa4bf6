import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { VerificationCodeForm } from "@/components/verification/verification-code-form";
import { hrefWithLang, readPageLocale } from "@/lib/i18n/read-page-locale";
import { VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";
import { normalizeVerificationCode } from "@/lib/verification/normalize-verification-code";

type TProps = { searchParams: Promise<{ codigo?: string | string[]; lang?: string | string[] }> };

export async function generateMetadata({ searchParams }: TProps): Promise<Metadata> {
  const { locale } = await readPageLocale((await searchParams).lang);
  return { title: VERIFICATION_TEXTS[locale].form.title };
}

export default async function VerifyPage({ searchParams }: TProps) {
  const sp = await searchParams;
  const { locale, lang } = await readPageLocale(sp.lang);
  const t = VERIFICATION_TEXTS[locale];
  const typed = typeof sp.codigo === "string" ? sp.codigo : "";
  let error: string | undefined;
  if (typed.trim()) {
    const code = normalizeVerificationCode(typed);
    if (code) redirect(hrefWithLang(`/verificar/${code}`, lang));
    error = t.form.malformed;
  }
  return (
    <>
      <div className="mb-4 flex justify-end">
        <LanguageSwitch href={typed ? `/verificar?codigo=${encodeURIComponent(typed)}` : "/verificar"} current={locale} label={t.languageSwitchLabel} />
      </div>
      <PageHeading title={t.form.title}>
        <p>{t.form.intro}</p>
      </PageHeading>
      <Card>
        <VerificationCodeForm locale={locale} lang={lang} defaultValue={typed} error={error} />
      </Card>
      <p className="mt-6">
        <a href={hrefWithLang("/verificar/instituciones", lang)} className="text-brand-700 underline">
          {t.page.institutionsLink}
        </a>
      </p>
    </>
  );
}
