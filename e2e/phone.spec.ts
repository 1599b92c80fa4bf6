import path from "node:path";
import { devices, expect, test, type Page } from "./helpers/test";
import { downloadSignedPdf, expectNoAxeViolations } from "./helpers/case-page";
import { expectVerificationMatches } from "./helpers/check-issued-pdf";
import { fileEducationalRecordAsCitizen } from "./helpers/file-educational-record";
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

  // A new request typed, with the scan chosen from the phone; every screen on the way fits.
  const scan = await writeTextPdf(path.join(tmpDir, "foto-certificado.pdf"), ["Certificado - Anverso", "Certificado - Reverso"]);
  await fileEducationalRecordAsCitizen(page, CITIZEN, "Tzoc Teléfono", scan, expectFitsWidth);

  // The issued demo certification: download, then the public page a QR leads to.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto("/ciudadano");
  await expect(page.getByRole("heading", { level: 1, name: "Mis trámites" })).toBeVisible();
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
