import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "./helpers/test";
import { signIn, signOut } from "./helpers/sign-in";

// Issue #9, section 3 (headers on every page) and the HTTP side of section 6, in the browser against
// the production build. Every test here (and in every other spec: e2e/helpers/test.ts) fails on any
// Content-Security-Policy violation; these check that the headers are there, that the app works
// under them (pages hydrate, the PDF viewer frames our own PDF, the verification page hashes a
// chosen file), that nobody may frame our pages, that malformed verification addresses are a clean
// 404, and that a form over the server action body limit answers in Spanish inside the form.

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const REVIEWER = { email: "revisora.guatemala-norte@demo.certifica.gt", password: "RevisaNorte2026" };
const SIGNER = { email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };
const ADMIN = { email: "admin@demo.certifica.gt", password: "Administra2026" };

type THeaders = Record<string, string>;

function expectStaticHeaders(h: THeaders, what: string): void {
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(h["permissions-policy"], what).toContain(`${feature}=()`);
  // The e2e server's public address is http://localhost: no HSTS there.
  expect(h["strict-transport-security"], what).toBeUndefined();
}

// The page's CSP, checked directive by directive; returns its nonce.
function expectPageHeaders(h: THeaders, what: string): string {
  const csp = h["content-security-policy"] ?? "";
  const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic'(;|$)/.exec(csp)?.[1];
  expect(nonce, `${what}: ${csp}`).toBeTruthy();
  for (const directive of ["default-src 'self'", `style-src 'self' 'nonce-${nonce}'`, "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'", "img-src 'self' data: blob:", "connect-src 'self'"]) {
    expect(csp, what).toContain(directive);
  }
  expect(csp, what).not.toContain("unsafe-inline");
  expect(csp, what).not.toContain("unsafe-eval");
  expect(h["x-frame-options"], what).toBe("DENY");
  expectStaticHeaders(h, what);
  return nonce!;
}

// A full page load: its headers, and every script of the HTML carrying the nonce of its CSP (what
// lets them run; the scripts they load run by 'strict-dynamic'). Returns the nonce.
async function visit(page: Page, url: string): Promise<string> {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  expect(response!.status(), url).toBeLessThan(400);
  const nonce = expectPageHeaders(response!.headers(), url);
  const scripts = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, url).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`);
  return nonce;
}

// The href of the first case in a staff queue.
async function firstQueueCase(page: Page): Promise<string> {
  const link = page.getByTestId("queue-row").first().getByRole("link").first();
  await expect(link).toBeVisible();
  return (await link.getAttribute("href"))!;
}

test("public pages: each with its own nonce, scripts running, the static headers", async ({ page }) => {
  const first = await visit(page, "/");
  const second = await visit(page, "/");
  expect(second).not.toBe(first);
  await visit(page, "/ingresar");
  // A client component hydrated under the CSP: the sign-in form answers without a reload.
  await page.getByLabel("Correo electrónico").fill("nadie@example.test");
  await page.getByLabel("Contraseña", { exact: true }).fill("NoEsLaClave2026");
  await page.getByRole("button", { name: "Ingresar" }).click();
  // Next's route announcer is also role="alert" (empty, and present only once the client router
  // has mounted): the form's own message is the one named by its text.
  await expect(page.getByRole("alert").filter({ hasText: "No pudo ingresar" })).toBeVisible();
  await visit(page, "/registro");
  await visit(page, "/verificar");
  const missing = await page.goto("/esta-pagina-no-existe");
  expect(missing?.status()).toBe(404);
  expectPageHeaders(missing!.headers(), "404");
});

test("the citizen's home, a case page and a request form", async ({ page }) => {
  await signIn(page, CITIZEN.email, CITIZEN.password, /\/ciudadano$/);
  await visit(page, "/ciudadano");
  const mine = page.getByTestId("my-cases").getByRole("link").first();
  await visit(page, (await mine.getAttribute("href"))!);
  await visit(page, "/ciudadano/solicitudes/nueva/expediente-educativo");
});

for (const [role, account, home] of [
  ["DIDEDUC reviewer", REVIEWER, "/dideduc"],
  ["DIDEDUC signer", SIGNER, "/direccion"],
  ["central assistant", ASSISTANT, "/atencion"],
] as const) {
  test(`the ${role}'s queue and a case page, loaded and reached by a click`, async ({ page }) => {
    await signIn(page, account.email, account.password, new RegExp(`${home}$`));
    await visit(page, home);
    const href = await firstQueueCase(page);
    expect(href).toMatch(new RegExp(`^${home}/casos/`));
    await visit(page, href);
    // And through the client-side router, as a person clicks.
    await page.goto(home);
    await page.getByTestId("queue-row").first().getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`${home}/casos/`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
}

