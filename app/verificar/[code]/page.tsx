import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { CompareFile } from "@/components/verification/compare-file";
import { VerificationCodeForm } from "@/components/verification/verification-code-form";
import { findVerification, type TVerificationStatus } from "@/lib/cases/find-verification";
import { checkRateLimit } from "@/lib/http/rate-limit";
import { hrefWithLang, readPageLocale } from "@/lib/i18n/read-page-locale";
import { formatVerificationDate, VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";
import { getRequestContext } from "@/lib/request-context";
import { verificationCodeFromParam } from "@/lib/verification/normalize-verification-code";
import { recordVerificationEvent } from "@/lib/verification/record-verification-event";
import { REVOCATION_CATEGORY_LABELS } from "@/lib/verification/revocation-categories";

type TProps = { params: Promise<{ code: string }>; searchParams: Promise<{ lang?: string | string[] }> };

export async function generateMetadata({ searchParams }: TProps): Promise<Metadata> {
  const { locale } = await readPageLocale((await searchParams).lang);
  return { title: VERIFICATION_TEXTS[locale].page.title, robots: { index: false } };
}

const STATUS_STYLE: Record<TVerificationStatus, string> = {
  ISSUED: "border-green-700 bg-green-50 text-green-900",
  IN_PROCESS: "border-amber-600 bg-amber-50 text-amber-950",
  REVOKED: "border-red-700 bg-red-50 text-red-900",
  CANCELLED: "border-slate-600 bg-slate-100 text-slate-900",
};

const load = cache((code: string) => findVerification(code));

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
  // own status (429) once rendering started, so this one answers 200; the API answers 429.
  const { ip, requestId } = await getRequestContext();
  const limit = await checkRateLimit("page", ip);
  if (!limit.allowed) {
    return (
      <div role="alert" data-testid="rate-limited" className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-950">
        <h1 className="text-2xl font-bold">{t.rateLimited.title}</h1>
        <p className="mt-2">{t.rateLimited.text(limit.retryAfterSeconds)}</p>
      </div>
    );
  }

  const v = await load(code);
  if (!v) notFound();
  await recordVerificationEvent({ caseId: v.caseId, channel: "PAGE", ip, requestId });

  const date = (d: Date) => formatVerificationDate(d, locale);
  // Offices, posts and document titles are Spanish proper names, kept as printed on the document.
  const spanish = locale === "es" ? undefined : "es";
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
        <div className={`rounded-md border-l-4 p-4 ${STATUS_STYLE[v.status]}`}>
          <p className="text-sm font-medium">{t.page.statusHeading}</p>
          <p className="text-2xl font-bold" data-testid="verification-status">
            {t.page.status[v.status]}
          </p>
          <p className="mt-1">{t.page.statusText[v.status]}</p>
          {v.status === "REVOKED" ? (
            <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="revocation">
              {v.revokedAt ? (
                <>
                  <dt className="font-medium">{t.page.revokedOn}</dt>
                  <dd data-testid="revoked-at">{date(v.revokedAt)}</dd>
                </>
              ) : null}
              {v.revocationCategory ? (
                <>
                  <dt className="font-medium">{t.page.revocationReason}</dt>
                  <dd data-testid="revocation-category">{REVOCATION_CATEGORY_LABELS[locale][v.revocationCategory]}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          {v.replacedByCode ? (
            <p className="mt-3" data-testid="replaced-by">
              {t.page.replacedByText}{" "}
              <a href={hrefWithLang(`/verificar/${v.replacedByCode}`, lang)} className="font-semibold underline">
                {t.page.replacedBy} <span className="font-mono">{v.replacedByCode}</span>
              </a>
            </p>
          ) : null}
          {v.replacesCode ? (
            <p className="mt-3" data-testid="replaces">
              {t.page.replacesText}{" "}
              <a href={hrefWithLang(`/verificar/${v.replacesCode}`, lang)} className="font-semibold underline">
                {t.page.replaces} <span className="font-mono">{v.replacesCode}</span>
              </a>
            </p>
          ) : null}
        </div>

        <Card aria-labelledby="datos">
          <h2 id="datos" className="text-xl font-semibold">
            {t.page.detailsHeading}
          </h2>
          <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-600">{t.page.documentType}</dt>
            <dd lang={spanish}>{v.documentType}</dd>
            <dt className="font-medium text-slate-600">{t.page.procedure}</dt>
            <dd>{t.procedureNames[v.procedure]}</dd>
            {v.issuingOffices.length > 0 ? (
              <>
                <dt className="font-medium text-slate-600">{t.page.issuingOffices}</dt>
                <dd>
                  <ul lang={spanish}>
                    {v.issuingOffices.map((o) => (
                      <li key={o}>{o}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            <dt className="font-medium text-slate-600">{t.page.issuedAt}</dt>
            <dd>{v.issuedAt ? date(v.issuedAt) : t.page.notIssuedYet}</dd>
            {v.holderName ? (
              <>
                <dt className="font-medium text-slate-600">{t.page.holder}</dt>
                <dd data-testid="holder-name">
                  {v.holderName} <span className="text-sm text-slate-600">{t.page.holderMasked}</span>
                </dd>
              </>
            ) : null}
          </dl>
        </Card>

        <Card aria-labelledby="firmas">
          <h2 id="firmas" className="text-xl font-semibold">
            {t.page.signaturesHeading}
          </h2>
          {v.signers.length === 0 ? (
            <p className="mt-2 text-slate-700">{t.page.noSignatures}</p>
          ) : (
            <ol className="mt-4 space-y-3">
              {v.signers.map((s, i) => (
                <li key={`${s.name}-${i}`} className="rounded-md border border-slate-200 p-3">
                  <p className="font-semibold">{s.name}</p>
                  {s.post ? <p lang={spanish}>{s.post}</p> : null}
                  <p className="text-slate-700" lang={spanish}>
                    {s.office}
                  </p>
                  <p className="text-sm text-slate-600" data-testid="signer-signed-at">
                    {t.page.signedAt(date(s.signedAt))}
                  </p>
                  {s.timestampedAt ? (
                    <p className="text-sm text-slate-700" data-testid="signer-timestamp">
                      {t.page.timestamp(date(s.timestampedAt), s.timestampAuthority)}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {/* Stored at issuance (DocumentVersion.padesLevel): no PDF is parsed per request. Older
              documents have no level recorded, and the page then says nothing about it. */}
          {v.padesLevel === "B-LTA" && (v.status === "ISSUED" || v.status === "REVOKED") ? (
            <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="long-term-validity">
              <dt className="font-medium text-slate-600">{t.page.longTermValidity}</dt>
              <dd>
                <span className="font-semibold">{t.page.yes}</span>
                <span className="block text-sm text-slate-700">{t.page.longTermText(v.documentTimestampedAt ? date(v.documentTimestampedAt) : null)}</span>
              </dd>
            </dl>
          ) : null}
        </Card>

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
