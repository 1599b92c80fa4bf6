import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "./helpers/test";
import type { TNssDb } from "../tests/helpers/pdfsig";
import { downloadSignedPdf, issueAsCentralAssistant, signAsDirector, signWithCertificate, stateOf } from "./helpers/case-page";
import { expectSignedPdf, expectVerificationMatches, openIssuedVerification, readVerificationQr, trustDemoRoot } from "./helpers/check-issued-pdf";
import { demoCertificate } from "./helpers/demo-certificate";
import { fileEducationalRecordAsCitizen } from "./helpers/file-educational-record";
import { signIn, signOut } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir, writeTextPdf } from "./helpers/test-pdfs";

// Issue #3, the whole D.1.1 path through the screens of every office: the citizen files with a real
// PDF, the reviewer asks for a correction, the citizen corrects and resubmits, the reviewer generates,
// the director returns it once and then signs, the central assistant returns it to the director's
// signature with a reason ("se podrá devolver a la etapa anterior", issue #12), the director reads the
// reason and signs the same certification again, the central assistant signs and issues, the citizen
// downloads, and the public verification page reached through the QR says "Emitido" and recognizes
// exactly that file.

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const REVIEWER = { email: "revisora.guatemala-norte@demo.certifica.gt", password: "RevisaNorte2026" };
const SIGNER = { email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };

const RUN = `Flujo${randomBytes(3).toString("hex")}`;
const LAST_NAMES = `Ixcamparic ${RUN}`;

let tmpDir: string;
let scanPdf: string;
let nss: TNssDb;

test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-d11-");
  scanPdf = await writeTextPdf(path.join(tmpDir, "certificado-sexto.pdf"), ["Certificado de estudios - Anverso", "Certificado de estudios - Reverso"]);
  nss = await trustDemoRoot(tmpDir);
});

test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

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

test("D.1.1 de punta a punta: corrección, devoluciones (también de Atención a la firma), dos firmas, descarga y verificación pública", async ({ page }) => {
  test.setTimeout(240_000);

  // 1. The citizen files with a real PDF.
  const caseId = await fileEducationalRecordAsCitizen(page, CITIZEN, LAST_NAMES, scanPdf);

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
  // The page after the sending itself: the state's name alone is also in the timeline (the first
  // submission), so it was shown before the corrections had gone, and signing out then could
  // leave them unsent (CI, 6 Dec: the reviewer then found the case still awaiting correction).
  await expect(page.getByTestId("next-step")).toContainText("correcciones fueron enviadas", { timeout: 15_000 });
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
  await signAsDirector(page, SIGNER, caseId);

  // 8. Atención al Ciudadano chooses between its two returns and sends it back to the director's signature.
  const returnReason = `Firme de nuevo con el certificado registrado para Guatemala Norte (${RUN}).`;
  await signIn(page, ASSISTANT.email, ASSISTANT.password, /\/atencion$/);
  await page.goto(`/atencion/casos/${caseId}`);
  const code = await page.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/).first().textContent();
  await expect(page.getByTestId("action-help-return")).toContainText("certificación nueva");
  await expect(page.getByTestId("action-help-return_to_signer")).toContainText("misma certificación");
  const toSigner = page.getByRole("form", { name: "Devolver a la firma de la Dirección Departamental" });
  await toSigner.getByRole("button", { name: "Devolver a la firma de la Dirección Departamental" }).click();
  // Without a reason: refused next to the field, nothing sent.
  await expect(toSigner.getByText("Indique el motivo.")).toBeVisible();
  expect(await stateOf(page)).toBe("CENTRAL_REVIEW");
  await toSigner.getByLabel("Nota para la Dirección Departamental: qué debe revisar o corregir").fill(returnReason);
  await toSigner.getByRole("button", { name: "Devolver a la firma de la Dirección Departamental" }).click();
  await expect(page.getByTestId("done-notice")).toContainText("debe firmarse de nuevo");
  expect(await stateOf(page)).toBe("DIDEDUC_SIGNATURE");
  await signOut(page);

  // 9. The director finds it in the queue with the reason, reads it on the case and signs the same certification again.
  await signIn(page, SIGNER.email, SIGNER.password, /\/direccion$/);
  await page.goto(`/direccion?q=${encodeURIComponent(RUN)}`);
  await expect(page.getByTestId("queue-row").first()).toContainText(returnReason);
  await page.goto(`/direccion/casos/${caseId}`);
  await expect(page.getByTestId("last-note")).toContainText(returnReason);
  await expect(page.getByTestId("last-note")).toContainText("Devuelta a la firma de la Dirección Departamental");
  await expect(page.getByTestId("returned-to-signer")).toContainText("su firma anterior ya no vale");
  // The same sheet: the verification code did not change.
  await expect(page.getByText(code!, { exact: true }).first()).toBeVisible();
  await signWithCertificate(page, demoCertificate("signer-guatemala-norte"), "Firmar certificación");
  await expect(page.getByTestId("done-notice")).toContainText("firmada", { timeout: 30_000 });
  expect(await stateOf(page)).toBe("CENTRAL_REVIEW");
  await signOut(page);

  // 10. The central assistant countersigns and issues.
  await issueAsCentralAssistant(page, ASSISTANT, caseId);

  // 11. The citizen downloads the signed PDF.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  const pdfPath = await downloadSignedPdf(page, caseId, tmpDir, "emitida.pdf");
  await signOut(page);

  // Two signatures (the superseded one is not in the file), both valid with the test root trusted; the last covers the whole file.
  expectSignedPdf(pdfPath, nss, 2);

  // The QR on page 1 decodes to the verification address.
  const qr = await readVerificationQr(pdfPath, tmpDir, "pagina");

  // 12. Anyone opening it (no session) sees "Emitido" and the compare box recognizes the file.
  await openIssuedVerification(page, qr);
  await expect(page.getByRole("heading", { level: 1, name: /Verificación de documento/ })).toBeVisible();
  // "Ana Sofía Ixcamparic Flujo…" shows as "Ana S**** I********* F…": the first name only.
  await expect(page.getByTestId("holder-name")).toContainText("Ana S**** I*********");
  await expect(page.getByTestId("holder-name")).not.toContainText("Ixcamparic");
  await expectVerificationMatches(page, pdfPath);

  const modified = path.join(tmpDir, "modificada.pdf");
  await fs.writeFile(modified, Buffer.concat([await fs.readFile(pdfPath), Buffer.from("\n% cambio\n")]));
  await page.getByLabel("Archivo PDF a comparar").setInputFiles(modified);
  await expect(page.getByText("no coincide con el documento emitido")).toBeVisible();

  // Anyone with the QR sees the page, not the file: the holder shares the PDF through share links
  // (issue #11, e2e/share-links.spec.ts).
  const pub = await page.request.get(`${new URL(qr).pathname}/documento`);
  expect(pub.status()).toBe(404);
  expect(pub.headers()["content-type"]).not.toBe("application/pdf");
});
