import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./helpers/test";
import { PDFDocument } from "pdf-lib";
import type { TNssDb } from "../tests/helpers/pdfsig";
import { downloadSignedPdf, expectNoAxeViolations, issueAsCentralAssistant, stateOf } from "./helpers/case-page";
import { expectSignedPdf, expectVerificationMatches, openIssuedVerification, readVerificationQr, trustDemoRoot } from "./helpers/check-issued-pdf";
import { signIn, signOut } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir, writeTextPdf } from "./helpers/test-pdfs";

// D.2.2 (título de diversificado, escolar 2005 onwards) in the browser: the registration number is
// looked up with the graduate's CUI or birth date, and the registry's record shown before anything
// is uploaded only when they are the holder's (someone else's title is "not found", like an unknown
// number); a number the registry does not know switches, in one click, to D.2.1 with what was typed; a title signed by a regional
// director stops the form (ATE-INS-04); and the whole path to issuance: the citizen confirms the
// record and files the scan, the central office sees the registry beside it, asks for a correction,
// signs and issues; the downloaded PDF has one valid signature over the whole file and its QR page
// says "Emitido".

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const OTHER_CITIZEN = { email: "ciudadano@demo.certifica.gt", password: "Ciudadano2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };
const NEW_REQUEST_LINK = "Título de diversificado escolar de 2005 en adelante";

let tmpDir: string;
let titlePdf: string;
let nss: TNssDb;

test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-d22-");
  titlePdf = await writeTextPdf(
    path.join(tmpDir, "titulo-bachiller.pdf"),
    ["Titulo D-2015-018734 - Anverso", "Titulo D-2015-018734 - Reverso (sello de registro CGC)"],
    { pageSize: [792, 612], y: 500 },
  );
  nss = await trustDemoRoot(tmpDir);
});

test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

async function openNewRequest(page: Page): Promise<void> {
  await page.goto("/ciudadano/solicitudes/nueva");
  await page.getByRole("link", { name: NEW_REQUEST_LINK, exact: true }).click();
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/nueva\/titulo-desde-2005$/);
}

