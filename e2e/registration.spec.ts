import { expect, test } from "./helpers/test";
import { makeCui } from "./helpers/make-cui";

test("registro con un CUI inválido: el error aparece junto al campo y lo escrito se conserva", async ({ page }) => {
  await page.goto("/registro");
  await page.getByLabel("Nombre completo").fill("Ana Gabriela Tzoc Pérez");
  // Right length and codes, wrong check digit.
  await page.getByLabel("CUI (número de DPI)").fill("2654 39487 0101");
  await page.getByLabel("Correo electrónico").fill("ana.tzoc@example.com");
  await page.getByLabel("Teléfono").fill("5555 1234");
  await page.getByLabel("Contraseña", { exact: true }).fill("Guatemala-2026");
  await page.getByLabel("Repita la contraseña").fill("Guatemala-2026");
  await page.getByRole("button", { name: "Crear cuenta" }).click();

  const cuiError = page.locator("#cui-error");
  await expect(cuiError).toBeVisible();
  await expect(cuiError).toContainText(/CUI/);
  await expect(page.getByLabel("CUI (número de DPI)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("CUI (número de DPI)")).toHaveAttribute("aria-describedby", /cui-error/);
  // Nothing typed is lost (the passwords are never echoed back, by design).
  await expect(page.getByLabel("Nombre completo")).toHaveValue("Ana Gabriela Tzoc Pérez");
  await expect(page.getByLabel("CUI (número de DPI)")).toHaveValue(/2654\s?39487\s?0101/);
  await expect(page.getByLabel("Correo electrónico")).toHaveValue("ana.tzoc@example.com");
  await expect(page.getByLabel("Teléfono")).toHaveValue("5555 1234");
  await expect(page).toHaveURL(/\/registro/);
});

test("registro válido: la cuenta se crea y entra a Mis trámites", async ({ page }) => {
  await page.goto("/registro");
  await page.getByLabel("Nombre completo").fill("Carlos Enrique Ajú Morales");
  await page.getByLabel("CUI (número de DPI)").fill(makeCui());
  await page.getByLabel("Correo electrónico").fill(`carlos.aju.${Date.now()}@example.com`);
  await page.getByLabel("Contraseña", { exact: true }).fill("Guatemala-2026");
  await page.getByLabel("Repita la contraseña").fill("Guatemala-2026");
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page).toHaveURL(/\/ciudadano/);
  await expect(page.getByTestId("signed-in-name")).toHaveText("Carlos Enrique Ajú Morales");
});
