import http from "node:http";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "./helpers/test";
import { E2E_PORT } from "./helpers/e2e-env";
import { registerAccount } from "./helpers/register-account";
import { signOut, tryRefusedSignIn } from "./helpers/sign-in";

// Failed sign-ins through the real production server (scripts/serve.mts, TRUSTED_PROXY_HOPS 0): the
// throttle counts per (account, client) with growing waits and per client over all accounts, and
// the client is the socket's address, so a forged X-Forwarded-For changes nothing. The browser is
// one machine (127.0.0.1); "other machines" are requests sent by this test from other loopback
// source addresses (127.0.0.2…) to Auth.js's own sign-in endpoint, the form's plain-POST twin,
// which runs the same authorize().

type TReply = { status: number; location: string; cookies: string[]; body: string };

function send(localAddress: string, method: "GET" | "POST", path: string, headers: Record<string, string> = {}, body?: string): Promise<TReply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: Number(E2E_PORT), localAddress, method, path, headers: { Host: `localhost:${E2E_PORT}`, ...headers } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? ""), cookies: res.headers["set-cookie"] ?? [], body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

// A sign-in from `machine`, optionally claiming another address in X-Forwarded-For. Returns "ok"
// or the refusal code Auth.js puts in its redirect ("invalid", "blocked-<minutes>").
async function signInFrom(machine: string, email: string, password: string, forwardedFor?: string): Promise<string> {
  const claim: Record<string, string> = forwardedFor ? { "X-Forwarded-For": forwardedFor } : {};
  const csrf = await send(machine, "GET", "/api/auth/csrf", claim);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.cookies.map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }).toString();
  const reply = await send(machine, "POST", "/api/auth/callback/credentials", { ...claim, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, form);
  expect(reply.status).toBe(302);
  if (reply.cookies.some((c) => /session-token=[^;]+/.test(c))) return "ok";
  return new URL(reply.location, "http://x").searchParams.get("code") ?? `sin código: ${reply.location}`;
}

test("cinco contraseñas incorrectas desde un equipo lo hacen esperar, con un mensaje claro, y la persona entra desde otro", async ({ page }) => {
  const email = `bloqueo.${Date.now()}@example.com`;
  const password = "Guatemala-2026";
  await registerAccount(page, { name: "Berta Lidia Chávez Yax", email, password });
  // Signed out as signOut does: off the page first, so no request still in flight from it brings a
  // refreshed session cookie back after the cookies are cleared (the next sign-in would then find
  // the new account still signed in).
  await signOut(page);

  const messages: string[] = [];
  for (let attempt = 1; attempt <= 5; attempt++) messages.push(await tryRefusedSignIn(page, email, `Incorrecta-${attempt}`));
  // The first failures say only that the credentials are wrong (no hint of which one)…
  expect(messages.slice(0, 4).every((m) => m.includes("Correo o contraseña incorrectos."))).toBe(true);
  // …the fifth makes this machine wait, and says how long.
  expect(messages[4]).toMatch(/Demasiados intentos fallidos.*espere 1 minuto/s);

  // The account is not locked: its owner signs in from their own machine at once.
  expect(await signInFrom("127.0.0.2", email, password)).toBe("ok");
});

test("una cabecera X-Forwarded-For inventada no renueva el límite de intentos de un equipo", async () => {
  test.setTimeout(240_000);
  const run = randomBytes(3).toString("hex");
  const machine = "127.0.0.4";
  const forged = (i: number) => `198.51.100.${i + 1}, 203.0.113.${i + 1}`;

  // Twenty wrong passwords on twenty addresses, each request claiming to come from elsewhere.
  const codes: string[] = [];
  for (let i = 0; i < 20; i++) codes.push(await signInFrom(machine, `nadie.${run}.${i}@example.com`, `Incorrecta-${i}`, forged(i)));
  expect(codes.slice(0, 19)).toEqual(Array(19).fill("invalid"));
  expect(codes[19]).toBe("blocked-15");

  // Still this machine for the server, whatever the header says: even a right password waits…
  expect(await signInFrom(machine, "ciudadano@demo.certifica.gt", "Ciudadano2026", forged(99))).toBe("blocked-15");
  // …while another machine is not affected.
  expect(await signInFrom("127.0.0.5", "ciudadano@demo.certifica.gt", "Ciudadano2026", forged(99))).toBe("ok");
});