test("the administrator's pages", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password, /\/admin$/);
  await visit(page, "/admin");
  await visit(page, "/admin/cuentas");
  await visit(page, (await page.locator('a[href^="/admin/cuentas/"]').first().getAttribute("href"))!);
  await visit(page, "/admin/titulos");
});

test("the PDF viewer: a staff case page frames our own PDF", async ({ page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password, /\/dideduc$/);
  await page.goto("/dideduc");
  const href = await firstQueueCase(page);
  const pdf = page.waitForResponse((r) => r.url().includes("/api/files/") && r.request().resourceType() === "document");
  await visit(page, href);
  const framed = await pdf;
  expect(framed.status()).toBe(200);
  const h = framed.headers();
  expect(h["content-type"]).toBe("application/pdf");
  expect(h["content-security-policy"]).toBe("frame-ancestors 'self'");
  expect(h["x-frame-options"]).toBe("SAMEORIGIN");
  expectStaticHeaders(h, "framed PDF");
  // The frame navigated to the PDF (not blocked: a blocked frame stays on about:blank or an error page).
  const src = await page.getByTestId("case-files").locator("iframe").first().getAttribute("src");
  await expect.poll(() => page.frames().some((f) => f.url().endsWith(src!))).toBe(true);
});

test("our pages refuse to be framed by another site", async ({ page, cspViolations }) => {
  // An opaque-origin page (about:blank) framing the sign-in page, as a clickjacking site would.
  await page.setContent(`<iframe id="victim" src="${new URL("/ingresar", test.info().project.use.baseURL).toString()}" style="width:600px;height:400px"></iframe>`);
  await expect.poll(() => cspViolations.some((v) => /frame-ancestors|Refused to frame/.test(v))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes("/ingresar"));
  expect(frame ? await frame.locator("form").count() : 0).toBe(0);
  // Provoked on purpose: not a defect of the page.
  cspViolations.splice(0, cspViolations.length);
});

