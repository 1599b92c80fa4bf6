"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { DOCUMENT_LANG, documentLocale } from "@/lib/i18n/document-locale";
import type { TLocale } from "@/lib/i18n/locale";

// <html lang> after a client-side navigation, by the same rule proxy.ts applies on a full load
// (`acceptLocale`: what the browser's Accept-Language resolved to on that load).
export function DocumentLanguage({ acceptLocale }: { acceptLocale: TLocale }) {
  const pathname = usePathname();
  const lang = useSearchParams().get("lang");
  useEffect(() => {
    document.documentElement.lang = DOCUMENT_LANG[documentLocale(pathname, lang, acceptLocale)];
  }, [pathname, lang, acceptLocale]);
  return null;
}
