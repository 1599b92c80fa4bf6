import { describe, expect, it } from "vitest";
import { documentLocale, isBilingualPath } from "@/lib/i18n/document-locale";
import { localeFromAcceptLanguage, resolveLocale, withLocale } from "@/lib/i18n/locale";

describe("resolveLocale", () => {
  it("takes ?lang= first, whatever the browser says", () => {
    expect(resolveLocale("en", "es-GT,es;q=0.9")).toBe("en");
    expect(resolveLocale("es", "en-US,en;q=0.9")).toBe("es");
    expect(resolveLocale(["en", "es"], null)).toBe("en");
  });

  it("ignores an unknown ?lang= and falls back to Accept-Language", () => {
    expect(resolveLocale("fr", "en-GB")).toBe("en");
    expect(resolveLocale("EN", "es")).toBe("es");
    expect(resolveLocale("", "en")).toBe("en");
  });

  it("reads Accept-Language by quality, then order, by primary subtag", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.8,es;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("fr,es;q=0.5,en;q=0.4")).toBe("es");
    expect(localeFromAcceptLanguage("en;q=0.3,es-GT;q=0.8")).toBe("es");
    expect(localeFromAcceptLanguage("en;q=0, de")).toBe("es");
    expect(localeFromAcceptLanguage("EN-gb")).toBe("en");
  });

  it("is Spanish without any usable preference", () => {
    expect(resolveLocale(undefined, undefined)).toBe("es");
    expect(resolveLocale(null, "")).toBe("es");
    expect(resolveLocale(undefined, "de-DE,fr;q=0.8")).toBe("es");
    expect(resolveLocale(undefined, "*")).toBe("es");
    expect(resolveLocale(undefined, ";;,q=abc")).toBe("es");
  });
});

describe("withLocale", () => {
  it("sets ?lang= and keeps the rest of the address", () => {
    expect(withLocale("/verificar/ABCD-1234-EFGH", "en")).toBe("/verificar/ABCD-1234-EFGH?lang=en");
    expect(withLocale("/verificar?codigo=abc&lang=es#x", "en")).toBe("/verificar?codigo=abc&lang=en#x");
  });
});

describe("documentLocale (what <html lang> says)", () => {
  it("follows the page's own choice on the verification pages only", () => {
    expect(isBilingualPath("/verificar")).toBe(true);
    expect(isBilingualPath("/verificar/ABCD-1234-EFGH")).toBe(true);
    expect(isBilingualPath("/verificarx")).toBe(false);
    expect(isBilingualPath("/compartido/abc123.token")).toBe(true);
    expect(documentLocale("/verificar/ABCD-1234-EFGH", "en", null)).toBe("en");
    expect(documentLocale("/verificar/instituciones", null, "en-US")).toBe("en");
    // Every other page is Spanish only, whatever is asked.
    expect(documentLocale("/", "en", "en-US")).toBe("es");
    expect(documentLocale("/ciudadano", null, "en")).toBe("es");
  });
});
