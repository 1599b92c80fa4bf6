import { Card } from "@/components/ui/card";
import { CertificationDetails } from "@/components/verification/certification-details";
import type { TVerification } from "@/lib/cases/find-verification";
import { withLocale, type TLocale } from "@/lib/i18n/locale";
import { SHARE_TEXTS } from "@/lib/i18n/texts/share";
import { formatVerificationDate } from "@/lib/i18n/texts/verification";

// What a share link shows: the public verification page's own account of the certification
// (CertificationDetails, the same component), the SHA-256, and the download while the
// certification is ISSUED. A revoked certification says so prominently and offers no file.
export function SharedCertification({ v, locale, downloadHref, expiresAt }: { v: TVerification; locale: TLocale; downloadHref: string; expiresAt: Date }) {
  const t = SHARE_TEXTS[locale];
  const issued = v.status === "ISSUED";
  return (
    <div className="space-y-6">
      <CertificationDetails v={v} locale={locale} lang={locale} />

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
            {t.linkExpires(formatVerificationDate(expiresAt, locale))}
          </p>
        </Card>
      ) : v.status === "REVOKED" ? (
        <p className="font-semibold">{t.noDownloadRevoked}</p>
      ) : null}

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
        {t.code}: <span className="font-mono font-semibold" data-testid="share-code">{v.code}</span>
        {" · "}
        <a href={withLocale(`/verificar/${encodeURIComponent(v.code)}`, locale)} className="text-brand-700 underline">
          {t.verificationPageLink}
        </a>
      </p>
    </div>
  );
}
