import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test, type Page } from "./helpers/test";
import { CGC_STAMP_CONFIRMATION_LABEL } from "../lib/cases/forms/diploma-before-2005-form";
import { TITLE_SIGNATORY_LABELS } from "../lib/cases/forms/title-signatory";
import type { TNssDb } from "../tests/helpers/pdfsig";
import { downloadSignedPdf, issueAsCentralAssistant, signAsDirector, stateOf } from "./helpers/case-page";
import { expectSignedPdf, expectVerificationMatches, openIssuedVerification, readVerificationQr, trustDemoRoot } from "./helpers/check-issued-pdf";
import { signIn, signOut } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir, writeTextPdf } from "./helpers/test-pdfs";

// D.2.1 (título de diversificado: escolar before 2005, and extraescolar) in the browser: the citizen
// files the title with its data and both sides, the DIDEDUC reviewer generates the certification
// with the title checklist, the director signs, the central assistant countersigns and issues, the
// citizen downloads a PDF with two valid signatures (pdfsig), the last covering the file. And the
// reviewer's "Rechazar y solicitar documentos": the citizen reads what to bring and where, starts
// a new request that carries everything, and cannot send it until the document is attached.

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const REVIEWER = { email: "revisora.guatemala-norte@demo.certifica.gt", password: "RevisaNorte2026" };
const SIGNER = { email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };

const RUN = `Titulo${randomBytes(3).toString("hex")}`;
const TITLE_GROUP = "Título escaneado (anverso y reverso)";
const GENERATE = "Generar certificación y trasladar a firma";
const REQUEST_DOCUMENTS = "Rechazar y solicitar documentos";

let tmpDir: string;
let titlePdf: string;
let pensumPdf: string;
let nss: TNssDb;

test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-d21-");
  titlePdf = await writeTextPdf(path.join(tmpDir, "titulo-bachiller.pdf"), ["Titulo de Bachiller - Anverso", "Titulo - Reverso - Sello de registro CGC"]);
  pensumPdf = await writeTextPdf(path.join(tmpDir, "cierre-de-pensum.pdf"), ["Cierre de pensum - Anverso", "Cierre de pensum - Reverso"]);
  nss = await trustDemoRoot(tmpDir);
});

test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

