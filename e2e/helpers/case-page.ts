import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { demoCertificate, type TDemoCertificateFile } from "./demo-certificate";
import { signIn, signOut } from "./sign-in";

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

// The central assistant opens the case, signs and issues it with the demo central certificate, and
// the case page says it was issued; signed in and out around it.
export async function issueAsCentralAssistant(page: Page, assistant: { email: string; password: string }, caseId: string): Promise<void> {
  await signIn(page, assistant.email, assistant.password, /\/atencion$/);
  await page.goto(`/atencion/casos/${caseId}`);
  await signWithCertificate(page, demoCertificate("central-assistant"), "Firmar y emitir");
  await expect(page.getByTestId("done-notice")).toContainText("emitida", { timeout: 30_000 });
  expect(await stateOf(page)).toBe("ISSUED");
  await signOut(page);
}

// The director opens the case, signs the certification with his demo certificate, and the case page
// says it was signed and sent to the central office; signed in and out around it.
export async function signAsDirector(page: Page, director: { email: string; password: string }, caseId: string): Promise<void> {
  await signIn(page, director.email, director.password, /\/direccion$/);
  await page.goto(`/direccion/casos/${caseId}`);
  await signWithCertificate(page, demoCertificate("signer-guatemala-norte"), "Firmar certificación");
  await expect(page.getByTestId("done-notice")).toContainText("firmada", { timeout: 30_000 });
  expect(await stateOf(page)).toBe("CENTRAL_REVIEW");
  await signOut(page);
}

