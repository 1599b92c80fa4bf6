import { expect, test } from "./helpers/test";
import { expectNoAxeViolations } from "./helpers/case-page";
import { makeCui } from "./helpers/make-cui";
import { confirmationPathIn, mailsTo, waitForMail } from "./helpers/outbox";
import { CONFIRMATION_SUBJECT, submitRegistration } from "./helpers/register-account";
import { signIn, signOut } from "./helpers/sign-in";

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

test("registro válido: el enlace del correo crea la cuenta una sola vez, y la persona entra a Mis trámites", async ({ page }) => {
  const email = `carlos.aju.${Date.now()}@example.com`;
  await submitRegistration(page, { name: "Carlos Enrique Ajú Morales", email, password: "Guatemala-2026" });
  const link = confirmationPathIn((await waitForMail(email, CONFIRMATION_SUBJECT)).text);

  // Opening the link creates nothing yet: the page shows what was typed and asks to confirm.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirme su cuenta");
  await expect(page.getByText("Carlos Enrique Ajú Morales")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirmar y crear mi cuenta" }).click();
  await expect(page).toHaveURL(/\/ingresar\?registrado=1$/);
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña", { exact: true }).fill("Guatemala-2026");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(/\/ciudadano/);
  await expect(page.getByTestId("signed-in-name")).toHaveText("Carlos Enrique Ajú Morales");

  // The link is spent.
  await signOut(page);
  await page.goto(link);
  await expect(page.getByTestId("confirmation-problem")).toContainText("no es válido o ya se usó");
});

test("un correo que ya tiene cuenta recibe la misma respuesta que uno nuevo; su dueño recibe un aviso y no se crea nada", async ({ page }) => {
  const owner = "ciudadano@demo.certifica.gt";
  const before = (await mailsTo(owner)).length;
  await submitRegistration(page, { name: "Alguien Que Prueba Correos", email: owner, password: "Guatemala-2026" });
  const notice = await waitForMail(owner, "Alguien intentó crear una cuenta con su correo");
  expect(notice.text).toContain("usted ya tiene una cuenta con él");
  expect(notice.text).not.toContain("token=");
  expect((await mailsTo(owner)).length).toBe(before + 1);
  // The owner's password is unchanged.
  await signIn(page, owner, "Ciudadano2026", /\/ciudadano$/);
});
