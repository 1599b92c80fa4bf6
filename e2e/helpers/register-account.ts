import { expect, type Page } from "@playwright/test";
import { makeCui } from "./make-cui";
import { confirmationPathIn, waitForMail } from "./outbox";

export const CONFIRMATION_SUBJECT = "Confirme su correo para crear su cuenta en Certifica";

export type TNewAccount = { name: string; email: string; password: string; cui?: string; phone?: string; translator?: boolean };

// Fills and sends the registration form, and checks the page every registrant sees after it.
export async function submitRegistration(page: Page, a: TNewAccount): Promise<void> {
  await page.goto("/registro");
  await page.getByLabel("Nombre completo").fill(a.name);
  await page.getByLabel("CUI (número de DPI)").fill(a.cui ?? makeCui());
  await page.getByLabel("Correo electrónico").fill(a.email);
  if (a.phone) await page.getByLabel("Teléfono").fill(a.phone);
  await page.getByLabel("Contraseña", { exact: true }).fill(a.password);
  await page.getByLabel("Repita la contraseña").fill(a.password);
  if (a.translator) await page.getByRole("checkbox", { name: "Soy traductor jurado" }).check();
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  const sent = page.getByTestId("registration-mail-sent");
  await expect(sent).toContainText(`Le enviamos un correo a ${a.email.toLowerCase()}`);
}

// A new account the way a person makes one: the form, the link in the mail (read from the outbox),
// the confirmation, and the first sign-in. Leaves the page on the account's home.
export async function registerAccount(page: Page, a: TNewAccount, home: RegExp = /\/ciudadano$/): Promise<void> {
  await submitRegistration(page, a);
  const mail = await waitForMail(a.email, CONFIRMATION_SUBJECT);
  await page.goto(confirmationPathIn(mail.text));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirme su cuenta");
  await page.getByRole("button", { name: "Confirmar y crear mi cuenta" }).click();
  await expect(page).toHaveURL(/\/ingresar\?registrado=1$/);
  await expect(page.getByText("Su cuenta fue creada")).toBeVisible();
  await page.getByLabel("Correo electrónico").fill(a.email);
  await page.getByLabel("Contraseña", { exact: true }).fill(a.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page).toHaveURL(home);
}