test("the verification page hashes a chosen file in the browser, under the CSP", async ({ page }) => {
  await signIn(page, CITIZEN.email, CITIZEN.password, /\/ciudadano$/);
  const issued = page.getByTestId("my-cases").locator("article").filter({ has: page.locator('[data-state="ISSUED"]') }).first().getByRole("link");
  const caseHref = (await issued.getAttribute("href"))!;
  await visit(page, caseHref);
  const verificationHref = await page.getByRole("link", { name: "Ver la página de verificación" }).getAttribute("href");
  // The holder's own download (there is no public download by code: issue #11, share links).
  const document = await page.request.get(`/api/cases/${caseHref.split("/").pop()}/document?descargar=1`);
  expect(document.status()).toBe(200);
  expect(document.headers()["content-type"]).toBe("application/pdf");
  expectStaticHeaders(document.headers(), "issued document");
  await signOut(page);

  await visit(page, verificationHref!);
  await expect(page.getByTestId("verification-status")).toHaveText("Emitido");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-e2e-csp-"));
  try {
    const original = path.join(dir, "emitido.pdf");
    await fs.writeFile(original, await document.body());
    await page.getByLabel("Archivo PDF a comparar").setInputFiles(original);
    await expect(page.getByText("coincide: es exactamente el documento emitido")).toBeVisible();
    const altered = path.join(dir, "alterado.pdf");
    await fs.writeFile(altered, Buffer.concat([await document.body(), Buffer.from("\n")]));
    await page.getByLabel("Archivo PDF a comparar").setInputFiles(altered);
    await expect(page.getByText("no coincide con el documento emitido")).toBeVisible();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test("responses that are not pages carry the static headers", async ({ page, request }) => {
  const upload = await request.post("/api/uploads", { data: Buffer.from("%PDF-1.4"), headers: { "x-file-name": "a.pdf", "x-file-kind": "SCAN" } });
  expect(upload.status()).toBe(401);
  expect(await upload.json()).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  expectStaticHeaders(upload.headers(), "/api/uploads");
  expectStaticHeaders((await request.get("/api/auth/session")).headers(), "/api/auth/session");
  await page.goto("/ingresar");
  const script = await page.locator("script[src]").first().getAttribute("src");
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expectStaticHeaders(asset.headers(), script!);
});

test("a verification address that is not a code is a clean 404, never a 500", async ({ request }) => {
  for (const url of [
    "/verificar/%ZZ",
    "/verificar/AB%25CD",
    "/verificar/50%25",
    "/verificar/ABCD-1234-%E0%A4%A",
    // Share links (issue #11) take the download's place; malformed ones read the same.
    "/compartido/%ZZ",
    "/compartido/%ZZ/documento",
    "/compartido/AB%25CD/documento",
    "/compartido/50%25",
    "/compartido/%25ZZ/documento",
  ]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(404);
    expect(await response.text(), url).not.toContain("Internal Server Error");
    expectStaticHeaders(response.headers(), url);
  }
  // A malformed address elsewhere reads the same; a page's is the site's not-found page, under the CSP.
  expect((await request.get("/api/files/%ZZ")).status()).toBe(404);
  const page = await request.get("/verificar/%ZZ");
  expectPageHeaders(page.headers(), "/verificar/%ZZ");
  expect(await page.text()).toContain("No encontramos esta página");
});

test("a form over the server action body limit says so in Spanish, inside the form", async ({ page }) => {
  await page.goto("/ingresar");
  // 1.2 MB: over Next.js's 1 MB limit for a server action's body. No one types this; a paste can.
  await page.getByLabel("Correo electrónico").fill(`${"a".repeat(1_200_000)}@example.test`);
  await page.getByLabel("Contraseña", { exact: true }).fill("Ciudadana2026");
  await page.getByRole("button", { name: "Ingresar" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "No pudo ingresar" });
  await expect(alert).toContainText("más texto del que se puede recibir de una vez (1 MB)");
  await expect(page.getByRole("heading", { name: "Ocurrió un error inesperado" })).toHaveCount(0);
  // The form is still there and still works.
  await page.getByLabel("Correo electrónico").fill(CITIZEN.email);
  await page.getByLabel("Contraseña", { exact: true }).fill(CITIZEN.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/ciudadano$/);
});

test("a form whose request fails on the way says so in Spanish, inside the form", async ({ page }) => {
  await page.goto("/ingresar");
  // The server action's POST never arrives (a dropped connection, a server restarting).
  await page.route("**/ingresar", (route) => (route.request().method() === "POST" ? route.abort("connectionreset") : route.continue()));
  await page.getByLabel("Correo electrónico").fill(CITIZEN.email);
  await page.getByLabel("Contraseña", { exact: true }).fill(CITIZEN.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No pudo ingresar" })).toContainText("No se pudo enviar el formulario");
  await expect(page.getByRole("heading", { name: "Ocurrió un error inesperado" })).toHaveCount(0);
  await expect(page.getByLabel("Correo electrónico")).toHaveValue(CITIZEN.email);
});