test("un número que no está en el registro pasa, con un clic, al trámite anterior a 2005 con lo escrito; un título firmado por un Director Regional se detiene", async ({ page }) => {
  test.setTimeout(120_000);
  const run = randomBytes(2).toString("hex");
  const missing = `D-2016-9${String(parseInt(run, 16) % 100000).padStart(5, "0")}`;
  const lastNames = `Sic Batz ${run}`;
  await signIn(page, OTHER_CITIZEN.email, OTHER_CITIZEN.password);
  await openNewRequest(page);

  // A number that cannot be one: the field says how to write it.
  await page.getByLabel("Número de registro del título").fill("12345");
  await page.getByRole("button", { name: "Buscar en el registro" }).click();
  await expect(page.locator("#f-registrationNumber-error")).toContainText("esquina superior derecha del título");

  // Another person's title, looked up with this person's own data: "not found", nothing of it shown.
  await page.getByRole("textbox", { name: /^Fecha de nacimiento/ }).fill("1992-09-14");
  await page.getByLabel("Número de registro del título").fill("D-2015-018734");
  await page.getByRole("button", { name: "Buscar en el registro" }).click();
  await expect(page.getByTestId("not-found-message")).toContainText("no tiene el título número D-2015-018734 con el CUI o la fecha de nacimiento que escribió");
  await expect(page.getByTestId("registry-record")).toHaveCount(0);
  await expect(page.getByTestId("registry-lookup")).not.toContainText("Ixcot");

  // Signed by a regional director, looked up with its holder's birth date: explained, no upload, no sending.
  await page.getByRole("textbox", { name: /^Fecha de nacimiento/ }).fill("1988-09-09");
  await page.getByLabel("Número de registro del título").fill("d 2006 002741");
  await page.getByRole("button", { name: "Buscar en el registro" }).click();
  await expect(page.getByTestId("other-procedure-message")).toContainText("ATE-INS-04");
  // The procedure names the Archive's mailbox (L147); the stop shows it as a link to write to.
  await expect(page.getByTestId("archive-email")).toHaveAttribute("href", /^mailto:archivo@mineduc\.gob\.gt/);
  await expect(page.getByTestId("registry-record")).toContainText("Julio César Tzunún Ajpop");
  await expect(page.getByRole("button", { name: "Sí, estos son los datos de mi título." })).toHaveCount(0);
  await expect(page.getByLabel("Agregar archivos PDF")).toBeHidden();
  await expect(page.getByRole("button", { name: "Enviar solicitud" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A well-formed number the registry does not hold, with the graduate's data typed.
  await page.getByRole("textbox", { name: /^Fecha de nacimiento/ }).fill("");
  await page.getByLabel("Nombres", { exact: true }).fill("Juan Pablo");
  await page.getByLabel("Apellidos", { exact: true }).fill(lastNames);
  await page.getByLabel(/^CUI/).fill("2345 67899 0101");
  await page.getByLabel("Teléfono para consultas sobre esta solicitud").fill("5566-7788");
  await page.getByLabel("Número de registro del título").fill(missing.toLowerCase().replace(/-/g, " "));
  await page.getByRole("button", { name: "Buscar en el registro" }).click();
  await expect(page.getByTestId("not-found-message")).toContainText(`no tiene el título número ${missing} con el CUI o la fecha de nacimiento que escribió`);
  await expect(page.getByTestId("not-found-message")).toContainText("anterior a 2005");
  // Nothing was stored under D.2.2: still the blank form's address, nothing to upload.
  await expect(page).toHaveURL(/\/nueva\/titulo-desde-2005$/);
  await expect(page.getByLabel("Agregar archivos PDF")).toBeHidden();

  // One click: the D.2.1 request, with what was typed.
  await page.getByRole("button", { name: "Solicitar como título anterior a 2005 con estos datos" }).click();
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/, { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Título de diversificado (escolar antes de 2005 y extraescolar)");
  await expect(page.getByText(`el número de registro ${missing} no está en el registro de títulos`)).toBeVisible();
  await expect(page.getByRole("radio", { name: "Educación escolar" })).toBeChecked();
  await expect(page.getByLabel("Nombres", { exact: true })).toHaveValue("Juan Pablo");
  await expect(page.getByLabel("Apellidos", { exact: true })).toHaveValue(lastNames);
  await expect(page.getByLabel("CUI del estudiante")).toHaveValue("2345 67899 0101");
  await expect(page.getByLabel("Teléfono para consultas sobre esta solicitud")).toHaveValue("5566-7788");

  // It is a D.2.1 draft of this person's, and it survives a reload.
  await page.reload();
  await expect(page.getByLabel("Apellidos", { exact: true })).toHaveValue(lastNames);
  await expect(page.getByText(`el número de registro ${missing} no está en el registro de títulos`)).toBeVisible();
  await page.goto("/ciudadano");
  await expect(page.getByRole("link", { name: /Título de diversificado \(escolar antes de 2005/ }).first()).toBeVisible();
  await signOut(page);
});

test("D.2.2 de punta a punta: registro mostrado antes de subir, corrección, firma central, descarga y verificación", async ({ page }) => {
  test.setTimeout(240_000);

  // 1. The citizen types the graduate's birth date (not the names: they come from the registry),
  // looks the number up and sees the registry's record before any upload.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await openNewRequest(page);
  await expect(page.getByLabel("Agregar archivos PDF")).toBeHidden();
  await page.getByRole("textbox", { name: /^Fecha de nacimiento/ }).fill("1997-06-02");
  // A stray invisible character left in the names before confirming (pasted with them, say): once
  // the names are hidden it is not sent, so the confirmation is not refused over a field not shown.
  await page.getByLabel("Nombres", { exact: true }).fill("María\u200B José");
  await page.getByLabel("Número de registro del título").fill("d 2015 018734");
  await page.getByLabel("Número de registro del título").press("Enter");
  const record = page.getByTestId("registry-record");
  await expect(record).toContainText("María José Ixcot Chávez");
  await expect(record).toContainText("Bachiller en Ciencias y Letras con Orientación en Computación");
  await expect(record).toContainText("Instituto Nacional de Educación Diversificada, Quetzaltenango");
  await expect(record).toContainText("2015");
  await expect(page.getByLabel("Agregar archivos PDF")).toBeHidden();
  await expectNoAxeViolations(page);

  // 2. "Sí, es mi título": the draft exists, the upload opens with the CGC requirement stated, and
  // the graduate's name is the registry's, read-only, in place of the name inputs (issue #14).
  await page.getByRole("button", { name: "Sí, estos son los datos de mi título." }).click();
  await expect(page.getByTestId("registry-confirmed")).toBeVisible();
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/, { timeout: 15_000 });
  await expect(page.getByTestId("registry-name-value")).toHaveText("María José Ixcot Chávez");
  await expect(page.getByLabel("Nombres", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Apellidos", { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // Undone, the inputs are back and editable; confirmed again, the registry's name returns.
  await page.getByRole("button", { name: "No es mi título: buscar de nuevo" }).click();
  await expect(page.getByLabel("Nombres", { exact: true })).toBeEditable();
  await expect(page.getByLabel("Nombres", { exact: true })).toHaveValue("María\u200B José");
  await expect(page.getByLabel("Apellidos", { exact: true })).toBeEditable();
  await expect(page.getByLabel("Agregar archivos PDF")).toBeHidden();
  await page.getByRole("button", { name: "Sí, estos son los datos de mi título." }).click();
  await expect(page.getByTestId("registry-name-value")).toHaveText("María José Ixcot Chávez");
  await expect(page.getByText("sello de registro de la Contraloría General de Cuentas (CGC) legible")).toBeVisible();
  await page.getByLabel("Agregar archivos PDF").setInputFiles(titlePdf);
  await expect(page.getByTestId("uploaded-files").getByText("titulo-bachiller.pdf")).toBeVisible({ timeout: 20_000 });

  // Sending without the stamp confirmed: refused, next to the box, nothing lost.
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.locator("#form-error")).toContainText("No se pudo enviar la solicitud");
  await expect(page.locator("#f-cgcStampConfirmed-error")).toContainText("Contraloría General de Cuentas");
  await expect(page.getByTestId("registry-name-value")).toHaveText("María José Ixcot Chávez");
  await expect(page.getByTestId("uploaded-files").getByText("titulo-bachiller.pdf")).toBeVisible();
  await page.getByLabel(/Confirmo que el título que adjunto es el original/).check();
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByTestId("next-step")).toContainText("comparará su título con el registro de títulos", { timeout: 15_000 });
  const caseId = new URL(page.url()).pathname.split("/").pop()!;
  await signOut(page);

  // 3. The central office sees the typed number and the registry's record beside the scan, and asks for a correction.
  await signIn(page, ASSISTANT.email, ASSISTANT.password, /\/atencion$/);
  await page.goto(`/atencion/casos/${caseId}`);
  expect(await stateOf(page)).toBe("CENTRAL_REVIEW");
  const panel = page.getByTestId("diploma-registry-panel");
  await expect(panel).toContainText("d 2015 018734");
  await expect(panel.getByTestId("registry-record")).toContainText("María José Ixcot Chávez");
  await expect(panel).toContainText("El registro no cambió desde el envío");
  // The request carries the registry's name, as the citizen never typed one.
  await expect(page.getByTestId("graduate-data")).toContainText("Nombre (según el registro de títulos)");
  await expect(page.getByTestId("graduate-data")).toContainText("María José Ixcot Chávez");
  expect((await new AxeBuilder({ page }).exclude("iframe").analyze()).violations.map((v) => v.id)).toEqual([]);
  await expect(page.getByTestId("case-files")).toContainText("titulo-bachiller.pdf");
  const correction = page.getByRole("form", { name: "Rechazar para corrección" });
  await correction.getByLabel("Qué debe corregir la persona").fill("Escanee de nuevo el reverso: el sello de la Contraloría no se lee.");
  await correction.getByRole("button", { name: "Rechazar para corrección" }).click();
  await expect(page.getByTestId("done-notice")).toContainText("devuelta a la persona");
  expect(await stateOf(page)).toBe("NEEDS_CORRECTION");
  await signOut(page);

  // 4. The citizen reads the reason, replaces the scan and resends.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto(`/ciudadano/solicitudes/${caseId}`);
  await expect(page.getByTestId("correction-reason")).toContainText("el sello de la Contraloría no se lee");
  await expect(page.getByTestId("registry-record")).toContainText("María José Ixcot Chávez");
  await expect(page.getByTestId("registry-confirmed")).toBeVisible();
  await expect(page.getByTestId("registry-name-value")).toHaveText("María José Ixcot Chávez");
  await page.getByRole("button", { name: "Quitar titulo-bachiller.pdf" }).click();
  await expect(page.getByTestId("uploaded-files")).toHaveCount(0);
  await page.getByLabel("Agregar archivos PDF").setInputFiles(titlePdf);
  await expect(page.getByTestId("uploaded-files").getByText("titulo-bachiller.pdf")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Enviar correcciones" }).click();
  await expect(page.getByTestId("next-step")).toContainText("revisará de nuevo", { timeout: 15_000 });
  await signOut(page);

  // 5. The central assistant signs and issues.
  await issueAsCentralAssistant(page, ASSISTANT, caseId);

  // 6. The citizen downloads the signed PDF.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  const pdfPath = await downloadSignedPdf(page, caseId, tmpDir, "titulo-certificado.pdf");
  await signOut(page);

  // One signature, the central office's, valid with the test root trusted, covering the whole file.
  expectSignedPdf(pdfPath, nss, 1);
  // The sheet and the two sides of the title.
  expect((await PDFDocument.load(await fs.readFile(pdfPath))).getPageCount()).toBe(3);
  const sheetText = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", pdfPath, "-"], { encoding: "utf8" });
  expect(sheetText).toContain("D-2015-018734");
  expect(sheetText).toContain("María José Ixcot Chávez");
  expect(sheetText).toContain("registro de títulos");

  // The QR on page 1 leads to the verification page, which says "Emitido".
  const qr = await readVerificationQr(pdfPath, tmpDir, "hoja");
  await openIssuedVerification(page, qr);
  await expectVerificationMatches(page, pdfPath);
});
