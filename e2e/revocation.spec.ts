import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expectSignedPdf, trustDemoRoot } from "./helpers/check-issued-pdf";
import { E2E_PORT } from "./helpers/e2e-env";
import { signIn, signOut } from "./helpers/sign-in";
import { expect, test } from "./helpers/test";

// Issue #11 §1, anulación in the browser: the Encargado revokes an issued certification through the
// case page's form (a wrong confirmation number is explained next to its field and nothing typed
// is lost), the public page then says "Anulada" with the reason category (and "Revoked" in
// English), and the holder's case page shows the notice instead of the download. The issued case
// is made fresh by e2e/staff-fixtures.mts, so no demo case other specs read is touched.

const MANAGER = { email: "encargado.central@demo.certifica.gt", password: "Encargado2026" };
const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const NOTE = "El apellido del titular no coincide con la partida de nacimiento (revisión del 5 de diciembre).";

type TIssued = { id: string; number: string; state: string; verificationCode: string };

function issueFreshCase(): TIssued {
  const result = spawnSync(
    "npx",
    ["tsx", "--tsconfig", "e2e/staff-fixtures.tsconfig.json", "e2e/staff-fixtures.mts", JSON.stringify({ cases: [{ lastNames: "Anulación Tzoc", issue: true }] })],
    { encoding: "utf8", env: { ...process.env, APP_BASE_URL: `http://localhost:${E2E_PORT}` } },
  );
  if (result.status !== 0) throw new Error(`staff-fixtures falló: ${result.stderr}`);
  const [created] = JSON.parse(result.stdout) as TIssued[];
  expect(created.state).toBe("ISSUED");
  expect(created.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return created;
}

test("the Encargado revokes an issued certification; the public page says Anulada and the holder sees the notice", async ({ page }) => {
  const issued = issueFreshCase();

  await signIn(page, MANAGER.email, MANAGER.password, /\/atencion$/);
  // The Encargado finds issued certifications in the queue, by number.
  await page.goto(`/atencion?estado=ISSUED&q=${encodeURIComponent(issued.number)}`);
  await page.getByTestId("queue-row").filter({ hasText: issued.number }).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/atencion/casos/${issued.id}$`));

  const form = page.getByRole("form", { name: "Anular certificación" });
  await expect(form.getByTestId("revoke-warning")).toContainText("no se puede deshacer");
  await form.getByLabel("Motivo de la anulación").selectOption({ label: "Error en los datos" });
  await form.getByLabel("Nota interna").fill(NOTE);
  await form.getByLabel(`Escriba el número de la solicitud (${issued.number}) para confirmar`).fill("EE-2026-999999");
  await expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await form.getByRole("button", { name: "Anular certificación" }).click();

  // Refused: the error sits next to the number, and what was typed is still there.
  await expect(form.locator("#confirmNumber-error")).toContainText(issued.number);
  await expect(form.getByLabel("Nota interna")).toHaveValue(NOTE);
  await expect(form.getByLabel("Motivo de la anulación")).toHaveValue("DATA_ERROR");
  await expect(page.getByTestId("revocation-card")).toHaveCount(0);

  await form.getByLabel(`Escriba el número de la solicitud (${issued.number}) para confirmar`).fill(issued.number);
  await form.getByRole("button", { name: "Anular certificación" }).click();
  await expect(page.getByTestId("done-notice")).toContainText("La certificación fue anulada");
  const card = page.getByTestId("revocation-card");
  await expect(card.getByTestId("revocation-category")).toHaveText("Error en los datos");
  await expect(card.getByTestId("revocation-note")).toHaveText(NOTE);
  await expect(card).toContainText("Luis Fernando Cabrera Ávila");
  await expect(page.getByRole("form", { name: "Anular certificación" })).toHaveCount(0);
  await expect(page.getByTestId("case-timeline")).toContainText("Certificación anulada");

  // Staff keep the signed file (unchanged: still a valid issued PDF).
  const staffCopy = await page.request.get(`/api/cases/${issued.id}/document`);
  expect(staffCopy.status()).toBe(200);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-e2e-revocation-"));
  try {
    const pdf = path.join(dir, "anulada.pdf");
    await fs.writeFile(pdf, await staffCopy.body());
    expectSignedPdf(pdf, await trustDemoRoot(dir), 2);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  await signOut(page);

  // The holder: the notice, no download, and no internal note anywhere on the page.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto(`/ciudadano/solicitudes/${issued.id}`);
  const notice = page.getByTestId("revocation-notice");
  await expect(notice).toContainText("Certificación anulada");
  await expect(notice).toContainText("Error en los datos");
  await expect(notice).toContainText("ya no es válido");
  await expect(page.getByRole("link", { name: "Descargar PDF firmado" })).toHaveCount(0);
  await expect(page.getByTestId("case-timeline")).toContainText("Certificación anulada");
  await expect(page.locator("body")).not.toContainText("partida de nacimiento");
  expect((await page.request.get(`/api/cases/${issued.id}/document`)).status()).toBe(404);
  await signOut(page);

  // The public page, as anyone who scans the QR reads it. (Its Spanish and English texts come with
  // the verification page's own workstream of issue #11.)
  await page.goto(`/verificar/${issued.verificationCode}`);
  await expect(page.getByTestId("verification-status")).toHaveText("Anulada");
  await expect(page.locator("main")).toContainText("Error en los datos");
  await expect(page.locator("main")).not.toContainText("partida de nacimiento");
  expect((await page.request.get(`/verificar/${issued.verificationCode}/documento`)).status()).toBe(404);
  await page.goto(`/verificar/${issued.verificationCode}?lang=en`);
  await expect(page.getByTestId("verification-status")).toHaveText("Revoked");
  await expect(page.locator("main")).toContainText("Error in the data");
});
