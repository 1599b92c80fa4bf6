import { afterEach, describe, expect, it, vi } from "vitest";
import { CROCKFORD_ALPHABET } from "@/lib/verification/crockford";
import { generateVerificationCode } from "@/lib/verification/generate-verification-code";
import { maskHolderName } from "@/lib/verification/mask-holder-name";
import { normalizeVerificationCode } from "@/lib/verification/normalize-verification-code";
import { verificationUrl } from "@/lib/verification/verification-url";

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe("generateVerificationCode", () => {
  it("gives XXXX-XXXX-XXXX in Crockford base32 (60 bits), without I, L, O or U", () => {
    for (let i = 0; i < 1000; i++) {
      const code = generateVerificationCode();
      expect(code).toMatch(FORMAT);
      expect(code).not.toMatch(/[ILOU]/);
    }
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(new Set(CROCKFORD_ALPHABET).size).toBe(32);
  });

  it("does not repeat over 50 000 codes and uses every symbol about equally", () => {
    const codes = Array.from({ length: 50_000 }, generateVerificationCode);
    expect(new Set(codes).size).toBe(codes.length);

    const counts = new Map<string, number>();
    for (const code of codes) for (const c of code.replaceAll("-", "")) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    const expected = (codes.length * 12) / 32; // 18 750 per symbol
    // Chi-square with 31 degrees of freedom; 70 is far beyond p = 0.0001 for a fair source.
    const chi2 = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(70);
  });

  it("round-trips through the normaliser", () => {
    const code = generateVerificationCode();
    expect(normalizeVerificationCode(code)).toBe(code);
    expect(normalizeVerificationCode(code.toLowerCase().replaceAll("-", ""))).toBe(code);
  });
});

describe("normalizeVerificationCode", () => {
  it.each([
    ["7K3M-Q9TZ-W2HD", "7K3M-Q9TZ-W2HD"],
    ["7k3m-q9tz-w2hd", "7K3M-Q9TZ-W2HD"],
    ["7K3MQ9TZW2HD", "7K3MQ9TZW2HD".replace(/(.{4})(.{4})(.{4})/, "$1-$2-$3")],
    ["  7K3M Q9TZ W2HD ", "7K3M-Q9TZ-W2HD"],
    ["7K3M–Q9TZ—W2HD", "7K3M-Q9TZ-W2HD"],
    ["7K3M--Q9TZ-W2HD-", "7K3M-Q9TZ-W2HD"],
    ["OOOO-IIII-LLLL", "0000-1111-1111"],
    ["oo1l-iI0O-abcd", "0011-1100-ABCD"],
    ["http://localhost:3000/verificar/7K3M-Q9TZ-W2HD", "7K3M-Q9TZ-W2HD"],
    ["https://certifica.mineduc.gob.gt/verificar/7k3mq9tzw2hd?x=1", "7K3M-Q9TZ-W2HD"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeVerificationCode(input)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["7K3M-Q9TZ-W2H", "too short"],
    ["7K3M-Q9TZ-W2HDX", "too long"],
    ["7K3M-Q9TZ-W2HU", "U is not a symbol"],
    ["7K3M-Q9TZ-W2H#", "punctuation"],
    ["7K3M-Q9TZ-W2HÑ", "accented letter"],
  ])("rejects %s (%s)", (input) => {
    expect(normalizeVerificationCode(input)).toBeNull();
  });
});

describe("verificationUrl", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to http://localhost:3000", () => {
    vi.stubEnv("APP_BASE_URL", "");
    expect(verificationUrl("7K3M-Q9TZ-W2HD")).toBe("http://localhost:3000/verificar/7K3M-Q9TZ-W2HD");
  });

  it("uses APP_BASE_URL, with or without a trailing slash or a path prefix", () => {
    vi.stubEnv("APP_BASE_URL", "https://certifica.mineduc.gob.gt/");
    expect(verificationUrl("7K3M-Q9TZ-W2HD")).toBe("https://certifica.mineduc.gob.gt/verificar/7K3M-Q9TZ-W2HD");
    expect(verificationUrl("AAAA-BBBB-CCCC", "https://mineduc.gob.gt/certifica//")).toBe(
      "https://mineduc.gob.gt/certifica/verificar/AAAA-BBBB-CCCC",
    );
    expect(verificationUrl("AAAA-BBBB-CCCC", "http://127.0.0.1:4123")).toBe("http://127.0.0.1:4123/verificar/AAAA-BBBB-CCCC");
  });

  it("refuses a base that is not an http(s) URL", () => {
    expect(() => verificationUrl("AAAA-BBBB-CCCC", "ftp://example.org")).toThrow(/http/);
    expect(() => verificationUrl("AAAA-BBBB-CCCC", "certifica.mineduc.gob.gt")).toThrow();
  });

  it("gives back a code the normaliser reads from the URL", () => {
    const url = verificationUrl("7K3M-Q9TZ-W2HD", "https://x.example");
    expect(normalizeVerificationCode(url)).toBe("7K3M-Q9TZ-W2HD");
  });
});

describe("maskHolderName", () => {
  it.each([
    ["María José López García", "María J*** L**** G*****"],
    ["Ana", "Ana"],
    ["  Juan   Pérez  ", "Juan P****"],
    ["María de los Ángeles Pérez de León", "María de los Á****** P**** de L***"],
    ["Rosa Elvira Gómez viuda de Ixcoy", "Rosa E***** G**** viuda de I****"],
    ["Carlos Pérez-Ajú Tzul", "Carlos P****-A** T***"],
    ["Luis J. Ñuñez", "Luis J* Ñ****"],
    ["Ana Q", "Ana Q"],
  ])("%s → %s", (name, masked) => {
    expect(maskHolderName(name)).toBe(masked);
  });

  it("keeps the length of every word, counting accented letters once", () => {
    const decomposed = "José Núñez".normalize("NFD");
    expect(maskHolderName(decomposed)).toBe("José N****");
  });
});
