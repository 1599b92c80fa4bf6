import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locale";
import { formatVerificationDate, VERIFICATION_TEXTS } from "@/lib/i18n/texts/verification";
import { REVOCATION_CATEGORY_LABELS } from "@/lib/verification/revocation-categories";

// Every text of the verification surface exists in both languages (the type already demands the
// same keys; this also catches an empty string or a function that returns one), and the labels
// other parts of the app and their tests rely on are exactly these.

type TLeaf = { path: string; value: unknown };

function leaves(value: unknown, path = ""): TLeaf[] {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [{ path, value }];
}

// Functions are called with sample arguments of the kinds they take (a number, a date text, or none).
function render(value: unknown): string {
  if (typeof value === "function") return String((value as (...a: unknown[]) => unknown)(...Array.from({ length: value.length }, (_, i) => (i === 0 ? 2 : "x"))));
  return String(value);
}

describe("verification texts", () => {
  const es = leaves(VERIFICATION_TEXTS.es);
  const en = leaves(VERIFICATION_TEXTS.en);

  it("has the same keys in Spanish and English", () => {
    expect(en.map((l) => l.path).sort()).toEqual(es.map((l) => l.path).sort());
    expect(es.length).toBeGreaterThan(80);
  });

  it("has no empty text in either language", () => {
    for (const locale of LOCALES) {
      for (const { path, value } of leaves(VERIFICATION_TEXTS[locale])) {
        expect(["string", "function"], `${locale}.${path}`).toContain(typeof value);
        expect(render(value).trim(), `${locale}.${path}`).not.toBe("");
        expect(render(value), `${locale}.${path}`).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it("is actually translated: English differs from Spanish except for names and codes", () => {
    const same = es.filter((l, i) => render(l.value) === render(en.find((e) => e.path === l.path)?.value)).map((l) => l.path);
    expect(same).toEqual([]);
  });

  it("uses the labels the rest of the app and its tests rely on", () => {
    expect(VERIFICATION_TEXTS.es.page.status).toEqual({ ISSUED: "Emitido", IN_PROCESS: "En trámite", REVOKED: "Anulada", CANCELLED: "Sin validez: solicitud rechazada" });
    expect(VERIFICATION_TEXTS.en.page.status).toEqual({ ISSUED: "Issued", IN_PROCESS: "In process", REVOKED: "Revoked", CANCELLED: "Not valid: request rejected" });
    expect(VERIFICATION_TEXTS.es.compareResult.matchRevoked).toBe("El archivo es el emitido, pero la certificación fue anulada: ya no es válida.");
    expect(VERIFICATION_TEXTS.en.compareResult.matchRevoked).toMatch(/^The file was issued, but .* no longer valid\.$/);
    for (const locale of LOCALES) expect(Object.values(REVOCATION_CATEGORY_LABELS[locale]).every((l) => l.trim().length > 0)).toBe(true);
  });

  it("formats dates in Guatemala's time (UTC−6) in each language", () => {
    const at = new Date("2026-12-05T20:03:00Z");
    expect(formatVerificationDate(at, "es")).toBe("5 de diciembre de 2026, 14:03 (hora de Guatemala)");
    expect(formatVerificationDate(at, "en")).toBe("5 December 2026, 14:03 (Guatemala time, UTC−6)");
    // Just after midnight UTC it is still the previous day in Guatemala.
    expect(formatVerificationDate(new Date("2027-01-01T03:30:00Z"), "en")).toBe("31 December 2026, 21:30 (Guatemala time, UTC−6)");
  });
});
