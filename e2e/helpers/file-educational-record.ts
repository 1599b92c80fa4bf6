import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { TITLE_SIGNATORY_LABELS } from "../../lib/cases/forms/title-signatory";
import { signIn, signOut } from "./sign-in";

// The citizen files a D.1.1 request for Guatemala Norte through her own screens, with the given
// scan; returns the case id (signed out again). `onPage` runs on each screen she passes through
// (her cases, the procedures, the form filled in with the scan uploaded, the sent request), for
// checks a spec wants on all of them (e.g. the phone spec's page width).
export async function fileEducationalRecordAsCitizen(
  page: Page,
  citizen: { email: string; password: string },
  lastNames: string,
  scanPdf: string,
  onPage: (page: Page) => Promise<void> = async () => {},
): Promise<string> {
  await signIn(page, citizen.email, citizen.password);
  await page.goto("/ciudadano");
  await onPage(page);
  await page.getByRole("link", { name: "Nueva solicitud" }).click();
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/nueva$/);
  await onPage(page);
  // Exact: the home page's own cases are links too ("Expediente educativo · EE-…"), and the click
  // must land on the new-request page's link, not race it.
  await page.getByRole("link", { name: "Expediente educativo", exact: true }).click();
  await page.getByRole("radio", { name: "Escolar", exact: true }).check();
  await page.getByLabel("Nombres", { exact: true }).fill("Ana Sofía");
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/, { timeout: 15_000 });
  await page.getByLabel("Apellidos", { exact: true }).fill(lastNames);
  await page.getByLabel("Grado", { exact: true }).fill("Sexto primaria");
  await page.getByLabel("Año", { exact: true }).fill("2009");
  await page.getByLabel("Establecimiento educativo").fill("Escuela Oficial Urbana Mixta, zona 6");
  await page.getByRole("checkbox", { name: /Certificados de estudio/i }).check();
  // "¿Quién firmó…?": the usual signer (a Director Regional or a Minister would stop the request).
  await page.getByRole("radio", { name: TITLE_SIGNATORY_LABELS.DIDEDUC }).check();
  await page.getByLabel(/DIDEDUC a la que corresponden/).selectOption({ label: "Guatemala Norte" });
  await page.getByLabel("Agregar archivos PDF").setInputFiles(scanPdf);
  await expect(page.getByTestId("uploaded-files").getByText(path.basename(scanPdf))).toBeVisible({ timeout: 20_000 });
  await onPage(page);
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByText("En revisión en la Dirección Departamental").first()).toBeVisible({ timeout: 15_000 });
  await onPage(page);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  await signOut(page);
  return id;
}
