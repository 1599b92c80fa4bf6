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

// One signer's turn on a case: sign in, open the case in the role's area, sign with the role's demo
// certificate, see the page confirm it and the case move on; sign out.
async function signCaseAs(
  page: Page,
  account: { email: string; password: string },
  caseId: string,
  step: { area: "atencion" | "direccion"; certificate: string; button: string; notice: string; state: string },
): Promise<void> {
  await signIn(page, account.email, account.password, new RegExp(`/${step.area}$`));
  await page.goto(`/${step.area}/casos/${caseId}`);
  await signWithCertificate(page, demoCertificate(step.certificate), step.button);
  await expect(page.getByTestId("done-notice")).toContainText(step.notice, { timeout: 30_000 });
  expect(await stateOf(page)).toBe(step.state);
  await signOut(page);
}

// The central assistant signs and issues the case with the demo central certificate.
export async function issueAsCentralAssistant(page: Page, assistant: { email: string; password: string }, caseId: string): Promise<void> {
  await signCaseAs(page, assistant, caseId, { area: "atencion", certificate: "central-assistant", button: "Firmar y emitir", notice: "emitida", state: "ISSUED" });
}

// The director signs the certification with his demo certificate; it goes to the central office.
export async function signAsDirector(page: Page, director: { email: string; password: string }, caseId: string): Promise<void> {
  await signCaseAs(page, director, caseId, { area: "direccion", certificate: "signer-guatemala-norte", button: "Firmar certificación", notice: "firmada", state: "CENTRAL_REVIEW" });
}

