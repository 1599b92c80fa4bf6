import { expect, test, type Browser, type BrowserContext } from "./helpers/test";
import { signIn, signOut } from "./helpers/sign-in";

// Issue #9, section 2: a session ends on the server when it is ended. A copy of the session cookie
// (another device, or a stolen one) stops working once its owner signs out or changes the password.

async function copyOf(browser: Browser, from: BrowserContext): Promise<BrowserContext> {
  const copy = await browser.newContext();
  await copy.addCookies(await from.cookies());
  return copy;
}

test("al cerrar sesión, una copia de la cookie de sesión deja de servir (y no se renueva)", async ({ page, browser }) => {
  await signIn(page, "ciudadano@demo.certifica.gt", "Ciudadano2026", /\/ciudadano$/);
  const copy = await copyOf(browser, page.context());
  const other = await copy.newPage();
  await other.goto("/ciudadano");
  await expect(other.getByRole("heading", { level: 1, name: "Mis trámites" })).toBeVisible();

  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("signed-in-name")).toHaveCount(0);

  await other.goto("/ciudadano");
  await expect(other).toHaveURL(/\/ingresar/);
  // Whatever cookie the copy holds after that visit does not open anything either.
  await other.goto("/ciudadano/solicitudes/nueva");
  await expect(other).toHaveURL(/\/ingresar/);
  await expect(other.getByTestId("signed-in-name")).toHaveCount(0);
  await copy.close();
});

test("al cambiar la contraseña en Mi cuenta, este navegador sigue dentro y las demás sesiones terminan", async ({ page, browser }) => {
  const email = `revisora.sesiones.${Date.now()}@mineduc.gt`;
  const oldPassword = "RevisaSesion2026";
  const newPassword = "NuevaClave-2026-xela";
  await signIn(page, "admin@demo.certifica.gt", "Administra2026", /\/admin/);
  await page.goto("/admin/cuentas");
  const create = page.getByRole("form", { name: "Crear cuenta del personal" });
  await create.getByLabel("Nombre completo").fill("Irma Yolanda Coc Tiul");
  await create.getByLabel("Correo electrónico").fill(email);
  await create.getByLabel("Departamento Técnico Pedagógico (DIDEDUC)").check();
  await create.getByLabel("Dirección Departamental (DIDEDUC)").selectOption({ label: "Quetzaltenango" });
  await create.getByLabel("Contraseña inicial").fill(oldPassword);
  await create.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page.getByText("Cuenta creada")).toBeVisible();
  await signOut(page);

  await signIn(page, email, oldPassword, /\/dideduc$/);
  const copy = await copyOf(browser, page.context());
  const other = await copy.newPage();
  await other.goto("/dideduc");
  await expect(other.getByRole("heading", { level: 1, name: "Revisión departamental" })).toBeVisible();

  await page.getByRole("link", { name: "Mi cuenta" }).click();
  await expect(page).toHaveURL(/\/cuenta$/);
  const form = page.getByRole("form", { name: "Cambiar la contraseña" });
  // The current password is checked first.
  await form.getByLabel("Contraseña actual").fill("NoEsLaMia2026");
  await form.getByLabel("Nueva contraseña", { exact: true }).fill(newPassword);
  await form.getByLabel("Repita la nueva contraseña").fill(newPassword);
  await form.getByRole("button", { name: "Cambiar la contraseña" }).click();
  await expect(page.locator("#currentPassword-error")).toContainText("La contraseña actual no es correcta.");
  await form.getByLabel("Contraseña actual").fill(oldPassword);
  await form.getByLabel("Nueva contraseña", { exact: true }).fill(newPassword);
  await form.getByLabel("Repita la nueva contraseña").fill(newPassword);
  await form.getByRole("button", { name: "Cambiar la contraseña" }).click();
  await expect(page.getByText("Su contraseña cambió")).toBeVisible();

  // This browser carries on; the other session has ended.
  await page.goto("/dideduc");
  await expect(page.getByRole("heading", { level: 1, name: "Revisión departamental" })).toBeVisible();
  await other.goto("/dideduc");
  await expect(other).toHaveURL(/\/ingresar/);
  await copy.close();

  await signOut(page);
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill(oldPassword);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.locator("#form-error")).toContainText("Correo o contraseña incorrectos.");
  await signIn(page, email, newPassword, /\/dideduc$/);
});
