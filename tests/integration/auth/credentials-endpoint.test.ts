import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateSync } from "otplib";
import { NextRequest } from "next/server";
import { hashPassword } from "@/lib/auth/hash-password";
import { encryptTotpSecret } from "@/lib/auth/totp/encrypt-totp-secret";
import { authenticateCredentials } from "@/lib/auth/authenticate-credentials";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// The Auth.js endpoint itself (auth.ts's handlers, what /api/auth/* serves), on a real database:
// what an attacker who knows a password gets by POSTing it straight to the credentials callback.

const ORIGIN = "http://localhost:3000";
const PASSWORD = "Administra-2026-segura";
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
let tdb: TTestDatabase;
let handlers: { GET: (r: NextRequest) => Promise<Response>; POST: (r: NextRequest) => Promise<Response> };
let adminId: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  // auth.ts reads lib/db's client: this test database's.
  (globalThis as { certificaDb?: unknown }).certificaDb = tdb.prisma;
  process.env.AUTH_SECRET = "integration-secret-0123456789abcdefghij";
  process.env.APP_BASE_URL = ORIGIN;
  const hash = await hashPassword(PASSWORD);
  const admin = await tdb.prisma.user.create({ data: { email: "admin@example.test", name: "Óscar Admin", passwordHash: hash, roles: ["ADMIN"] } });
  adminId = admin.id;
  await tdb.prisma.user.update({ where: { id: admin.id }, data: { totpSecret: encryptTotpSecret(SECRET, admin.id), totpEnabledAt: new Date() } });
  await tdb.prisma.user.create({ data: { email: "ciudadana@example.test", name: "María Ixcot", passwordHash: hash, roles: ["CITIZEN"] } });
  // lib/db binds its client when first loaded, and the integration files share one module graph
  // (vitest.config.mts): loaded afresh here, so that it is this file's database and not the
  // (dropped) one of a file that ran before.
  vi.resetModules();
  ({ handlers } = await import("@/auth"));
});
afterAll(async () => {
  delete (globalThis as { certificaDb?: unknown }).certificaDb;
  await tdb?.drop();
});

// A plain form POST to the credentials callback, with the CSRF double-submit Auth.js asks for.
async function postCredentials(fields: Record<string, string>) {
  const csrf = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie()[0].split(";")[0];
  const response = await handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: `${ORIGIN}/` }).toString(),
    }),
  );
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token=") && !c.startsWith("authjs.session-token=;"));
  return { response, location: response.headers.get("location") ?? "", session };
}

describe("POST /api/auth/callback/credentials", () => {
  it("a citizen's right password makes a session (the endpoint works)", async () => {
    const r = await postCredentials({ email: "ciudadana@example.test", password: PASSWORD });
    expect(r.session).toBeDefined();
  });

  it("an administrator's right password alone makes no session: the redirect says a code is needed, and carries no challenge", async () => {
    const r = await postCredentials({ email: "admin@example.test", password: PASSWORD });
    expect(r.session).toBeUndefined();
    expect(r.location).toContain("/ingresar?error=CredentialsSignin&code=second-factor");
    expect(r.response.headers.getSetCookie().some((c) => c.includes("second-factor"))).toBe(false);
  });

  it("neither does a code without a challenge, a forged challenge, nor a challenge without its code", async () => {
    const code = generateSync({ secret: SECRET });
    expect((await postCredentials({ email: "admin@example.test", password: PASSWORD, code })).session).toBeUndefined();
    expect((await postCredentials({ challenge: "v1.AAAA.BBBB.CCCC", code })).session).toBeUndefined();
    const step = await authenticateCredentials({ email: "admin@example.test", password: PASSWORD, ip: null }, { db: tdb.prisma });
    const challenge = (step as { challenge: string }).challenge;
    const r = await postCredentials({ challenge });
    expect(r.session).toBeUndefined();
    expect(r.location).toContain("code=code-invalid");
  });

  it("a valid challenge plus the right code does make the session", async () => {
    const step = await authenticateCredentials({ email: "admin@example.test", password: PASSWORD, ip: null }, { db: tdb.prisma });
    const challenge = (step as { challenge: string }).challenge;
    // A step no earlier test used (the endpoint refuses a code twice).
    const epoch = Math.floor(Date.now() / 1000) + 30;
    const r = await postCredentials({ challenge, code: generateSync({ secret: SECRET, epoch }) });
    expect(r.session).toBeDefined();
    expect((await tdb.prisma.user.findUniqueOrThrow({ where: { id: adminId } })).totpLastStep).toBe(Math.floor(epoch / 30));
  });
});
