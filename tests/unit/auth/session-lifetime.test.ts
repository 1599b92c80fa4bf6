import { describe, expect, it } from "vitest";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { createAuthConfig } from "@/auth.config";
import { newSessionClaims } from "@/lib/auth/session-claims";
import { challengeCookie, secureCookiesFor } from "@/lib/auth/session-cookies";
import { SESSION_LIMITS } from "@/lib/auth/session-policy";
import type { TSessionGrant, TSessionUser } from "@/lib/auth/session-user";

// The session's idle and absolute limits, and its cookie flags, through Auth.js's real HTTP
// handler built from auth.config.ts (as the proxy and /api/auth use it), with a fixed clock.

const SECRET = "unit-test-secret-0123456789abcdefghij";
const staff: TSessionUser = { id: "s1", name: "Lucía Xitumul", email: "revisora@example.test", roles: ["DIDEDUC_REVIEWER"], delegatedRoles: [], dideducId: "d1" };
const citizen: TSessionUser = { id: "c1", name: "Ana Ixcot", email: "ana@example.test", roles: ["CITIZEN"], delegatedRoles: [], dideducId: null };

function build(appBaseUrl: string, clock: { now: number }) {
  const config = createAuthConfig({ env: { NODE_ENV: "test", APP_BASE_URL: appBaseUrl, AUTH_SECRET: SECRET }, now: () => clock.now });
  return NextAuth({
    ...config,
    providers: [
      Credentials({
        credentials: { who: {} },
        authorize: async (c) => {
          const user = c.who === "citizen" ? citizen : staff;
          const grant: TSessionGrant = { user, sessionVersion: 3, secondFactor: false };
          return { id: user.id, name: user.name, email: user.email, grant };
        },
      }),
    ],
  });
}

function cookiesOf(response: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) out.set(line.slice(0, line.indexOf("=")), line);
  return out;
}

async function signInThrough(origin: string, auth: ReturnType<typeof build>, who: string, headers: Record<string, string> = {}) {
  const csrf = await auth.handlers.GET(new NextRequest(`${origin}/api/auth/csrf`, { headers }));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = [...cookiesOf(csrf).values()][0].split(";")[0];
  return auth.handlers.POST(
    new NextRequest(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, who, callbackUrl: "/" }).toString(),
    }),
  );
}

async function tokenFor(user: TSessionUser, times: { authTime: number; seenAt: number }, cookieName = "authjs.session-token") {
  const claims = { ...newSessionClaims(user, { sessionVersion: 3, secondFactor: false, authTime: times.authTime }, times.seenAt) };
  return encode({ token: claims, secret: SECRET, salt: cookieName, maxAge: 3600 });
}

async function readSession(auth: ReturnType<typeof build>, token: string) {
  const response = await auth.handlers.GET(new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `authjs.session-token=${token}` } }));
  return { body: (await response.json()) as { user?: { id: string } } | null, setCookie: response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token=")) ?? "" };
}

const T0 = 1_790_000_000;

