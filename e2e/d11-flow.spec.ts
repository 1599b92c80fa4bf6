import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { DEMO_CERTIFICATES } from "../prisma/seed/demo-accounts";
import { createNssDb, qpdfCheck, runPdfsig, type TNssDb } from "../tests/helpers/pdfsig";
import { E2E_PKI_DIR } from "./helpers/e2e-env";
import { signIn, signOut } from "./helpers/sign-in";

// Issue #3, the whole D.1.1 path through the screens of every office: the citizen files with a real
// PDF, the reviewer asks for a correction, the citizen corrects and resubmits, the reviewer generates,
// the director returns it once and then signs, the central assistant signs and issues, the citizen
// downloads, and the public verification page reached through the QR says "Emitido" and recognizes
// exactly that file.

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const REVIEWER = { email: "revisora.guatemala-norte@demo.certifica.gt", password: "RevisaNorte2026" };
const SIGNER = { email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };

const RUN = `Flujo${randomBytes(3).toString("hex")}`;
const LAST_NAMES = `Ixcamparic ${RUN}`;

function certificate(key: string): { file: string; passphrase: string } {
  const cert = DEMO_CERTIFICATES.find((c) => c.key === key);
  if (!cert) throw new Error(`certificado de demostración desconocido: ${key}`);
  return { file: path.join(E2E_PKI_DIR, cert.file), passphrase: cert.passphrase };
}

let tmpDir: string;
let scanPdf: string;
let nss: TNssDb;

test.beforeAll(async () => {
  tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-e2e-d11-"));
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const side of ["Anverso", "Reverso"]) {
    const p = doc.addPage([612, 792]);
    p.drawText(`Certificado de estudios - ${side}`, { x: 72, y: 700, size: 18, font });
  }
  scanPdf = path.join(tmpDir, "certificado-sexto.pdf");
  await fs.writeFile(scanPdf, Buffer.from(await doc.save()));
  nss = createNssDb([await fs.readFile(path.join(E2E_PKI_DIR, "root-ca.pem"), "utf8")], { dir: path.join(tmpDir, "nss") });
});

test.afterAll(async () => {
  if (tmpDir) await fs.rm(tmpDir, { recursive: true, force: true });
});

async function stateOf(page: Page): Promise<string | null> {
  return page.locator("[data-state]").first().getAttribute("data-state");
}

async function sign(page: Page, cert: { file: string; passphrase: string }, label: string): Promise<void> {
  const form = page.getByRole("form", { name: label });
  await form.getByLabel("Archivo del certificado (.p12)").setInputFiles(cert.file);
  await form.getByLabel("Contraseña del certificado").fill(cert.passphrase);
  await form.getByRole("button", { name: label }).click();
}

async function generate(page: Page, caseId: string): Promise<void> {
  await signIn(page, REVIEWER.email, REVIEWER.password, /\/dideduc$/);
  await page.goto(`/dideduc/casos/${caseId}`);
  const form = page.getByRole("form", { name: "Generar certificación y trasladar a firma" });
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByRole("button", { name: "Generar certificación y trasladar a firma" }).click();
  await expect(page.getByTestId("done-notice")).toContainText("trasladada a la firma", { timeout: 30_000 });
  expect(await stateOf(page)).toBe("DIDEDUC_SIGNATURE");
  await signOut(page);
}

