import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "./helpers/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { createNssDb } from "../tests/helpers/pdfsig";
import { expectSignedPdf } from "./helpers/check-issued-pdf";
import { E2E_PKI_DIR, E2E_PORT } from "./helpers/e2e-env";
import { signIn, signOut } from "./helpers/sign-in";
import { TITLE_SIGNATORY_LABELS } from "../lib/cases/forms/title-signatory";

const run = promisify(execFile);

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const OTHER_CITIZEN = { email: "ciudadano@demo.certifica.gt", password: "Ciudadano2026" };
const REVIEWER_GN = { email: "revisora.guatemala-norte@demo.certifica.gt", password: "RevisaNorte2026" };

let tmpDir: string;
let scanPdf: string;
let fakePdf: string;
let encryptedPdf: string;
let extraPdf: string;
let oneSidedPdf: string;

// Real files, made here: a 2-page scan, a PNG renamed .pdf and a PDF protected by qpdf.
test.beforeAll(async () => {
  tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-e2e-citizen-"));
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const side of ["Anverso", "Reverso"]) {
    const page = doc.addPage([612, 792]);
    page.drawText(`Certificado de estudios - ${side}`, { x: 72, y: 700, size: 18, font });
  }
  const bytes = Buffer.from(await doc.save());
  scanPdf = path.join(tmpDir, "certificado-primaria.pdf");
  await fs.writeFile(scanPdf, bytes);

  const extra = await PDFDocument.create();
  extra.addPage([612, 792]).drawText("Diploma - anverso", { x: 72, y: 700, size: 18, font: await extra.embedFont(StandardFonts.Helvetica) });
  extraPdf = path.join(tmpDir, "diploma-equivocado.pdf");
  await fs.writeFile(extraPdf, Buffer.from(await extra.save()));
  // A document printed on one side only: one page.
  oneSidedPdf = path.join(tmpDir, "constancia-una-cara.pdf");
  await fs.writeFile(oneSidedPdf, Buffer.from(await extra.save()));

  fakePdf = path.join(tmpDir, "foto-del-titulo.pdf");
  // The PNG signature and an IHDR chunk: an image whatever its name says.
  await fs.writeFile(fakePdf, Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));

  encryptedPdf = path.join(tmpDir, "protegido.pdf");
  await run("qpdf", ["--encrypt", "usuario", "propietario", "256", "--", scanPdf, encryptedPdf]);
});

test.afterAll(async () => {
  if (tmpDir) await fs.rm(tmpDir, { recursive: true, force: true });
});