describe("session lifetime", () => {
  it("a staff session lives while used, ends after 30 idle minutes, and the dead token's cookie is cleared, not renewed", async () => {
    const clock = { now: T0 };
    const auth = build("http://localhost:3000", clock);
    clock.now = T0 + SESSION_LIMITS.staff.idleSeconds - 60;
    const alive = await readSession(auth, await tokenFor(staff, { authTime: T0, seenAt: T0 }));
    expect(alive.body?.user?.id).toBe("s1");
    expect(alive.setCookie).toMatch(/^authjs\.session-token=[^;]+;/);

    clock.now = T0 + SESSION_LIMITS.staff.idleSeconds + 1;
    const idle = await readSession(auth, await tokenFor(staff, { authTime: T0, seenAt: T0 }));
    expect(idle.body).toBeNull();
    // Cleared: an empty value that has already expired.
    expect(idle.setCookie).toMatch(/^authjs\.session-token=;/);
    expect(idle.setCookie).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
  });

  it("a staff session in constant use still ends 12 hours after sign-in; a citizen's after 24", async () => {
    const clock = { now: T0 + SESSION_LIMITS.staff.absoluteSeconds + 1 };
    const auth = build("http://localhost:3000", clock);
    const busy = await readSession(auth, await tokenFor(staff, { authTime: T0, seenAt: clock.now - 60 }));
    expect(busy.body).toBeNull();
    expect(busy.setCookie).toMatch(/^authjs\.session-token=;/);
    // The same age is fine for a citizen, whose absolute limit is longer …
    expect((await readSession(auth, await tokenFor(citizen, { authTime: T0, seenAt: clock.now - 60 }))).body?.user?.id).toBe("c1");
    // … until it is reached too, however recent the last request.
    clock.now = T0 + SESSION_LIMITS.citizen.absoluteSeconds + 1;
    expect((await readSession(auth, await tokenFor(citizen, { authTime: T0, seenAt: clock.now - 60 }))).body).toBeNull();
  });

  it("a citizen may stay idle longer than staff, up to an hour", async () => {
    const clock = { now: T0 + 45 * 60 };
    const auth = build("http://localhost:3000", clock);
    expect((await readSession(auth, await tokenFor(citizen, { authTime: T0, seenAt: T0 }))).body?.user?.id).toBe("c1");
    expect((await readSession(auth, await tokenFor(staff, { authTime: T0, seenAt: T0 }))).body).toBeNull();
    clock.now = T0 + SESSION_LIMITS.citizen.idleSeconds + 1;
    expect((await readSession(auth, await tokenFor(citizen, { authTime: T0, seenAt: T0 }))).body).toBeNull();
  });

  it("a token without the session claims (issued before they existed) is dead", async () => {
    const clock = { now: T0 };
    const auth = build("http://localhost:3000", clock);
    const legacy = await encode({ token: { sub: "c1", name: "Ana", email: "ana@example.test", roles: ["CITIZEN"] }, secret: SECRET, salt: "authjs.session-token", maxAge: 3600 });
    const read = await readSession(auth, legacy);
    expect(read.body).toBeNull();
    expect(read.setCookie).toMatch(/^authjs\.session-token=;/);
  });

  it("a fresh sign-in stamps the start time, the last use and the session version", async () => {
    const clock = { now: T0 };
    const auth = build("http://localhost:3000", clock);
    const response = await signInThrough("http://localhost:3000", auth, "staff");
    const cookie = cookiesOf(response).get("authjs.session-token")!;
    clock.now = T0 + 10 * 60;
    const read = await auth.handlers.GET(new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: cookie.split(";")[0] } }));
    const body = (await read.json()) as { state: { sessionVersion: number; authTime: number; seenAt: number; kind: string; secondFactor: boolean } };
    expect(body.state).toEqual({ sessionVersion: 3, authTime: T0, seenAt: T0 + 10 * 60, kind: "staff", secondFactor: false });
  });
});

describe("session cookie flags", () => {
  it("with an https APP_BASE_URL the session cookie is __Secure- and Secure, even on a request that arrived over http", async () => {
    const auth = build("https://certifica.mineduc.gob.gt", { now: T0 });
    const cookies = cookiesOf(await signInThrough("http://10.0.0.5:3000", auth, "citizen"));
    const session = cookies.get("__Secure-authjs.session-token");
    expect(session).toBeDefined();
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect(cookies.has("authjs.session-token")).toBe(false);
  });

  it("with an http APP_BASE_URL a forged X-Forwarded-Proto: https does not change the cookie (nor its encryption key)", async () => {
    const auth = build("http://localhost:3000", { now: T0 });
    // next-auth's server-side auth() and signIn() build the URL they hand to Auth.js from
    // X-Forwarded-Proto (createActionURL): such a header turns it into https://…
    const cookies = cookiesOf(await signInThrough("https://localhost:3000", auth, "citizen", { "x-forwarded-proto": "https" }));
    const session = cookies.get("authjs.session-token");
    expect(session).toBeDefined();
    expect(session).not.toMatch(/; Secure/);
    expect([...cookies.keys()].some((k) => k.startsWith("__Secure-") || k.startsWith("__Host-"))).toBe(false);
  });
});

describe("second-factor challenge cookie flags", () => {
  it("follows APP_BASE_URL like the session cookie: __Secure- and Secure on https, httpOnly and scoped to the sign-in pages", () => {
    expect(secureCookiesFor("https://certifica.mineduc.gob.gt")).toBe(true);
    expect(secureCookiesFor("http://localhost:3000")).toBe(false);
    expect(secureCookiesFor(undefined)).toBe(false);
    expect(challengeCookie(true, 600)).toEqual({
      name: "__Secure-certifica.second-factor",
      options: { httpOnly: true, sameSite: "lax", path: "/ingresar", secure: true, maxAge: 600 },
    });
    expect(challengeCookie(false, 600).name).toBe("certifica.second-factor");
    expect(challengeCookie(false, 600).options.secure).toBe(false);
  });
});
