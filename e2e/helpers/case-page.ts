import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import type { TDemoCertificateFile } from "./demo-certificate";

// The state a case page shows (its first state badge).
export async function stateOf(page: Page): Promise<string | null> {
  return page.locator("[data-state]").first().getAttribute("data-state");
}

// Signs through the signing form named `label`: certificate file, passphrase, the form's button.
export async function signWithCertificate(page: Page, cert: TDemoCertificateFile, label: string): Promise<void> {
  const form = page.getByRole("form", { name: label });
  await form.getByLabel("Archivo del certificado (.p12)").setInputFiles(cert.file);
  await form.getByLabel("Contraseña del certificado").fill(cert.passphrase);
  await form.getByRole("button", { name: label }).click();
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
}

// The applicant (signed in) downloads the issued PDF from the case page into dir/name; returns its path.
export async function downloadSignedPdf(page: Page, caseId: string, dir: string, name: string): Promise<string> {
  await page.goto(`/ciudadano/solicitudes/${caseId}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Descargar PDF firmado" }).click()]);
  const pdfPath = path.join(dir, name);
  await download.saveAs(pdfPath);
  return pdfPath;
}
