import { expect, test, type Browser, type Page } from "./helpers/test";
import { generateSync } from "otplib";
import { TOTP_PERIOD_SECONDS } from "../lib/auth/totp/totp-codes";
import { enterSecondFactorCode, rememberSecondFactorStep, signIn, signOut, usableStep } from "./helpers/sign-in";

// Issue #9, section 5: the staff second factor in the browser. An administrator creates a central
// manager (a role that must use it); the manager enrols at the first sign-in (QR and key, a code,
// recovery codes shown once), then signs in with a code, is refused a wrong one, gets in with a
// recovery code (once), and after an administrator's reset enrols again.

const ADMIN = { email: "admin@demo.certifica.gt", password: "Administra2026" };
const NAME = "Marta Julia Sic Yaxón";
const PASSWORD = "Encargada-2026-e2e";

const codeFor = (secret: string, step: number) => generateSync({ secret, epoch: step * TOTP_PERIOD_SECONDS });

// A code the server cannot accept now (none of the steps around the current one).
function wrongCode(secret: string): string {
  const now = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
  const accepted = new Set([-1, 0, 1, 2].map((d) => codeFor(secret, now + d)));
  for (let i = 0; ; i++) if (!accepted.has(String(i).padStart(6, "0"))) return String(i).padStart(6, "0");
}

async function createManager(page: Page, email: string) {
  await signIn(page, ADMIN.email, ADMIN.password, /\/admin/);
  await page.goto("/admin/cuentas");
  const form = page.getByRole("form", { name: "Crear cuenta del personal" });
  await form.getByLabel("Nombre completo").fill(NAME);
  await form.getByLabel("Correo electrónico").fill(email);
  await form.getByLabel("Puesto").fill("Encargada de Atención al Ciudadano (prueba)");
  await form.getByLabel("Encargado de Atención al Ciudadano").check();
  await form.getByLabel("Contraseña inicial").fill(PASSWORD);
  await form.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page.getByText("Cuenta creada")).toBeVisible();
  await signOut(page);
}

async function passwordStep(page: Page, email: string) {
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/ingresar\/verificacion/);
}

// The enrolment screen: the QR is an image that loaded (a data: URL, no script), the key is shown
// as text; a code made from that key confirms it. Returns the key and the recovery codes.
async function enrol(page: Page, email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page.getByRole("heading", { level: 1, name: "Configure la verificación en dos pasos" })).toBeVisible();
  const qr = page.getByRole("img", { name: /Código QR/ });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  const form = page.getByRole("form", { name: "Código de verificación" });
  await form.getByLabel("Código de verificación").fill(wrongCode(secret));
  await form.getByRole("button", { name: "Confirmar y continuar" }).click();
  await expect(form.locator("#form-error")).toContainText("El código no es correcto");

  const step = await usableStep(page, email);
  await form.getByLabel("Código de verificación").fill(codeFor(secret, step));
  await form.getByRole("button", { name: "Confirmar y continuar" }).click();
  rememberSecondFactorStep(email, step);
  await expect(page.getByRole("heading", { name: "Guarde sus códigos de recuperación" })).toBeVisible();
  const recoveryCodes = (await page.getByTestId("recovery-codes").locator("li").allInnerTexts()).map((c) => c.trim());
  expect(recoveryCodes).toHaveLength(10);
  for (const c of recoveryCodes) expect(c).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await page.getByRole("link", { name: "Ya guardé mis códigos, continuar" }).click();
  await expect(page).toHaveURL(/\/atencion$/);
  await expect(page.getByTestId("signed-in-name")).toHaveText(NAME);
  return { secret, recoveryCodes };
}

async function signedInContext(browser: Browser, email: string, secret: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, PASSWORD, /\/atencion$/, { totpSecret: secret });
  return { context, page };
}

