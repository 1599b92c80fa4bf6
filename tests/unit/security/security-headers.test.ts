import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, createNonce, isHttpsBaseUrl, STATIC_SECURITY_HEADERS } from "@/lib/security/security-headers";

// Auth.js's ESM build does not load under vitest; the matcher is all this file needs of proxy.ts.
vi.mock("next-auth", () => ({ default: () => ({ auth: (handler: unknown) => handler }) }));
// The unit files share one module graph (vitest `isolate: false`): proxy.ts is evaluated again
// here, with this stand-in, and the graph is dropped after, so no other file gets it.
vi.resetModules();
const { config } = await import("@/proxy");
afterAll(() => {
  vi.doUnmock("next-auth");
  vi.resetModules();
});

// What the proxy and next.config.ts send (lib/security/security-headers.ts), and which requests the
// proxy sees. The browser side (no violation on any page, headers on every response) is
// e2e/security-headers.spec.ts.

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("allows scripts only by this request's nonce and what they load, never inline or eval in production", () => {
    const d = directives(contentSecurityPolicy("abc123=="));
    expect(d.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect([...d.values()].flat()).not.toContain("'unsafe-inline'");
    expect([...d.values()].flat()).not.toContain("'unsafe-eval'");
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("frame-src")).toEqual(["'self'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.has("upgrade-insecure-requests")).toBe(false);
  });

  it("relaxes only under next dev (eval for React's tools, inline styles for hot reload), and upgrades requests only behind HTTPS", () => {
    expect(directives(contentSecurityPolicy("n", { dev: true })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy("n", { dev: true })).get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives(contentSecurityPolicy("n", { https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("gets a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("knows an HTTPS public address", () => {
    expect(isHttpsBaseUrl("https://certifica.mineduc.gob.gt")).toBe(true);
    expect(isHttpsBaseUrl("http://localhost:3000")).toBe(false);
    expect(isHttpsBaseUrl(undefined)).toBe(false);
    expect(isHttpsBaseUrl("no es una url")).toBe(false);
  });

  it("has the static headers every response carries", () => {
    const h = Object.fromEntries(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value]));
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(h["Permissions-Policy"]).toContain(`${feature}=()`);
  });
});

describe("the proxy's matcher", () => {
  const matches = (url: string, headers?: Record<string, string>) => unstable_doesMiddlewareMatch({ config, url, headers });

  it("covers every page: public, role areas, verification, server actions and prefetches", () => {
    for (const url of [
      "/",
      "/ingresar",
      "/registro",
      "/verificar",
      "/verificar/ABCD-1234-EFGH",
      "/compartido/abc123.token",
      "/compartido/abc123.token/documento",
      "/no-autorizado",
      "/ciudadano",
      "/ciudadano/solicitudes/abc",
      "/dideduc/casos/abc",
      "/direccion",
      "/atencion/casos/abc",
      "/admin/cuentas",
      "/admin/titulos/ejemplo",
      "/api/files/abc",
      "/api/cases/abc/document",
      "/verificar/%ZZ",
    ]) {
      expect(matches(url), url).toBe(true);
    }
    expect(matches("/ciudadano", { "next-router-prefetch": "1" })).toBe(true);
  });

  it("leaves out upload routes (a proxied body is cut at 10 MB) and static files", () => {
    for (const url of [
      "/api/uploads",
      "/admin/titulos/subir",
      "/ciudadano/solicitudes/abc/archivos",
      "/_next/static/chunks/main.js",
      "/_next/static/media/font.woff2",
      "/_next/image?url=x",
      "/favicon.ico",
    ]) {
      expect(matches(url), url).toBe(false);
    }
  });
});
