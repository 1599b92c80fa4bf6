import path from "node:path";
import { devices, expect, test, type Page } from "@playwright/test";
import { downloadSignedPdf, expectNoAxeViolations } from "./helpers/case-page";
import { expectVerificationMatches } from "./helpers/check-issued-pdf";
import { signIn, signOut } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir, writeTextPdf } from "./helpers/test-pdfs";

// Many citizens file from a phone, and whoever scans a QR abroad opens the page on one. On a
// phone-sized touch screen: every page a citizen or a verifier sees fits the width (no sideways
// scrolling), the D.1.1 request can be typed, uploaded and sent, and the issued demo document
// can be downloaded and recognized on its public verification page.
const { defaultBrowserType: _browser, ...pixel } = devices["Pixel 7"];
test.use({ ...pixel });

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };

let tmpDir: string;
test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-phone-");
});
test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

async function expectFitsWidth(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${page.url()} se desborda a lo ancho`).toBeLessThanOrEqual(innerWidth);
}

test("en un teléfono: ingreso, nueva solicitud D.1.1 enviada, descarga del emitido y su verificación, sin desbordes", async ({ page }) => {
  test.setTimeout(120_000);
  for (const open of ["/ingresar", "/registro", "/verificar"]) {
    await page.goto(open);
    await expectFitsWidth(page);
  }

  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto("/ciudadano");
  await expect(page.getByRole("heading", { level: 1, name: "Mis trámites" })).toBeVisible();
  await expectFitsWidth(page);

  // A new request typed with the on-screen keyboard's taps, the scan chosen from the phone.
  await page.getByRole("link", { name: "Nueva solicitud" }).tap();
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/nueva$/);
  await expectFitsWidth(page);
  await page.getByRole("link", { name: "Expediente educativo", exact: true }).tap();
  await page.getByRole("radio", { name: "Escolar", exact: true }).tap();
  await page.getByLabel("Nombres", { exact: true }).fill("Ana Sofía");
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/, { timeout: 15_000 });
  await page.getByLabel("Apellidos", { exact: true }).fill("Tzoc Teléfono");
  await page.getByLabel("Grado", { exact: true }).fill("Tercero básico");
  await page.getByLabel("Año", { exact: true }).fill("2012");
  await page.getByLabel("Establecimiento educativo").fill("Instituto Nacional de Educación Básica, Mixco");
  await page.getByRole("checkbox", { name: /Certificados de estudio/i }).tap();
  await page.getByLabel(/DIDEDUC a la que corresponden/).selectOption({ label: "Guatemala Norte" });
  const scan = await writeTextPdf(path.join(tmpDir, "foto-certificado.pdf"), ["Certificado - Anverso", "Certificado - Reverso"]);
  await page.getByLabel("Agregar archivos PDF").setInputFiles(scan);
  await expect(page.getByTestId("uploaded-files").getByText("foto-certificado.pdf")).toBeVisible({ timeout: 20_000 });
  await expectFitsWidth(page);
  await page.getByRole("button", { name: "Enviar solicitud" }).tap();
  await expect(page.getByText("En revisión en la Dirección Departamental").first()).toBeVisible({ timeout: 15_000 });
  await expectFitsWidth(page);

  // The issued demo certification: download, then the public page a QR leads to.
  await page.goto("/ciudadano");
  const issued = page
    .getByTestId("my-cases")
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: /^Expediente educativo · EE-/ }) })
    .filter({ hasText: "Emitida" })
    .first();
  const link = issued.getByRole("link");
  await link.tap();
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/);
  const caseId = new URL(page.url()).pathname.split("/").pop()!;
  await expectFitsWidth(page);
  const pdf = await downloadSignedPdf(page, caseId, tmpDir, "emitido.pdf");
  const verification = page.getByRole("link", { name: "Ver la página de verificación" });
  const href = (await verification.getAttribute("href"))!;
  await signOut(page);

  await page.goto(href);
  await expect(page.getByTestId("verification-status")).toHaveText("Emitido");
  await expectFitsWidth(page);
  await expectVerificationMatches(page, pdf);
  await expectFitsWidth(page);
  await expectNoAxeViolations(page);
});
