import { NextRequest, type NextFetchEvent } from "next/server";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

// proxy.ts per request: the CSP with a fresh nonce on the response and on the request (where Next.js
// reads it to put the nonce on its scripts), frame denial, HSTS only behind an HTTPS public address,
// the role areas still through Auth.js's redirects, and a malformed address as a 404. Auth.js's
// ESM build does not load under vitest: its `auth(handler)` wrapper is replaced by one that records
// the role-area requests and then runs the handler, as Auth.js does once `authorized` allows.
const guarded: string[] = [];
vi.mock("next-auth", () => ({
  default: () => ({
    auth: (handler: (r: NextRequest, e: unknown) => unknown) => (request: NextRequest, event: unknown) => {
      guarded.push(request.nextUrl.pathname);
      return handler(request, event);
    },
  }),
}));
// The unit files share one module graph (vitest `isolate: false`): proxy.ts is evaluated again
// here, with this stand-in, and the graph is dropped after, so no other file gets it.
vi.resetModules();
const { proxy } = await import("@/proxy");
afterAll(() => {
  vi.doUnmock("next-auth");
  vi.resetModules();
});

const event = {} as NextFetchEvent;
const call = (path: string) => proxy(new NextRequest(new URL(path, "http://localhost:3000")), event);

afterEach(() => {
  vi.unstubAllEnvs();
  guarded.length = 0;
});

describe("proxy", () => {
  it("gives every page a CSP with a new nonce, on the response and on the request Next.js renders", async () => {
    vi.stubEnv("APP_BASE_URL", "http://localhost:3000");
    const a = await call("/verificar/ABCD-1234-EFGH");
    const b = await call("/verificar/ABCD-1234-EFGH");
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    // NextResponse.next({ request: { headers } }) hands the request headers to Next.js this way.
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("x-middleware-override-headers")).toContain("content-security-policy");
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("strict-transport-security")).toBeNull();
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(guarded).toEqual([]);
  });

  it("adds HSTS and upgrades requests when the public address is HTTPS", async () => {
    vi.stubEnv("APP_BASE_URL", "https://certifica.mineduc.gob.gt");
    const r = await call("/");
    expect(r.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(r.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("sends the role areas through Auth.js (its redirects unchanged) and gives them the same headers", async () => {
    for (const path of ["/ciudadano", "/dideduc/casos/x", "/direccion", "/atencion/casos/x", "/admin/cuentas"]) {
      const r = await call(path);
      expect(r.headers.get("content-security-policy"), path).toMatch(/'nonce-/);
    }
    expect(guarded).toEqual(["/ciudadano", "/dideduc/casos/x", "/direccion", "/atencion/casos/x", "/admin/cuentas"]);
    await call("/verificar");
    await call("/ingresar");
    // A share link is opened by people without an account.
    const shared = await call("/compartido/abc123.token");
    expect(shared.headers.get("content-security-policy")).toMatch(/'nonce-/);
    await call("/compartido/abc123.token/documento");
    expect(guarded).toHaveLength(5);
  });

  it("leaves /api route handlers their own headers", async () => {
    const r = await call("/api/files/abc");
    expect(r.headers.get("content-security-policy")).toBeNull();
    expect(r.headers.get("x-middleware-next")).toBe("1");
  });

  it("answers a malformed escape with the not-found page and a 404, before Next.js fails decoding it", async () => {
    for (const path of ["/verificar/%ZZ", "/compartido/%ZZ/documento", "/api/files/%E0%A4%A", "/ciudadano/solicitudes/%"]) {
      const r = await call(path);
      expect(r.status, path).toBe(404);
      expect(new URL(r.headers.get("x-middleware-rewrite")!).pathname, path).toBe("/_not-found");
      expect(r.headers.get("content-security-policy"), path).toMatch(/'nonce-/);
      expect(r.headers.get("x-middleware-request-content-security-policy"), path).toBe(r.headers.get("content-security-policy"));
    }
    expect(guarded).toEqual([]);
  });

  it("tells the root layout the page's language: the verification pages' own choice, Spanish elsewhere, never the client's header", async () => {
    const withHeaders = (path: string, headers: Record<string, string>) => proxy(new NextRequest(new URL(path, "http://localhost:3000"), { headers }), event);
    const lang = (r: Response) => r.headers.get("x-middleware-request-x-certifica-locale");
    expect(lang(await call("/verificar/ABCD-1234-EFGH?lang=en"))).toBe("en");
    expect(lang(await withHeaders("/verificar/ABCD-1234-EFGH", { "accept-language": "en-US,en;q=0.9" }))).toBe("en");
    expect(lang(await withHeaders("/verificar?lang=es", { "accept-language": "en-US" }))).toBe("es");
    expect(lang(await withHeaders("/verificar/ABCD-1234-EFGH", { "x-certifica-locale": "en" }))).toBe("es");
    expect(lang(await withHeaders("/", { "accept-language": "en", "x-certifica-locale": "en" }))).toBe("es");
    expect(lang(await call("/verificar/%ZZ?lang=en"))).toBe("en");
    // The answer depends on Accept-Language there: shared caches must key on it.
    expect((await call("/verificar/ABCD-1234-EFGH")).headers.get("vary")).toContain("Accept-Language");
    expect((await call("/ingresar")).headers.get("vary") ?? "").not.toContain("Accept-Language");
  });
});
