import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test } from "./helpers/test";
import type { TNssDb } from "../tests/helpers/pdfsig";
import { downloadSignedPdf, expectNoAxeViolations, signWithCertificate, stateOf } from "./helpers/case-page";
import { expectSignedPdf, expectVerificationMatches, openIssuedVerification, readVerificationQr, trustDemoRoot } from "./helpers/check-issued-pdf";
import { demoCertificate } from "./helpers/demo-certificate";
import { signIn, signOut } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir, writeTextPdf } from "./helpers/test-pdfs";

// D.3 in the browser, from the citizen's first click to the public verification: the citizen
// uploads only the translation and types the translator's data; an unregistered translator and a
// registered one for another language are refused next to the field that is wrong; the citizen then
// picks the translator from the registry. The central assistant sees the registry's answer beside
// the translation, signs and issues with the central certificate; the citizen downloads a PDF whose
// one signature pdfsig validates, and the QR leads to "Emitido".

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };
// The seed's registered translator (inglés y francés).
const ANA = { name: "Ana Lucía Méndez Ruiz", number: "TJ-GN-0042", agreement: "Acuerdo Ministerial 2418-2019" };

const RUN = `Tradu${randomBytes(3).toString("hex")}`;
const HOLDER = `Julia Marisol Tepeu ${RUN}`;

let tmpDir: string;
let translationPdf: string;
let nss: TNssDb;

test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-d3-");
  translationPdf = await writeTextPdf(
    path.join(tmpDir, "traduccion-diploma.pdf"),
    ["Traduccion jurada del ingles al espanol - hoja 1", "Traduccion jurada - hoja 2, sello y firma de la traductora"],
    { x: 50, size: 14 },
  );
  nss = await trustDemoRoot(tmpDir);
});

test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

test("D.3 de punta a punta: traductor no registrado y de otro idioma rechazados, elegido del registro, firma central, descarga y verificación", async ({ page }) => {
  test.setTimeout(240_000);

  // 1. The citizen starts the request and types the translator's data.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto("/ciudadano/solicitudes/nueva");
  await page.getByRole("link", { name: "Certificación de traducción jurada", exact: true }).click();
  await page.getByRole("radio", { name: "Escribir sus datos" }).check();
  await page.getByLabel("Nombre del traductor jurado").fill(ANA.name);
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/, { timeout: 15_000 });
  await page.getByLabel("Número de registro en la DIDEDUC").fill("TJ-GN-9999");
  await page.getByLabel("Número de acuerdo o resolución").fill(ANA.agreement);
  await page.getByLabel("Idioma de la traducción").fill("inglés");
  await page.getByLabel("Documento traducido").fill("Diploma de Bachelor of Arts, University of Toronto");
  await page.getByLabel("Titular del documento").fill(HOLDER);
  await page.getByLabel("Agregar archivos PDF").setInputFiles(translationPdf);
  await expect(page.getByTestId("uploaded-files").getByText("traduccion-diploma.pdf")).toBeVisible({ timeout: 20_000 });

  // 2. Unregistered: the registry check and the submission both say so, next to the number.
  const numberField = page.getByLabel("Número de registro en la DIDEDUC");
  const numberError = page.locator("#f-translator-registrationNumber-error");
  await page.getByRole("button", { name: "Comprobar en el registro" }).click();
  await expect(numberError).toContainText("No hay ningún traductor jurado registrado con el número TJ-GN-9999");
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "la solicitud no se envió" })).toBeVisible();
  await expect(numberError).toContainText("No hay ningún traductor jurado registrado con el número TJ-GN-9999");
  await expect(numberField).toHaveAttribute("aria-invalid", "true");
  await expect(numberField).toHaveAttribute("aria-describedby", /f-translator-registrationNumber-error/);
  await expectNoAxeViolations(page);
  // Not sent: the form is still there with everything typed.
  await expect(page.getByRole("button", { name: "Enviar solicitud" })).toBeVisible();

  // 3. Registered, but for another language: refused next to the language.
  await numberField.fill(ANA.number);
  await page.getByLabel("Idioma de la traducción").fill("alemán");
  await expect(numberError).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado", { timeout: 15_000 });
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  const languageError = page.locator("#f-translator-language-error");
  await expect(languageError).toContainText("Ana Lucía Méndez Ruiz no está autorizada para traducir alemán; el registro la autoriza para: inglés, francés.");
  await expect(page.getByLabel("Titular del documento")).toHaveValue(HOLDER);
  await expect(page.getByTestId("uploaded-files").getByText("traduccion-diploma.pdf")).toBeVisible();

  // 4. The citizen picks the translator from the registry instead, and the language among hers.
  await page.getByRole("radio", { name: "Buscarlo en el registro" }).check();
  await page.getByLabel("Nombre o número de registro del traductor").fill("Méndez");
  const results = page.getByTestId("translator-results");
  await expect(results).toContainText(ANA.number);
  await results.getByRole("radio", { name: ANA.name }).check();
  await expect(page.getByTestId("picked-translator")).toContainText("Guatemala Norte");
  await expectNoAxeViolations(page);
  await page.getByLabel("Idioma de la traducción").selectOption("inglés");
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado", { timeout: 15_000 });
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByText("En revisión en Atención al Ciudadano").first()).toBeVisible({ timeout: 15_000 });
  const caseId = new URL(page.url()).pathname.split("/").pop()!;
  await signOut(page);

  // 5. The central assistant sees the registry's answer beside the translation, signs and issues.
  await signIn(page, ASSISTANT.email, ASSISTANT.password, /\/atencion$/);
  await page.goto(`/atencion/casos/${caseId}`);
  // Named as she stated at registration (issue #12, point 4).
  await expect(page.getByTestId("translator-registry-check")).toContainText("Ana Lucía Méndez Ruiz está inscrita con el número TJ-GN-0042");
  await expect(page.getByTestId("translator-registry-check")).toContainText("activa y autorizada para inglés");
  await expect(page.getByTestId("case-files")).toContainText("traduccion-diploma.pdf");
  await expectNoAxeViolations(page);
  await signWithCertificate(page, demoCertificate("central-assistant"), "Firmar y emitir");
  await expect(page.getByTestId("done-notice")).toContainText("emitida", { timeout: 30_000 });
  expect(await stateOf(page)).toBe("ISSUED");
  await signOut(page);

  // 6. The citizen downloads the issued PDF.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  const pdfPath = await downloadSignedPdf(page, caseId, tmpDir, "traduccion-certificada.pdf");
  await signOut(page);

  // One signature, the central office's, valid with the test root trusted and covering the file.
  expectSignedPdf(pdfPath, nss, 1);

  // The sheet names the procedure, the translator and the holder; the translation follows it.
  const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" });
  expect(text).toContain("CERTIFICACIÓN DE TRADUCCIÓN JURADA");
  expect(text).toContain(ANA.name);
  expect(text).toContain(ANA.number);
  expect(text).toContain(HOLDER);
  expect(text).toContain("Traduccion jurada del ingles al espanol - hoja 1");
  // "traductora jurada, nombrada, inscrita", the appointment named once.
  const flat = text.replace(/\s+/g, " ");
  expect(flat).toContain("traductora jurada del idioma inglés, nombrada mediante Acuerdo Ministerial número 2418-2019 y registrada en la");
  expect(flat).toContain("se encuentra inscrita en el registro de traductores jurados");

  // 7. The QR leads to the public page, which says "Emitido".
  const qr = await readVerificationQr(pdfPath, tmpDir, "pagina");
  await openIssuedVerification(page, qr);
  await expectVerificationMatches(page, pdfPath);
});
