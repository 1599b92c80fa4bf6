import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { PageHeading } from "@/components/layout/page-heading";
import { SharedCertification } from "@/components/sharing/shared-certification";
import { Card } from "@/components/ui/card";
import { findVerification } from "@/lib/cases/find-verification";
import { checkRateLimit } from "@/lib/http/rate-limit";
import { withLocale } from "@/lib/i18n/locale";
import { readPageLocale } from "@/lib/i18n/read-page-locale";
import { SHARE_TEXTS } from "@/lib/i18n/texts/share";
import { formatVerificationDate } from "@/lib/i18n/texts/verification";
import { getRequestContext } from "@/lib/request-context";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";
import { shareLinkPath } from "@/lib/sharing/share-link-url";
import { recordVerificationEvent } from "@/lib/verification/record-verification-event";

type TProps = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: TProps): Promise<Metadata> {
  // The address holds the token: no search engine, and no referrer to other sites.
  return { title: SHARE_TEXTS[(await readPageLocale((await searchParams).lang)).locale].pageTitle, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

// Once per request, so the count and the log see one visit.
const visit = cache(async (token: string) => {
  const { ip, requestId } = await getRequestContext();
  const limit = await checkRateLimit("page", ip);
  if (!limit.allowed) return { kind: "limited" as const, retryAfterSeconds: limit.retryAfterSeconds };
  return { kind: "resolved" as const, resolved: await resolveShareLink(token), ip, requestId };
});

// A holder's share link, opened by anyone (no account): the certification as the verification page
// shows it and the signed PDF while the link works; a clear page when it expired or was withdrawn.
// Spanish or English by ?lang= or Accept-Language, switchable, kept in the address.
export default async function SharedDocumentPage({ params, searchParams }: TProps) {
  const { token } = await params;
  // A share link always carries its language on (the switch and links add ?lang=).
  const { locale } = await readPageLocale((await searchParams).lang);
  const t = SHARE_TEXTS[locale];
  const path = shareLinkPath(token);
  const result = await visit(token);

  const frame = (title: string, body: React.ReactNode, testId: string) => (
    <div className="max-w-3xl">
      <div className="mb-4 flex justify-end">
        <LanguageSwitch href={path} current={locale} label={t.languageSwitchLabel} />
      </div>
      <PageHeading title={title} eyebrow={t.eyebrow} />
      <div data-testid={testId} className="space-y-4">
        {body}
      </div>
    </div>
  );

  if (result.kind === "limited") {
    return frame(t.tooManyTitle, <Card><p>{t.tooManyText(result.retryAfterSeconds)}</p></Card>, "share-too-many");
  }
  const { resolved } = result;
  if (resolved.status === "unknown") notFound();
  if (resolved.status === "expired") {
    return frame(
      t.expiredTitle,
      <Card className="space-y-3">
        <p className="text-lg font-semibold">{t.expiredText(formatVerificationDate(resolved.link.expiresAt, locale))}</p>
        <p>{t.expiredWhatToDo}</p>
        <p>
          <a href={withLocale("/verificar", locale)} className="text-brand-700 underline">
            {t.verificationHome}
          </a>
        </p>
      </Card>,
      "share-expired",
    );
  }
  if (resolved.status === "revoked") {
    return frame(
      t.revokedTitle,
      <Card className="space-y-3">
        <p className="text-lg font-semibold">{t.revokedText}</p>
        <p>{t.revokedWhatToDo}</p>
      </Card>,
      "share-revoked",
    );
  }

  const { link } = resolved;
  const v = link.verificationCode ? await findVerification(link.verificationCode) : null;
  if (!v) notFound();
  await recordVerificationEvent({ caseId: link.caseId, channel: "SHARE_LINK", shareLinkId: link.id, ip: result.ip, requestId: result.requestId });
  return frame(
    t.heading,
    <>
      <p className="max-w-3xl text-lg text-slate-700">{t.intro}</p>
      <SharedCertification v={v} locale={locale} downloadHref={`${path}/documento`} expiresAt={link.expiresAt} />
    </>,
    "share-valid",
  );
}