async function startEducationalRecord(page: Page): Promise<void> {
  await page.goto("/ciudadano");
  await page.getByRole("link", { name: "Nueva solicitud" }).click();
  // Exact: the home page's own cases are links too ("Expediente educativo · EE-…"), and the click
  // must land on the new-request page's link, not race it.
  await page.getByRole("link", { name: "Expediente educativo", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Expediente educativo" })).toBeVisible();
}

// The first autosave creates the case and moves the address to it.
async function waitForDraftUrl(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/, { timeout: 15_000 });
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado");
  return page.url();
}

test("a citizen fills a D.1.1 request: autosave, uploads with refusals, a field error, then submission", async ({ page }) => {
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await startEducationalRecord(page);

  // Limits are stated before choosing a file.
  await expect(page.getByText(/hasta 20 MB/)).toBeVisible();
  await expect(page.getByText(/hasta 10 archivos/)).toBeVisible();

  await page.getByRole("radio", { name: "Escolar", exact: true }).check();
  await page.getByLabel("Nombres", { exact: true }).fill("María José");
  const caseUrl = await waitForDraftUrl(page);
  // Typing goes on in the same form while the address changed: nothing was lost.
  await page.getByLabel("Grado", { exact: true }).fill("Sexto primaria");
  await page.getByLabel("Año", { exact: true }).fill("2008");
  await page.getByLabel("Establecimiento educativo").fill("Escuela Oficial Rural Mixta, Mixco");
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado");
  await expect(page.getByLabel("Nombres", { exact: true })).toHaveValue("María José");

  await page.reload();
  await expect(page).toHaveURL(caseUrl);
  await expect(page.getByLabel("Nombres", { exact: true })).toHaveValue("María José");
  await expect(page.getByLabel("Año", { exact: true })).toHaveValue("2008");
  await expect(page.getByLabel("Establecimiento educativo")).toHaveValue("Escuela Oficial Rural Mixta, Mixco");
  await expect(page.getByRole("radio", { name: "Escolar", exact: true })).toBeChecked();

  // A real PDF: stored, listed with its page count.
  const input = page.getByLabel("Agregar archivos PDF");
  await input.setInputFiles(scanPdf);
  const uploaded = page.getByTestId("uploaded-files");
  const listed = (name: string) => page.locator(`[data-testid="uploaded-files"] li[data-file-name="${name}"]`);
  await expect(listed("certificado-primaria.pdf")).toBeVisible({ timeout: 20_000 });
  await expect(listed("certificado-primaria.pdf")).toContainText("2 páginas");

  // An image renamed .pdf: refused by the server's parser, in Spanish, and not listed.
  await input.setInputFiles(fakePdf);
  const refusals = page.getByTestId("upload-errors");
  await expect(refusals).toContainText("foto-del-titulo.pdf");
  await expect(refusals).toContainText(/no un PDF|no es un PDF/);
  await expect(listed("foto-del-titulo.pdf")).toHaveCount(0);

  // A password-protected PDF: refused, not listed.
  await input.setInputFiles(encryptedPdf);
  await expect(refusals).toContainText("protegido.pdf");
  await expect(refusals).toContainText(/protegido con contraseña/);
  await expect(listed("protegido.pdf")).toHaveCount(0);
  await expect(uploaded.locator("li")).toHaveCount(1);

  // A file attached by mistake is taken off again while the request is a draft.
  await input.setInputFiles(extraPdf);
  await expect(listed("diploma-equivocado.pdf")).toContainText("1 página");
  await page.getByRole("button", { name: "Quitar diploma-equivocado.pdf" }).click();
  await expect(listed("diploma-equivocado.pdf")).toHaveCount(0);
  await expect(uploaded.locator("li")).toHaveCount(1);

  // The typed data survived the refused uploads.
  await expect(page.getByLabel("Nombres", { exact: true })).toHaveValue("María José");

  // "Títulos y/o Diplomas … firmados por Directores Regionales y/o Ministros de educación" → ATE-INS-04:
  // the form explains where to go, shows the archive's address, and cannot be sent.
  await page.getByRole("radio", { name: TITLE_SIGNATORY_LABELS.MINISTER }).check();
  const stop = page.getByTestId("other-procedure-notice");
  await expect(stop).toContainText("Auténtica de firma de documentos educativos");
  await expect(stop).toContainText("ATE-INS-04");
  await expect(stop).toContainText("Atención al Ciudadano");
  await expect(stop.getByRole("link", { name: "archivo@mineduc.gob.gt" })).toHaveAttribute("href", /^mailto:archivo@mineduc\.gob\.gt/);
  await expect(page.getByRole("button", { name: "Enviar solicitud" })).toBeDisabled();
  await expect(page.getByTestId("submit-blocked")).toBeVisible();
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado", { timeout: 15_000 });
  // The answer is kept with the draft, and nothing else was lost.
  await page.reload();
  await expect(page.getByRole("radio", { name: TITLE_SIGNATORY_LABELS.MINISTER })).toBeChecked();
  await expect(page.getByTestId("other-procedure-notice")).toBeVisible();
  await expect(page.getByLabel("Nombres", { exact: true })).toHaveValue("María José");
  await expect(listed("certificado-primaria.pdf")).toBeVisible();
  // The usual signer: the request may go on.
  await page.getByRole("radio", { name: TITLE_SIGNATORY_LABELS.DIDEDUC }).check();
  await expect(page.getByTestId("other-procedure-notice")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Enviar solicitud" })).toBeEnabled();

  // Submitting without the surname: the message stands next to the field and in the summary; nothing typed is lost.
  await page.getByRole("checkbox", { name: /Certificados de estudio/i }).check();
  await page.getByLabel(/DIDEDUC a la que corresponden/).selectOption({ label: "Guatemala Norte" });
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  const alert = page.locator("#form-error");
  await expect(alert).toBeVisible();
  const surname = page.getByLabel("Apellidos", { exact: true });
  await expect(surname).toHaveAttribute("aria-invalid", "true");
  const surnameError = page.locator(`#${await surname.getAttribute("id")}-error`);
  await expect(surnameError).toBeVisible();
  await expect(surnameError).not.toBeEmpty();
  await expect(page.getByLabel("Nombres", { exact: true })).toHaveValue("María José");
  await expect(page.getByLabel("Año", { exact: true })).toHaveValue("2008");
  await expect(listed("certificado-primaria.pdf")).toBeVisible();

  // "escaneados en PDF anverso y reverso": a one-page file needs its back declared blank.
  await surname.fill("Ixcot Chávez");
  await input.setInputFiles(oneSidedPdf);
  await expect(listed("constancia-una-cara.pdf")).toContainText("1 página", { timeout: 20_000 });
  const blankBack = listed("constancia-una-cara.pdf").getByRole("checkbox", { name: /El reverso de este documento está en blanco/ });
  await expect(blankBack).not.toBeChecked();
  await expect(listed("certificado-primaria.pdf").getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado", { timeout: 15_000 });
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(blankBack).toHaveAttribute("aria-invalid", "true");
  await expect(listed("constancia-una-cara.pdf")).toContainText("«constancia-una-cara.pdf» tiene una sola página");
  await expect(alert).toContainText("tiene una sola página");
  await expect(surname).toHaveValue("Ixcot Chávez");
  await blankBack.check();
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado", { timeout: 15_000 });

  // Corrected and sent: the case is now with the DIDEDUC.
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByText("En revisión en la Dirección Departamental").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("button", { name: "Enviar solicitud" })).toHaveCount(0);
  const timeline = page.getByTestId("case-timeline");
  await expect(timeline).toContainText("Solicitud creada");
  await expect(timeline).toContainText("Solicitud enviada");
  await expect(page.getByTestId("case-summary")).toContainText("Ixcot Chávez");
  // The server kept exactly the file that stayed attached.
  await expect(page.getByRole("link", { name: "certificado-primaria.pdf" })).toBeVisible();
  await expect(page.getByText("diploma-equivocado.pdf")).toHaveCount(0);

  // The dashboard lists it with its state and the next step.
  await page.goto("/ciudadano");
  const caseId = caseUrl.split("/").pop()!;
  const item = page.getByTestId("my-cases").locator("li").filter({ has: page.locator(`a[href$="/${caseId}"]`) });
  await expect(item).toContainText("En revisión en la Dirección Departamental");
  // The next step in plain words (the transition's message, or the state's description when the list does not say how it got there).
  await expect(item).toContainText(/(revisará|está revisando) sus documentos/);

  // The reviewer reads the declaration beside the one-page file, and who signed, in the typed data.
  await signOut(page);
  await signIn(page, REVIEWER_GN.email, REVIEWER_GN.password, /\/dideduc$/);
  await page.goto(`/dideduc/casos/${caseId}`);
  const declarations = page.getByTestId("blank-back-declaration");
  await expect(declarations).toHaveCount(1);
  await expect(declarations).toContainText("el reverso de este documento está en blanco");
  await expect(page.getByTestId("case-files")).toContainText("constancia-una-cara.pdf");
  await expect(page.getByTestId("case-summary")).toContainText("Firmados por (según la persona)");
});

test('D.1.2: "al correo archivo@mineduc.gob.gt": the graduation record request gives the archive\'s address', async ({ page }) => {
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto("/ciudadano/solicitudes/nueva/expediente-de-graduacion");
  const links = page.getByRole("link", { name: "archivo@mineduc.gob.gt" });
  await expect(links.first()).toHaveAttribute("href", /^mailto:archivo@mineduc\.gob\.gt\?subject=/);
});

test("another citizen's case opened by URL reads as not found, and takes no uploads", async ({ page }) => {
  await signIn(page, OTHER_CITIZEN.email, OTHER_CITIZEN.password);
  await startEducationalRecord(page);
  await page.getByLabel("Nombres", { exact: true }).fill("Juan Pablo");
  const otherUrl = await waitForDraftUrl(page);
  const otherId = otherUrl.split("/").pop()!;
  await signOut(page);

  await signIn(page, CITIZEN.email, CITIZEN.password);
  const response = await page.goto(otherUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No encontramos esta página" })).toBeVisible();
  await expect(page.getByText("Juan Pablo")).toHaveCount(0);

  const upload = await page.request.post("/api/uploads", {
    headers: { "content-type": "application/pdf", "x-file-name": "intruso.pdf", "x-file-kind": "SCAN", "x-case-id": otherId },
    data: await fs.readFile(scanPdf),
  });
  expect(upload.status()).toBe(404);
  expect((await upload.json()).ok).toBe(false);
});

type TFixtureCase = { id: string; number: string; lastNames: string; state: string };

// Cases taken to a state by the staff side, through the real domain (e2e/citizen-fixtures.mts).
function prepareCases(specs: Array<{ lastNames: string; outcome: "correction" | "guidance" | "issued" }>): TFixtureCase[] {
  const result = spawnSync(
    "npx",
    ["tsx", "--tsconfig", "e2e/staff-fixtures.tsconfig.json", "e2e/citizen-fixtures.mts", JSON.stringify({ cases: specs })],
    { encoding: "utf8", env: { ...process.env, APP_BASE_URL: `http://localhost:${E2E_PORT}` } },
  );
  if (result.status !== 0) throw new Error(`citizen-fixtures falló: ${result.stderr}`);
  return JSON.parse(result.stdout) as TFixtureCase[];
}

test("what the citizen sees after the office acts: correction loop, rejection with guidance, issued PDF", async ({ page }) => {
  test.skip(!process.env.TEST_DATABASE_URL, "Needs the PostgreSQL e2e database (TEST_DATABASE_URL) to prepare cases in another process.");
  const run = Date.now().toString(36);
  const [toCorrect, rejected, issued] = prepareCases([
    { lastNames: `Corrección ${run}`, outcome: "correction" },
    { lastNames: `Orientación ${run}`, outcome: "guidance" },
    { lastNames: `Emitida ${run}`, outcome: "issued" },
  ]);
  expect([toCorrect.state, rejected.state, issued.state]).toEqual(["NEEDS_CORRECTION", "REJECTED", "ISSUED"]);
  await signIn(page, CITIZEN.email, CITIZEN.password);

  // Correction: the reason stands at the top, the form is back with everything as it was.
  await page.goto(`/ciudadano/solicitudes/${toCorrect.id}`);
  await expect(page.getByTestId("correction-reason")).toContainText("escanéelo de nuevo, anverso y reverso");
  await expect(page.getByLabel("Apellidos", { exact: true })).toHaveValue(toCorrect.lastNames);
  await expect(page.getByLabel("Año", { exact: true })).toHaveValue("2009");
  await expect(page.getByRole("radio", { name: "Escolar", exact: true })).toBeChecked();
  await expect(page.locator('[data-testid="uploaded-files"] li[data-file-name="certificado-sexto.pdf"]')).toContainText("2 páginas");
  await page.getByLabel("Grado", { exact: true }).fill("Sexto grado de primaria");
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado");
  await page.getByRole("button", { name: "Enviar correcciones" }).click();
  await expect(page.getByText("En revisión en la Dirección Departamental").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("next-step")).toContainText("correcciones fueron enviadas");
  await expect(page.getByTestId("case-timeline")).toContainText("Se solicitó una corrección");
  await expect(page.getByTestId("case-timeline")).toContainText("Correcciones enviadas");
  await expect(page.getByTestId("case-summary")).toContainText("Sexto grado de primaria");

  // Rejection with guidance: where to go, and a new request that carries the data over.
  await page.goto(`/ciudadano/solicitudes/${rejected.id}`);
  const office = page.getByTestId("guidance-office");
  await expect(office).toContainText("Supervisión Educativa de Mixco");
  await expect(office).toContainText("2435-1122");
  await expect(office).toContainText("5a. Calle 2-10, zona 1, Mixco");
  await page.getByRole("button", { name: "Iniciar una nueva solicitud a partir de esta" }).click();
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+\?nueva=1$/);
  expect(new URL(page.url()).pathname).not.toContain(rejected.id);
  await expect(page.getByLabel("Apellidos", { exact: true })).toHaveValue(rejected.lastNames);
  await expect(page.getByLabel(/DIDEDUC a la que corresponden/)).toHaveValue(/.+/);
  await expect(page.locator("[data-state]").first()).toHaveAttribute("data-state", "DRAFT");

  // Issued: the signed PDF downloads, both signatures valid under pdfsig; the apostille note is there.
  await page.goto(`/ciudadano/solicitudes/${issued.id}`);
  await expect(page.getByText(/apostilla electrónica del Ministerio de Relaciones Exteriores/)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Descargar PDF firmado" }).click()]);
  const pdfPath = path.join(tmpDir, "emitida.pdf");
  await download.saveAs(pdfPath);
  const nss = createNssDb([await fs.readFile(path.join(E2E_PKI_DIR, "root-ca.pem"), "utf8")], { dir: path.join(tmpDir, "nss") });
  // Both signatures valid and trusted, then the DSS and the document timestamp (PAdES B-LTA).
  expectSignedPdf(pdfPath, nss, 2);
});
