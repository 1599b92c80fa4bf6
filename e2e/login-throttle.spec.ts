import { expect, test } from "./helpers/test";
import { makeCui } from "./helpers/make-cui";

// Ten wrong passwords in a row on one account: after five the account is blocked for a while
// with a clear message, and even the right password is refused until then. A dedicated account
// (registered here) keeps the demo accounts usable by the other tests. This spec makes the only
// failed sign-ins of the suite, well under the per-address limit (20).
test("diez contraseñas incorrectas seguidas: el ingreso se bloquea con un mensaje claro", async ({ page }) => {
  const email = `bloqueo.${Date.now()}@example.com`;
  const password = "Guatemala-2026";
  await page.goto("/registro");
  await page.getByLabel("Nombre completo").fill("Berta Lidia Chávez Yax");
  await page.getByLabel("CUI (número de DPI)").fill(makeCui());
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill(password);
  await page.getByLabel("Repita la contraseña").fill(password);
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page).toHaveURL(/\/ciudadano/);
  await page.context().clearCookies();

  const messages: string[] = [];
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.goto("/ingresar");
    await page.getByLabel("Correo electrónico").fill(email);
    await page.getByLabel("Contraseña", { exact: true }).fill(`Incorrecta-${attempt}`);
    await page.getByRole("button", { name: "Ingresar" }).click();
    const alert = page.locator("#form-error");
    await expect(alert).toBeVisible();
    messages.push((await alert.innerText()).trim());
    await expect(page).toHaveURL(/\/ingresar/);
  }
  // The first failures say only that the credentials are wrong (no hint of which one).
  expect(messages[0]).toContain("Correo o contraseña incorrectos.");
  // By the tenth the account is blocked, and the message says how long to wait.
  expect(messages[9]).toMatch(/Demasiados intentos fallidos.*espere \d+ minutos?/s);
  expect(messages.filter((m) => m.includes("Demasiados intentos fallidos")).length).toBeGreaterThanOrEqual(5);

  // While blocked, the right password does not get in either.
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.locator("#form-error")).toContainText("Demasiados intentos fallidos");
  await expect(page).toHaveURL(/\/ingresar/);

  // Other accounts from the same address still work (the per-address limit is higher).
  await page.getByLabel("Correo electrónico").fill("ciudadano@demo.certifica.gt");
  await page.getByLabel("Contraseña", { exact: true }).fill("Ciudadano2026");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/ciudadano$/);
});