test("D.1.1 de punta a punta: corrección, devolución, dos firmas, descarga y verificación pública", async ({ page }) => {
  test.setTimeout(240_000);

  // 1. The citizen files with a real PDF.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto("/ciudadano");
  await page.getByRole("link", { name: "Nueva solicitud" }).click();
  // Exact: the home page's own cases are links too ("Expediente educativo · EE-…"), and the click
  // must land on the new-request page's link, not race it.
  await page.getByRole("link", { name: "Expediente educativo", exact: true }).click();
  await page.getByRole("radio", { name: "Escolar", exact: true }).check();
  await page.getByLabel("Nombres", { exact: true }).fill("Ana Sofía");
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/, { timeout: 15_000 });
  await page.getByLabel("Apellidos", { exact: true }).fill(LAST_NAMES);
  await page.getByLabel("Grado", { exact: true }).fill("Sexto primaria");
  await page.getByLabel("Año", { exact: true }).fill("2009");
  await page.getByLabel("Establecimiento educativo").fill("Escuela Oficial Urbana Mixta, zona 6");
  await page.getByRole("checkbox", { name: /Certificados de estudio/i }).check();
  await page.getByLabel(/DIDEDUC a la que corresponden/).selectOption({ label: "Guatemala Norte" });
  await page.getByLabel("Agregar archivos PDF").setInputFiles(scanPdf);
  await expect(page.getByTestId("uploaded-files").getByText("certificado-sexto.pdf")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByText("En revisión en la Dirección Departamental").first()).toBeVisible({ timeout: 15_000 });
  const caseId = new URL(page.url()).pathname.split("/").pop()!;
  await signOut(page);

  // 2. The reviewer asks for a correction.
  await signIn(page, REVIEWER.email, REVIEWER.password, /\/dideduc$/);
  await page.goto(`/dideduc/casos/${caseId}`);
  const correction = page.getByRole("form", { name: "Rechazar para corrección" });
  await correction.getByLabel("Qué debe corregir la persona").fill("Indique el grado completo: escriba «Sexto grado de primaria».");
  await correction.getByRole("button", { name: "Rechazar para corrección" }).click();
  await expect(page.getByTestId("done-notice")).toContainText("devuelta a la persona");
  expect(await stateOf(page)).toBe("NEEDS_CORRECTION");
  await signOut(page);

  // 3. The citizen reads the reason, corrects and resubmits.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto(`/ciudadano/solicitudes/${caseId}`);
  await expect(page.getByTestId("correction-reason")).toContainText("Sexto grado de primaria");
  await expect(page.getByLabel("Apellidos", { exact: true })).toHaveValue(LAST_NAMES);
  await page.getByLabel("Grado", { exact: true }).fill("Sexto grado de primaria");
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado", { timeout: 15_000 });
  await page.getByRole("button", { name: "Enviar correcciones" }).click();
  await expect(page.getByText("En revisión en la Dirección Departamental").first()).toBeVisible({ timeout: 15_000 });
  await signOut(page);

  // 4. The reviewer generates; 5. the director returns it once (previous step), 6. it is generated again.
  await generate(page, caseId);
  await signIn(page, SIGNER.email, SIGNER.password, /\/direccion$/);
  await page.goto(`/direccion/casos/${caseId}`);
  const back = page.getByRole("form", { name: "Devolver al Departamento Técnico Pedagógico" });
  await back.getByLabel("Nota: qué hay que corregir").fill("Revise el nombre del establecimiento en la hoja.");
  await back.getByRole("button", { name: "Devolver al Departamento Técnico Pedagógico" }).click();
  await expect(page.getByTestId("done-notice")).toContainText("devuelta con su nota");
  expect(await stateOf(page)).toBe("DIDEDUC_REVIEW");
  await signOut(page);
  await generate(page, caseId);

  // 7. The director signs.
  await signIn(page, SIGNER.email, SIGNER.password, /\/direccion$/);
  await page.goto(`/direccion/casos/${caseId}`);
  await sign(page, certificate("signer-guatemala-norte"), "Firmar certificación");
  await expect(page.getByTestId("done-notice")).toContainText("firmada", { timeout: 30_000 });
  expect(await stateOf(page)).toBe("CENTRAL_REVIEW");
  await signOut(page);

  // 8. The central assistant countersigns and issues.
  await signIn(page, ASSISTANT.email, ASSISTANT.password, /\/atencion$/);
  await page.goto(`/atencion/casos/${caseId}`);
  await sign(page, certificate("central-assistant"), "Firmar y emitir");
  await expect(page.getByTestId("done-notice")).toContainText("emitida", { timeout: 30_000 });
  expect(await stateOf(page)).toBe("ISSUED");
  await signOut(page);

  // 9. The citizen downloads the signed PDF.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto(`/ciudadano/solicitudes/${caseId}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Descargar PDF firmado" }).click()]);
  const pdfPath = path.join(tmpDir, "emitida.pdf");
  await download.saveAs(pdfPath);
  await signOut(page);

  // Two signatures, both valid with the test root trusted; the last covers the whole file.
  const report = runPdfsig(pdfPath, nss);
  expect(report.signatures).toHaveLength(2);
  for (const sig of report.signatures) expect(sig.signatureValidation).toBe("Signature is Valid.");
  expect(report.signatures[1].totalDocumentSigned).toBe(true);
  expect(qpdfCheck(pdfPath).clean).toBe(true);

  // The QR on page 1 decodes to the verification address.
  execFileSync("pdftoppm", ["-r", "200", "-f", "1", "-l", "1", "-png", pdfPath, path.join(tmpDir, "pagina")]);
  const png = (await fs.readdir(tmpDir)).find((f) => f.startsWith("pagina") && f.endsWith(".png"));
  expect(png).toBeTruthy();
  const qr = execFileSync("zbarimg", ["-q", "--raw", path.join(tmpDir, png!)], { encoding: "utf8" }).trim();
  expect(qr).toMatch(/\/verificar\/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // 10. Anyone opening it (no session) sees "Emitido" and the compare box recognizes the file.
  const response = await page.goto(new URL(qr).pathname);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: /Verificación de documento/ })).toBeVisible();
  await expect(page.getByTestId("verification-status")).toHaveText("Emitido");
  // "Ana Sofía Ixcamparic Flujo…" shows as "Ana S**** I********* F…": the first name only.
  await expect(page.getByTestId("holder-name")).toContainText("Ana S**** I*********");
  await expect(page.getByTestId("holder-name")).not.toContainText("Ixcamparic");
  await page.getByLabel("Archivo PDF a comparar").setInputFiles(pdfPath);
  await expect(page.getByText("coincide: es exactamente el documento emitido")).toBeVisible();

  const modified = path.join(tmpDir, "modificada.pdf");
  await fs.writeFile(modified, Buffer.concat([await fs.readFile(pdfPath), Buffer.from("\n% cambio\n")]));
  await page.getByLabel("Archivo PDF a comparar").setInputFiles(modified);
  await expect(page.getByText("no coincide con el documento emitido")).toBeVisible();

  // The public download is that same file.
  const pub = await page.request.get(`${new URL(qr).pathname}/documento`);
  expect(pub.status()).toBe(200);
  expect((await pub.body()).equals(await fs.readFile(pdfPath))).toBe(true);
});