// From the citizen's first click to a submitted D.2.1 request; returns the case id.
async function fileTitle(page: Page, lastNames: string): Promise<string> {
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto("/ciudadano");
  await page.getByRole("link", { name: "Nueva solicitud" }).click();
  await page.getByRole("link", { name: "Título de diversificado escolar antes de 2005 o extraescolar", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Título de diversificado");

  await page.getByRole("radio", { name: "Educación escolar", exact: true }).check();
  await page.getByLabel("Título", { exact: true }).fill("Bachiller en Ciencias y Letras");
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/, { timeout: 15_000 });
  await page.getByLabel("Establecimiento educativo").fill("Instituto Nacional Central para Varones, Guatemala");
  // A school title from 2005 on is pointed to D.2.2 at once; the year as printed is 1998.
  await page.getByLabel("Año de graduación").fill("2010");
  const toD22 = page.getByRole("link", { name: /título escolar de 2005 en adelante/ });
  await expect(toD22).toBeVisible();
  await expect(toD22).toHaveAttribute("href", "/ciudadano/solicitudes/nueva/titulo-desde-2005");
  await page.getByLabel("Año de graduación").fill("1998");
  await expect(toD22).toHaveCount(0);
  await page.getByLabel("Número de registro").fill("45821");
  await page.getByLabel("Folio").fill("233");
  await page.getByLabel("Nombres", { exact: true }).fill("Ana Lucía");
  await page.getByLabel("Apellidos", { exact: true }).fill(lastNames);
  await page.getByLabel(/DIDEDUC a la que corresponde el título/).selectOption({ label: "Guatemala Norte" });
  // "¿Quién firmó el título o diploma?": a Director Regional stops the request (ATE-INS-04); the usual signer does not.
  await page.getByRole("radio", { name: TITLE_SIGNATORY_LABELS.REGIONAL_DIRECTOR }).check();
  await expect(page.getByTestId("other-procedure-notice")).toContainText("Auténtica de firma de documentos educativos");
  await expect(page.getByTestId("other-procedure-notice").getByRole("link", { name: "archivo@mineduc.gob.gt" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Enviar solicitud" })).toBeDisabled();
  await page.getByRole("radio", { name: TITLE_SIGNATORY_LABELS.DIDEDUC }).check();
  await expect(page.getByTestId("other-procedure-notice")).toHaveCount(0);

  // The Contraloría's stamp requirement is stated where the title is uploaded.
  const titleGroup = page.getByRole("group", { name: TITLE_GROUP });
  await expect(titleGroup).toContainText("El título debe llevar el sello de registro de la Contraloría General de Cuentas");
  await titleGroup.getByLabel("Agregar archivos PDF").setInputFiles(titlePdf);
  await expect(titleGroup.getByTestId("uploaded-files").getByText("titulo-bachiller.pdf")).toBeVisible({ timeout: 20_000 });

  // Without confirming the stamp, the request is not sent and the message sits next to the box.
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Confirme que el título lleva el sello de registro de la Contraloría General de Cuentas" })).toBeVisible();
  await page.getByRole("checkbox", { name: CGC_STAMP_CONFIRMATION_LABEL }).check();
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado", { timeout: 15_000 });
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByText("En revisión en la Dirección Departamental").first()).toBeVisible({ timeout: 15_000 });
  const caseId = new URL(page.url()).pathname.split("/").pop()!;
  // The sent request shows the title's data as typed.
  await expect(page.getByTestId("case-summary")).toContainText("Bachiller en Ciencias y Letras");
  await expect(page.getByTestId("case-summary")).toContainText("Registro 45821");
  await signOut(page);
  return caseId;
}

test("D.2.1 de punta a punta: título con sello de la CGC, lista de revisión del título, dos firmas y descarga", async ({ page }) => {
  test.setTimeout(240_000);
  const caseId = await fileTitle(page, `Pérez ${RUN}`);

  // The reviewer sees the title's data beside the scan and ticks the title's checklist.
  await signIn(page, REVIEWER.email, REVIEWER.password, /\/dideduc$/);
  await page.goto(`/dideduc/casos/${caseId}`);
  await expect(page.getByTestId("case-summary")).toContainText("Instituto Nacional Central para Varones");
  const form = page.getByRole("form", { name: GENERATE });
  await expect(form.getByRole("checkbox", { name: "El título lleva el sello de registro de la Contraloría General de Cuentas" })).toBeVisible();
  // One box left unticked: refused, with the message beside that box.
  const boxes = await form.getByRole("checkbox").all();
  expect(boxes).toHaveLength(6);
  for (const box of boxes.slice(0, 5)) await box.check();
  await form.getByRole("button", { name: GENERATE }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Marque cada punto de la lista de verificación" })).toBeVisible();
  expect(await stateOf(page)).toBe("DIDEDUC_REVIEW");
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByRole("button", { name: GENERATE }).click();
  await expect(page.getByTestId("done-notice")).toContainText("trasladada a la firma", { timeout: 30_000 });
  expect(await stateOf(page)).toBe("DIDEDUC_SIGNATURE");
  await signOut(page);

  // The director signs.
  await signAsDirector(page, SIGNER, caseId);

  // The central assistant countersigns and issues.
  await issueAsCentralAssistant(page, ASSISTANT, caseId);

  // The citizen downloads the signed PDF.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  const pdfPath = await downloadSignedPdf(page, caseId, tmpDir, "titulo-emitido.pdf");

  // Two signatures, both valid with the test root trusted, then the DSS and the document timestamp
  // over the whole file (PAdES B-LTA); pdfsig lists the document timestamp last.
  const report = expectSignedPdf(pdfPath, nss, 2);
  for (const sig of report.signatures.slice(0, 2)) expect(sig.certificateValidation).toBe("Certificate is Trusted.");
  expect(report.signatures[0].totalDocumentSigned).toBe(false);
  await signOut(page);

  // The QR leads to the public page, which says "Emitido" and recognizes the downloaded file.
  const qr = await readVerificationQr(pdfPath, tmpDir, "hoja");
  await openIssuedVerification(page, qr);
  await expectVerificationMatches(page, pdfPath);
});

test("D.2.1: la DIDEDUC pide el cierre de pensum; la nueva solicitud conserva todo y lo exige antes de enviarse", async ({ page }) => {
  test.setTimeout(180_000);
  const lastNames = `Xol ${RUN}`;
  const caseId = await fileTitle(page, lastNames);

  // The reviewer rejects requesting the cierre de pensum, at an office of the DIDEDUC's directory.
  await signIn(page, REVIEWER.email, REVIEWER.password, /\/dideduc$/);
  await page.goto(`/dideduc/casos/${caseId}`);
  const form = page.getByRole("form", { name: REQUEST_DOCUMENTS });
  await form.getByLabel("Motivo", { exact: true }).fill("El título no consta en los libros de registro de esta Dirección Departamental.");
  // Nothing ticked: refused, next to the documents.
  await form.getByRole("button", { name: REQUEST_DOCUMENTS }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Indique qué documentos debe adjuntar el usuario." })).toBeVisible();
  expect(await stateOf(page)).toBe("DIDEDUC_REVIEW");
  const retry = page.getByRole("form", { name: REQUEST_DOCUMENTS });
  await expect(retry.getByLabel("Motivo", { exact: true })).toHaveValue(/no consta en los libros/);
  await retry.getByRole("checkbox", { name: "Cierre de pensum" }).check();
  const office = retry.getByLabel("Supervisión Educativa del directorio");
  const officeNames = await office.locator("option").allTextContents();
  expect(officeNames.length).toBeGreaterThan(0);
  await office.selectOption({ label: officeNames[officeNames.length - 1] });
  // The seed's offices are invented: the directory says so (issue #12), and the name copied is the office's own.
  expect(officeNames[officeNames.length - 1]).toMatch(/ \(dato de demostración\)$/);
  const officeName = officeNames[officeNames.length - 1].replace(/ \(dato de demostración\)$/, "");
  await expect(retry.getByTestId("demo-data-mark")).toContainText("Dato de demostración");
  await expect(retry.getByLabel("Nombre de la oficina")).toHaveValue(officeName);
  const officePhone = await retry.getByLabel("Teléfono").inputValue();
  await retry.getByRole("button", { name: REQUEST_DOCUMENTS }).click();
  await expect(page.getByTestId("done-notice")).toContainText("documentos que se necesitan");
  expect(await stateOf(page)).toBe("REJECTED");
  await signOut(page);

  // The citizen reads which document and where, and starts the new request from the case page.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto(`/ciudadano/solicitudes/${caseId}`);
  await expect(page.getByTestId("requested-documents")).toContainText("Cierre de pensum");
  await expect(page.getByTestId("requested-documents")).not.toContainText("Certificación general de cursos");
  await expect(page.getByTestId("guidance-office")).toContainText(officeName);
  await expect(page.getByTestId("guidance-office")).toContainText(officePhone);
  // Its phone and address are the seed's: the citizen is told before travelling there.
  await expect(page.getByTestId("guidance-office").getByTestId("demo-data-mark")).toContainText("Dato de demostración");
  await page.getByRole("button", { name: "Iniciar una nueva solicitud con estos documentos" }).click();
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+\?nueva=1$/, { timeout: 15_000 });
  const childId = new URL(page.url()).pathname.split("/").pop()!;
  expect(childId).not.toBe(caseId);

  // Everything typed and the title are there; the cierre de pensum has its own upload.
  await expect(page.getByLabel("Apellidos", { exact: true })).toHaveValue(lastNames);
  await expect(page.getByLabel("Título", { exact: true })).toHaveValue("Bachiller en Ciencias y Letras");
  await expect(page.getByLabel("Año de graduación")).toHaveValue("1998");
  await expect(page.getByLabel(/DIDEDUC a la que corresponde el título/)).toHaveValue(/.+/);
  await expect(page.getByRole("checkbox", { name: CGC_STAMP_CONFIRMATION_LABEL })).toBeChecked();
  await expect(page.getByRole("group", { name: TITLE_GROUP }).getByTestId("uploaded-files")).toContainText("titulo-bachiller.pdf");
  const pensumGroup = page.getByRole("group", { name: "Cierre de pensum (pedido por la Dirección Departamental)" });
  await expect(pensumGroup).toContainText(officeName);

  // Not sent without it: the message names the document.
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Adjunte el cierre de pensum que le pidió la Dirección Departamental." })).toBeVisible();
  await pensumGroup.getByLabel("Agregar archivos PDF").setInputFiles(pensumPdf);
  await expect(pensumGroup.getByTestId("uploaded-files").getByText("cierre-de-pensum.pdf")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByText("En revisión en la Dirección Departamental").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("link", { name: "Cierre de pensum: cierre-de-pensum.pdf" })).toBeVisible();
  await signOut(page);

  // The reviewer finds the new request with the document named.
  await signIn(page, REVIEWER.email, REVIEWER.password, /\/dideduc$/);
  await page.goto(`/dideduc/casos/${childId}`);
  expect(await stateOf(page)).toBe("DIDEDUC_REVIEW");
  await expect(page.getByTestId("case-files")).toContainText("Cierre de pensum: cierre-de-pensum.pdf");
});
