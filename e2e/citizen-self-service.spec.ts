import path from "node:path";
import { fileEducationalRecordAsCitizen } from "./helpers/file-educational-record";
import { waitForMail } from "./helpers/outbox";
import { registerAccount } from "./helpers/register-account";
import { signIn, signOut } from "./helpers/sign-in";
import { expect, test } from "./helpers/test";
import { makeTmpDir, removeTmpDir, writeTextPdf } from "./helpers/test-pdfs";

// Issue #14 §5: the citizen's self-service, as a person does it. One test (CI time budget).
const RESET_SUBJECT = "Restablezca su contraseña de Certifica";
let tmpDir: string | undefined;
test.afterAll(async () => removeTmpDir(tmpDir));

test("¿Olvidó su contraseña?: el enlace del correo cambia la contraseña; después elimina un borrador y retira una solicitud enviada", async ({ page }) => {
  const email = `lucia.reset.${Date.now()}@example.com`;
  const first = "Primera-clave-2026";
  const second = "Segunda-clave-2026";
  await registerAccount(page, { name: "Lucía Fernanda Cojtí Sic", email, password: first });
  await signOut(page);

  // The forgotten-password form answers without saying whether the account exists.
  await page.goto("/ingresar");
  await page.getByRole("link", { name: "¿Olvidó su contraseña?" }).click();
  // The sign-in page has an e-mail field too: fill only once the new page is there.
  await expect(page).toHaveURL(/\/contrasena\/olvidada$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("¿Olvidó su contraseña?");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByRole("button", { name: "Enviarme el enlace" }).click();
  await expect(page.getByTestId("password-reset-mail-sent")).toContainText(`Si ${email} es el correo de una cuenta`);
  const mail = await waitForMail(email, RESET_SUBJECT);
  const link = /\/contrasena\/restablecer\?token=[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Elegir una nueva contraseña");
  await page.getByLabel("Nueva contraseña", { exact: true }).fill(second);
  await page.getByLabel("Repita la nueva contraseña").fill(second);
  await page.getByRole("button", { name: "Guardar la nueva contraseña" }).click();
  await expect(page).toHaveURL(/\/ingresar\?contrasena=restablecida$/);
  await expect(page.getByText("Su contraseña fue cambiada")).toBeVisible();
  // Single use: the same link now says so.
  await page.goto(link!);
  await expect(page.getByTestId("password-reset-problem")).toContainText("no es válido o ya se usó");

  // A submitted request, filed with the new password (the old one no longer opens the account).
  tmpDir = await makeTmpDir("self-service-");
  const scan = await writeTextPdf(path.join(tmpDir, "certificado.pdf"), ["Certificado - Anverso", "Certificado - Reverso"]);
  const submittedId = await fileEducationalRecordAsCitizen(page, { email, password: second }, "Cojtí Sic", scan);

  // A draft: its card shows the student and the date, and it is deleted after a confirmation.
  await signIn(page, email, second);
  await page.goto("/ciudadano/solicitudes/nueva");
  await page.getByRole("link", { name: "Expediente educativo", exact: true }).click();
  await page.getByRole("radio", { name: "Escolar", exact: true }).check();
  await page.getByLabel("Nombres", { exact: true }).fill("Mateo");
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/, { timeout: 15_000 });
  await page.getByLabel("Apellidos", { exact: true }).fill("Cojtí Sic");
  await page.getByRole("button", { name: "Guardar borrador" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado", { timeout: 15_000 });
  await page.goto("/ciudadano");
  const draftCard = page.getByRole("article").filter({ hasText: "Borrador" });
  await expect(draftCard).toHaveCount(1);
  await expect(draftCard.getByTestId("draft-student")).toContainText("Mateo Cojtí Sic");
  await expect(draftCard).toContainText(/Creada el /);
  await draftCard.getByRole("button", { name: "Eliminar borrador" }).click();
  await draftCard.getByRole("button", { name: "Sí, eliminar el borrador" }).click();
  await expect(page).toHaveURL(/\/ciudadano\?borrador=eliminado$/);
  await expect(page.getByText("Borrador eliminado")).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "Borrador" })).toHaveCount(0);

  // The submitted request, untouched by anyone on the staff: withdrawn after a confirmation.
  await page.goto(`/ciudadano/solicitudes/${submittedId}`);
  await page.getByRole("button", { name: "Retirar solicitud" }).click();
  await page.getByRole("button", { name: "Sí, retirar la solicitud" }).click();
  await expect(page.getByText("Solicitud retirada", { exact: true })).toBeVisible();
  await expect(page.getByText("Retirada", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Retirar solicitud" })).toHaveCount(0);
});
