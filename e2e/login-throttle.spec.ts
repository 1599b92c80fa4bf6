import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_PORT } from "./helpers/e2e-env";
import { registerAccount } from "./helpers/register-account";

// Failed sign-ins through the real production server (scripts/serve.mts). The throttle counts per
// (account, client) with growing waits, and per client over all accounts; the client is the
// socket's address (TRUSTED_PROXY_HOPS is 0 here), so a forged X-Forwarded-For changes nothing.
// Other loopback addresses (127.0.0.2, 127.0.0.3) play other machines, so the blocks made here never
// touch the suite's own client.

async function tryPassword(page: Page, email: string, password: string): Promise<string> {
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  const alert = page.locator("#form-error");
  await expect(alert).toBeVisible();
  await expect(page).toHaveURL(/\/ingresar/);
  return (await alert.innerText()).trim();
}

// A browser as seen from another machine: the server gets its requests from `address`.
async function machine(browser: Browser, address: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: `http://${address}:${E2E_PORT}`, locale: "es-GT" });
  return context.newPage();
}

test("cinco contraseñas incorrectas desde un equipo lo hacen esperar, con un mensaje claro, y la persona entra desde otro", async ({ page, browser }) => {
  const email = `bloqueo.${Date.now()}@example.com`;
  const password = "Guatemala-2026";
  await registerAccount(page, { name: "Berta Lidia Chávez Yax", email, password });

  const guesser = await machine(browser, "127.0.0.2");
  const messages: string[] = [];
  for (let attempt = 1; attempt <= 5; attempt++) messages.push(await tryPassword(guesser, email, `Incorrecta-${attempt}`));
  // The first failures say only that the credentials are wrong (no hint of which one)…
  expect(messages.slice(0, 4).every((m) => m.includes("Correo o contraseña incorrectos."))).toBe(true);
  // …the fifth makes that machine wait, and says how long.
  expect(messages[4]).toMatch(/Demasiados intentos fallidos.*espere 1 minuto/s);
  await guesser.context().close();

  // The account is not locked: its owner signs in from their own machine at once.
  const own = await machine(browser, "127.0.0.3");
  await own.goto("/ingresar");
  await own.getByLabel("Correo electrónico").fill(email);
  await own.getByLabel("Contraseña", { exact: true }).fill(password);
  await own.getByRole("button", { name: "Ingresar" }).click();
  await expect(own).toHaveURL(/\/ciudadano$/);
  await own.context().close();
});

test("una cabecera X-Forwarded-For inventada no renueva el límite de intentos de un equipo", async ({ browser }) => {
  test.setTimeout(240_000);
  const run = randomBytes(3).toString("hex");
  const page = await machine(browser, "127.0.0.4");
  const forged = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}, 203.0.113.${1 + Math.floor(Math.random() * 250)}`;

  // Twenty wrong passwords on twenty addresses, each request claiming to come from elsewhere.
  const messages: string[] = [];
  for (let i = 1; i <= 20; i++) {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": forged() });
    messages.push(await tryPassword(page, `nadie.${run}.${i}@example.com`, `Incorrecta-${i}`));
  }
  expect(messages.slice(0, 19).every((m) => m.includes("Correo o contraseña incorrectos."))).toBe(true);
  expect(messages[19]).toMatch(/Demasiados intentos fallidos.*espere 15 minutos/s);

  // Still this machine for the server, whatever the header says: even a right password waits.
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": forged() });
  expect(await tryPassword(page, "ciudadano@demo.certifica.gt", "Ciudadano2026")).toContain("Demasiados intentos fallidos");
  await page.context().close();
});
