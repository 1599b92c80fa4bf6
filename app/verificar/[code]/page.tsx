import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { CertificationDetails } from "@/components/verification/certification-details";
import { CompareFile } from "@/components/verification/compare-file";
import { VerificationCodeForm } from "@/components/verification/verification-code-form";
import { hrefWithLang, readPageLocale } from "@/lib/i18n/read-page-locale";
import { VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";
import { getRequestContext } from "@/lib/request-context";
import { verificationCodeFromParam } from "@/lib/verification/normalize-verification-code";
import { openVerification } from "@/lib/verification/open-verification";

type TProps = { params: Promise<{ code: string }>; searchParams: Promise<{ lang?: string | string[] }> };

export async function generateMetadata({ searchParams }: TProps): Promise<Metadata> {
  const { locale } = await readPageLocale((await searchParams).lang);
  return { title: VERIFICATION_TEXTS[locale].page.title, robots: { index: false } };
}

// The public page behind a QR code, in Spanish or English (?lang=, else Accept-Language). What it
// shows is what the API answers (lib/verification/api), no more: no case number, no internal
// revocation note, no download (the holder shares the document through share links).
export default async function VerificationPage({ params, searchParams }: TProps) {
  const { code: raw } = await params;
  const { locale, lang } = await readPageLocale((await searchParams).lang);
  const t = VERIFICATION_TEXTS[locale];
  const code = verificationCodeFromParam(raw);
  if (!code) notFound();
  // One canonical address per code (what the QR prints), whatever spelling was typed; the
  // language chosen in the URL goes along.
  if (code !== raw) redirect(hrefWithLang(`/verificar/${code}`, lang));

  // Over the limit, the page says so instead of the data. A page of the App Router cannot set its
  // own status (429) once rendering started, so this one answers 200; the API answers 429. Counted,
  // looked up and written to the holder's log in one round trip (lib/verification/open-verification).
  const { ip, requestId } = await getRequestContext();
  const opened = await openVerification({ code, via: "PAGE", ip, requestId });
  if (opened.kind === "limited") {
    return (
      <div role="alert" data-testid="rate-limited" className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-950">
        <h1 className="text-2xl font-bold">{t.rateLimited.title}</h1>
        <p className="mt-2">{t.rateLimited.text(opened.retryAfterSeconds)}</p>
      </div>
    );
  }
  if (opened.kind === "not-found") notFound();
  const v = opened.verification;

  const issuedFile = v.sha256 && (v.status === "ISSUED" || v.status === "REVOKED") ? v.sha256 : null;

  return (
    <>
      <div className="mb-4 flex justify-end">
        <LanguageSwitch href={`/verificar/${v.code}`} current={locale} label={t.languageSwitchLabel} />
      </div>
      <PageHeading title={t.page.title} eyebrow={t.eyebrow}>
        <p>
          {t.page.code} <span className="font-mono font-semibold">{v.code}</span>
        </p>
      </PageHeading>
      <div className="space-y-6">
        <CertificationDetails v={v} locale={locale} lang={lang} />

        {issuedFile ? (
          <>
            <Card aria-labelledby="archivo">
              <h2 id="archivo" className="text-xl font-semibold">
                {t.page.fileHeading}
              </h2>
              <p className="mt-2 text-slate-700">{t.page.fileSha256}</p>
              <p className="mt-1 break-all font-mono text-sm" data-testid="issued-sha256">
                {issuedFile}
              </p>
              {v.size !== null ? <p className="mt-1 text-sm text-slate-700">{t.page.fileSize(v.size.toLocaleString(t.dateLocale))}</p> : null}
              <p className="mt-4" data-testid="download-only-by-share">
                {t.page.downloadOnlyByShare}
              </p>
            </Card>
            <CompareFile code={v.code} locale={locale} texts={t.compare} />
          </>
        ) : null}

        <Card aria-labelledby="instituciones">
          <h2 id="instituciones" className="text-xl font-semibold">
            {t.page.institutionsHeading}
          </h2>
          <p className="mt-2 text-slate-700">{t.page.institutionsText}</p>
          <ul className="mt-3 space-y-1">
            <li>
              <a href={hrefWithLang("/verificar/instituciones", lang)} className="font-semibold text-brand-700 underline">
                {t.page.institutionsLink}
              </a>
            </li>
            <li>
              <a href="/api/v1/openapi.json" className="text-brand-700 underline" type="application/json">
                {t.page.openApiLink}
              </a>
            </li>
          </ul>
        </Card>

        <Card aria-labelledby="otro">
          <h2 id="otro" className="text-xl font-semibold">
            {t.form.otherCode}
          </h2>
          <div className="mt-3">
            <VerificationCodeForm locale={locale} lang={lang} />
          </div>
        </Card>
      </div>
    </>
  );
}
