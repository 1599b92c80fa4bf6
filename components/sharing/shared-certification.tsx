import { Card } from "@/components/ui/card";
import type { TVerification, TVerificationStatus } from "@/lib/cases/find-verification";
import { withLocale, type TLocale } from "@/lib/i18n/locale";
import { formatShareDate, SHARE_TEXTS } from "@/lib/i18n/texts/share";
import { REVOCATION_CATEGORY_LABELS } from "@/lib/verification/revocation-categories";

const STATUS_STYLE: Record<TVerificationStatus, string> = {
  ISSUED: "border-green-700 bg-green-50 text-green-900",
  IN_PROCESS: "border-amber-600 bg-amber-50 text-amber-950",
  REVOKED: "border-red-700 bg-red-50 text-red-900",
  CANCELLED: "border-red-700 bg-red-50 text-red-900",
};

// What a share link shows: the same data as the public verification page (status, type, masked
// holder, offices, signers, SHA-256), plus the download while the certification is ISSUED. A
// revoked certification says so prominently and offers no file.
export function SharedCertification({ v, locale, downloadHref, expiresAt }: { v: TVerification; locale: TLocale; downloadHref: string; expiresAt: Date }) {
  const t = SHARE_TEXTS[locale];
  const issued = v.status === "ISSUED";
  return (
    <div className="space-y-6">
      <div className={`rounded-md border-l-4 p-4 ${STATUS_STYLE[v.status]}`}>
        <p className="text-sm font-medium">{t.statusHeading}</p>
        <p className="text-2xl font-bold" data-testid="share-status">
          {t.statusLabels[v.status]}
        </p>
        <p className="mt-1">{t.statusTexts[v.status]}</p>
        {v.status === "REVOKED" && v.revokedAt ? <p className="mt-1">{t.revokedOn(formatShareDate(v.revokedAt, locale))}</p> : null}
        {v.status === "REVOKED" && v.revocationCategory ? (
          <p className="mt-1">
            {t.revocationReason}: {REVOCATION_CATEGORY_LABELS[locale][v.revocationCategory]}
          </p>
        ) : null}
        {v.replacedByCode ? (
          <p className="mt-1">
            {t.replacedBy}{" "}
            <a href={withLocale(`/verificar/${encodeURIComponent(v.replacedByCode)}`, locale)} className="font-semibold underline">
              {v.replacedByCode}
            </a>
          </p>
        ) : null}
      </div>

      {issued && v.sha256 ? (
        <Card aria-labelledby="documento-compartido">
          <h2 id="documento-compartido" className="text-xl font-semibold">
            {t.fileHeading}
          </h2>
          <p className="mt-3">
            <a
              href={downloadHref}
              download
              className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
            >
              {t.download}
            </a>
          </p>
          <p className="mt-2 text-slate-700">{t.downloadHint}</p>
          <p className="mt-2 font-semibold" data-testid="share-expires">
            {t.linkExpires(formatShareDate(expiresAt, locale))}
          </p>
        </Card>
      ) : v.status === "REVOKED" ? (
        <p className="font-semibold">{t.noDownloadRevoked}</p>
      ) : null}

      <Card aria-labelledby="datos-certificacion">
        <h2 id="datos-certificacion" className="text-xl font-semibold">
          {t.dataHeading}
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t.code}</dt>
          <dd className="font-mono">{v.code}</dd>
          <dt className="font-medium text-slate-700">{t.documentType}</dt>
          <dd>{v.documentType}</dd>
          {v.issuingOffices.length > 0 ? (
            <>
              <dt className="font-medium text-slate-700">{t.issuingOffices}</dt>
              <dd>
                <ul>
                  {v.issuingOffices.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-700">{t.issuedOn}</dt>
          <dd>{v.issuedAt ? formatShareDate(v.issuedAt, locale) : t.notIssued}</dd>
          {v.holderName ? (
            <>
              <dt className="font-medium text-slate-700">{t.holder}</dt>
              <dd data-testid="share-holder-name">
                {v.holderName} <span className="text-sm text-slate-700">{t.holderMasked}</span>
              </dd>
            </>
          ) : null}
        </dl>
      </Card>

      <Card aria-labelledby="firmas-certificacion">
        <h2 id="firmas-certificacion" className="text-xl font-semibold">
          {t.signaturesHeading}
        </h2>
        {v.signers.length === 0 ? (
          <p className="mt-2 text-slate-700">{t.noSignatures}</p>
        ) : (
          <ol className="mt-4 space-y-3">
            {v.signers.map((s, i) => (
              <li key={`${s.name}-${i}`} className="rounded-md border border-slate-200 p-3" data-testid="share-signer">
                <p className="font-semibold">{s.name}</p>
                {s.post ? <p>{s.post}</p> : null}
                <p className="text-slate-700">{s.office}</p>
                <p className="text-sm text-slate-700">{t.signedOn(formatShareDate(s.signedAt, locale))}</p>
                {s.timestampedAt ? <p className="text-sm text-slate-700">{t.timestamp(formatShareDate(s.timestampedAt, locale), s.timestampAuthority)}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>

      {v.sha256 && (v.status === "ISSUED" || v.status === "REVOKED") ? (
        <Card aria-labelledby="huella-certificacion">
          <h2 id="huella-certificacion" className="text-xl font-semibold">
            SHA-256
          </h2>
          <p className="mt-2 text-slate-700">{t.sha256Intro}</p>
          <p className="mt-1 break-all font-mono text-sm" data-testid="share-sha256">
            {v.sha256}
          </p>
        </Card>
      ) : null}

      <p>
        <a href={withLocale(`/verificar/${encodeURIComponent(v.code)}`, locale)} className="text-brand-700 underline">
          {t.verificationPageLink}
        </a>
      </p>
    </div>
  );
}
