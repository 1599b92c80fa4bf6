import { Card } from "@/components/ui/card";
import type { TVerification, TVerificationStatus } from "@/lib/cases/find-verification";
import { hrefWithLang } from "@/lib/i18n/read-page-locale";
import type { TLocale } from "@/lib/i18n/locale";
import { formatVerificationDate, VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";
import { REVOCATION_CATEGORY_LABELS } from "@/lib/verification/revocation-categories";

const STATUS_STYLE: Record<TVerificationStatus, string> = {
  ISSUED: "border-green-700 bg-green-50 text-green-900",
  IN_PROCESS: "border-amber-600 bg-amber-50 text-amber-950",
  REVOKED: "border-red-700 bg-red-50 text-red-900",
  CANCELLED: "border-slate-600 bg-slate-100 text-slate-900",
};

// What anyone may know of a certification, as the QR page and a holder's share link both show it
// (and the API answers): status with the revocation's date and category and the replacement's code,
// type, masked holder, offices, signers with their timestamps, long-term validity. Never the case
// number or the internal revocation note. `lang`: the language chosen in the URL, carried on by links.
export function CertificationDetails({ v, locale, lang }: { v: TVerification; locale: TLocale; lang: TLocale | null }) {
  const t = VERIFICATION_TEXTS[locale];
  const date = (d: Date) => formatVerificationDate(d, locale);
  // Offices, posts and document titles are Spanish proper names, kept as printed on the document.
  const spanish = locale === "es" ? undefined : "es";
  return (
    <>
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
            <li key={`${s.name}-${i}`} className="rounded-md border border-slate-200 p-3" data-testid="signer">
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
    </>
  );
}
