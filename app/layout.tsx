import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { headers } from "next/headers";
import { Suspense, type ReactNode } from "react";
import { DocumentLanguage } from "@/components/i18n/document-language";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { DOCUMENT_LANG, LOCALE_REQUEST_HEADER } from "@/lib/i18n/document-locale";
import { isLocale, localeFromAcceptLanguage } from "@/lib/i18n/locale";
import "./globals.css";

// Self-hosted (next/font/google needs the network at build time). Variable fonts, weights 200–900;
// Spanish needs only the Latin file, the extended one covers names with other diacritics.
const sourceSans = localFont({
  src: "./fonts/source-sans-3-latin.woff2",
  weight: "200 900",
  variable: "--font-source-sans",
  display: "swap",
});
const sourceSansExt = localFont({
  src: "./fonts/source-sans-3-latin-ext.woff2",
  weight: "200 900",
  variable: "--font-source-sans-ext",
  display: "swap",
  preload: false,
});

export const metadata: Metadata = {
  title: { default: "Certifica — Ministerio de Educación de Guatemala", template: "%s · Certifica" },
  description: "Certificación electrónica de documentos educativos del Ministerio de Educación de Guatemala.",
  applicationName: "Certifica",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0c2a52" };

// The document's language is the main content's: Spanish, or English on a bilingual page (the
// verification pages) read in English; proxy.ts resolves it per request (a layout gets no URL). The
// header, footer and skip link stay Spanish on every page and say so with their own lang, so a
// screen reader reads each part in its language.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const h = await headers();
  const given = h.get(LOCALE_REQUEST_HEADER);
  const locale = isLocale(given) ? given : "es";
  return (
    <html lang={DOCUMENT_LANG[locale]} className={`${sourceSans.variable} ${sourceSansExt.variable}`}>
      <body className="flex min-h-screen flex-col font-sans text-base leading-relaxed">
        {/* The root layout is not rendered again on client-side navigation: this keeps <html lang>
            right when a link leads from an English page to a Spanish one, or back. */}
        <Suspense fallback={null}>
          <DocumentLanguage acceptLocale={localeFromAcceptLanguage(h.get("accept-language"))} />
        </Suspense>
        <a
          lang="es-GT"
          href="#contenido"
          className="sr-only z-50 rounded-md bg-[var(--color-focus)] px-4 py-3 font-semibold text-slate-900 focus:not-sr-only focus:absolute focus:left-4 focus:top-4"
        >
          Saltar al contenido principal
        </a>
        <SiteHeader />
        <main id="contenido" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-10">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
