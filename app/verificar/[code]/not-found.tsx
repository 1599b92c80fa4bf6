import { headers } from "next/headers";
import Link from "next/link";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { VerificationCodeForm } from "@/components/verification/verification-code-form";
import { LOCALE_REQUEST_HEADER } from "@/lib/i18n/document-locale";
import { isLocale } from "@/lib/i18n/locale";
import { VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";

// A not-found page gets no searchParams: the language comes from proxy.ts's resolution of this
// request (?lang=, then Accept-Language), the one <html lang> was set from.
export default async function VerificationNotFound() {
  const given = (await headers()).get(LOCALE_REQUEST_HEADER);
  const locale = isLocale(given) ? given : "es";
  const t = VERIFICATION_TEXTS[locale];
  const lang = locale === "es" ? null : locale;
  return (
    <>
      <PageHeading title={t.notFound.title}>
        <p>{t.notFound.text}</p>
      </PageHeading>
      <Card>
        <VerificationCodeForm locale={locale} lang={lang} />
      </Card>
      <p className="mt-6">
        <Link href={lang ? `/verificar?lang=${lang}` : "/verificar"} className="text-brand-700 underline">
          {t.notFound.back}
        </Link>
      </p>
    </>
  );
}