test("segundo factor: se configura al primer ingreso, pide el código, rechaza uno incorrecto, acepta un código de recuperación una vez y el administrador lo restablece", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = `encargada.2fa.${Date.now()}@mineduc.gt`;
  await createManager(page, email);

  // 1. First sign-in: the password leads to the enrolment, not to a session.
  await passwordStep(page, email);
  await page.goto("/atencion");
  await expect(page).toHaveURL(/\/ingresar/);
  await passwordStep(page, email);
  const { secret, recoveryCodes } = await enrol(page, email);
  await signOut(page);

  // 2. With a code: no QR any more; a wrong code is refused, the right one lets in.
  await passwordStep(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Verificación en dos pasos" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Código QR/ })).toHaveCount(0);
  const form = page.getByRole("form", { name: "Código de verificación" });
  await form.getByLabel("Código de verificación").fill(wrongCode(secret));
  await form.getByRole("button", { name: "Verificar" }).click();
  await expect(form.locator("#form-error")).toContainText("El código no es correcto");
  await expect(page).toHaveURL(/\/ingresar\/verificacion/);
  await enterSecondFactorCode(page, email, { totpSecret: secret });
  await expect(page).toHaveURL(/\/atencion$/);
  await signOut(page);

  // 3. A recovery code instead of the phone: once.
  await passwordStep(page, email);
  await page.getByText("¿No tiene su teléfono? Use un código de recuperación").click();
  const recovery = page.getByRole("form", { name: "Código de recuperación" });
  await recovery.getByLabel("Código de recuperación").fill(recoveryCodes[0]);
  await recovery.getByRole("button", { name: "Ingresar con el código de recuperación" }).click();
  await expect(page).toHaveURL(/\/atencion$/);
  await signOut(page);
  await passwordStep(page, email);
  await page.getByText("¿No tiene su teléfono? Use un código de recuperación").click();
  await recovery.getByLabel("Código de recuperación").fill(recoveryCodes[0]);
  await recovery.getByRole("button", { name: "Ingresar con el código de recuperación" }).click();
  await expect(recovery.locator("#recovery-error")).toContainText("no es correcto o ya se usó");
  await expect(page).toHaveURL(/\/ingresar\/verificacion/);
  await signOut(page);

  // 4. The administrator resets it: the manager's open session ends, the next sign-in enrols again.
  const manager = await signedInContext(browser, email, secret);
  await signIn(page, ADMIN.email, ADMIN.password, /\/admin/);
  await page.goto(`/admin/cuentas?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: NAME }).click();
  await expect(page.getByTestId("second-factor-status")).toContainText("le quedan 9 códigos de recuperación");
  const reset = page.getByRole("form", { name: "Restablecer la verificación en dos pasos" });
  await reset.getByLabel("Motivo del restablecimiento").fill("Perdió su teléfono (prueba)");
  await reset.getByRole("button", { name: "Restablecer la verificación en dos pasos" }).click();
  await expect(page.getByText("Verificación restablecida")).toBeVisible();
  await expect(page.getByTestId("second-factor-status")).toContainText("Aún no configurada");
  await signOut(page);

  await manager.page.goto("/atencion");
  await expect(manager.page).toHaveURL(/\/ingresar/);
  await manager.context.close();

  await passwordStep(page, email);
  const again = await enrol(page, email);
  expect(again.secret).not.toBe(secret);
  expect(again.recoveryCodes).not.toContain(recoveryCodes[1]);
});

test("un POST directo de correo y contraseña al endpoint de Auth.js no da sesión a una cuenta con segundo factor", async ({ request }) => {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: ADMIN.email, password: ADMIN.password, csrfToken, callbackUrl: "/admin" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toContain("code=second-factor");
  const state = await request.storageState();
  expect(state.cookies.some((c) => c.name.includes("session-token") && c.value !== "")).toBe(false);
  // And indeed nothing is open with what the client holds now.
  const admin = await request.get("/admin", { maxRedirects: 0 });
  expect([302, 307]).toContain(admin.status());
  expect(admin.headers().location).toContain("/ingresar");
});
