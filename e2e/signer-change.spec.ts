import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./helpers/test";
import { E2E_PKI_DIR } from "./helpers/e2e-env";
import { expectOutboxMail } from "./helpers/outbox";
import { signIn, signOut } from "./helpers/sign-in";

// Issue #12 point 8. Nota 3 of the procedure: "La Dirección Departamental de Educación deberá
// notificar al departamento de Atención al ciudadano … la firma y las personas encargadas de
// certificar los documentos con firma electrónica avanzada. En caso de cambio de personal se deberá
// notificar de igual forma."

const DIRECTOR = { email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };
// The demo coordinator's public certificate: registered for the central office, not for Guatemala Norte.
const NEW_SIGNER = { name: "Sofía Alejandra Barrios Ordóñez", cert: "central-coordinator.cert.pem", p12: "central-coordinator.p12" };

test('"deberá notificar … las personas encargadas de certificar": the director notifies a new signer with a certificate file, Atención al Ciudadano accepts it, the registry lists it', async ({ page }) => {
  const axe = async () => expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  await signIn(page, DIRECTOR.email, DIRECTOR.password, /\/direccion/);
  await page.getByRole("link", { name: /Firmantes de su Dirección/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Firmantes de la Dirección Departamental de Guatemala Norte" })).toBeVisible();
  await expect(page.getByText("Su Dirección es de tipo A: firman Director(a) Departamental de Educación o Jefe(a) del Departamento Técnico Pedagógico.")).toBeVisible();
  await axe();

  const form = page.getByRole("form", { name: "Notificar un nuevo firmante" });
  // A type-A DIDEDUC offers no Subdirector.
  await expect(form.getByLabel("Puesto del firmante").locator("option")).toHaveText(["Elija el puesto", "Director(a) Departamental de Educación", "Jefe(a) del Departamento Técnico Pedagógico"]);
  // The private key is refused, what was chosen stays.
  await form.getByLabel(/Certificado de firma electrónica avanzada/).setInputFiles(path.join(E2E_PKI_DIR, NEW_SIGNER.p12));
  await form.getByLabel("Puesto del firmante").selectOption({ label: "Jefe(a) del Departamento Técnico Pedagógico" });
  await form.getByLabel("Forma del puesto").selectOption({ label: "Femenino (Directora, Subdirectora, Jefa)" });
  await form.getByLabel(/Nota para Atención al Ciudadano/).fill("Nueva jefa del Departamento Técnico Pedagógico (prueba)");
  await form.getByRole("button", { name: "Enviar notificación" }).click();
  await expect(page.locator("#certificate-error")).toContainText("contiene una clave privada");
  await expect(form.getByLabel("Puesto del firmante")).toHaveValue("JEFE_TECNICO_PEDAGOGICO");
  await expect(form.getByLabel(/Nota para Atención al Ciudadano/)).toHaveValue("Nueva jefa del Departamento Técnico Pedagógico (prueba)");

  await form.getByLabel(/Certificado de firma electrónica avanzada/).setInputFiles(path.join(E2E_PKI_DIR, NEW_SIGNER.cert));
  await form.getByRole("button", { name: "Enviar notificación" }).click();
  await expect(page.getByText("Notificación enviada")).toBeVisible();
  await page.reload();
  const notice = page.getByTestId("signer-change-item").filter({ hasText: NEW_SIGNER.name });
  await expect(notice.getByTestId("signer-change-status")).toHaveText("Pendiente de revisión");
  // Not in the registry until accepted.
  await expect(page.getByTestId("dideduc-signer-row").filter({ hasText: NEW_SIGNER.name })).toHaveCount(0);
  await signOut(page);

  await signIn(page, ASSISTANT.email, ASSISTANT.password, /\/atencion/);
  await page.getByRole("link", { name: /Notificaciones de firmantes/ }).click();
  const pending = page.getByTestId("pending-signer-change").filter({ hasText: NEW_SIGNER.name });
  await expect(pending).toContainText("Jefa del Departamento Técnico Pedagógico");
  await expect(pending).toContainText("Guatemala Norte (tipo A)");
  await expect(pending).toContainText(`CN=${NEW_SIGNER.name}`);
  await expect(pending.locator("code")).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await axe();
  await pending.getByRole("button", { name: "Aceptar y actualizar el registro" }).click();
  await expect(page.getByText("Notificación aceptada: el registro de firmantes autorizados ya cambió")).toBeVisible();
  await signOut(page);

  await expectOutboxMail(page, { to: DIRECTOR.email, subject: "Aceptada: su notificación sobre el nuevo firmante", contains: [NEW_SIGNER.name, "Jefa del Departamento Técnico Pedagógico"] });

  await signIn(page, DIRECTOR.email, DIRECTOR.password, /\/direccion/);
  await page.goto("/direccion/firmantes");
  const row = page.getByTestId("dideduc-signer-row").filter({ hasText: NEW_SIGNER.name });
  await expect(row).toContainText("Jefa del Departamento Técnico Pedagógico");
  await expect(row).toContainText("Vigente");
  await expect(page.getByTestId("signer-change-item").filter({ hasText: NEW_SIGNER.name }).getByTestId("signer-change-status")).toHaveText("Aceptada");

  // "En caso de cambio de personal se deberá notificar de igual forma": she leaves today. (Also
  // puts Guatemala Norte back to one signer for the specs that follow.)
  const end = page.getByRole("form", { name: `Notificar que ${NEW_SIGNER.name} deja de firmar` });
  await end.getByLabel("Motivo").fill("Traslado a otra dependencia (prueba)");
  await end.getByRole("button", { name: "Notificar el fin" }).click();
  await expect(page.getByText("Notificación enviada a Atención al Ciudadano: la persona dejará de firmar cuando la acepte.")).toBeVisible();
  await expect(page.getByTestId("dideduc-signer-row").filter({ hasText: NEW_SIGNER.name })).toContainText("Fin notificado, pendiente de revisión");
  await signOut(page);

  await signIn(page, ASSISTANT.email, ASSISTANT.password, /\/atencion/);
  await page.goto("/atencion/firmantes");
  const ending = page.getByTestId("pending-signer-change").filter({ hasText: `Fin de firmante: ${NEW_SIGNER.name}` });
  await expect(ending).toContainText("Traslado a otra dependencia (prueba)");
  await ending.getByRole("button", { name: "Aceptar y actualizar el registro" }).click();
  await expect(page.getByText("Notificación aceptada: el registro de firmantes autorizados ya cambió")).toBeVisible();
  await signOut(page);

  await signIn(page, DIRECTOR.email, DIRECTOR.password, /\/direccion/);
  await page.goto("/direccion/firmantes");
  await expect(page.getByTestId("dideduc-signer-row").filter({ hasText: NEW_SIGNER.name })).toContainText("Revocado");
});
