import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { expect, test } from "./helpers/test";
import type { TNssDb } from "../tests/helpers/pdfsig";
import { expectNoAxeViolations, signWithCertificate, stateOf } from "./helpers/case-page";
import { expectSignedPdf, openIssuedVerification, readVerificationQr, trustDemoRoot } from "./helpers/check-issued-pdf";
import { demoCertificate } from "./helpers/demo-certificate";
import { waitForMail } from "./helpers/outbox";
import { signIn, signOut } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir } from "./helpers/test-pdfs";

// Issue #11, corrected re-issue (reposición) in the browser, on the seed's issued D.3 certification
// (the central office issues it alone: one signature): the coordinator starts the re-issue with
// what to correct; the holder finds the new draft in her list with the note, corrects the holder's
// name and sends it; the assistant signs and issues it; the new PDF's one signature is valid for
// pdfsig, its QR page says "Emitido", and the old code's page links to the new one.

const COORDINATOR = { email: "coordinadora.central@demo.certifica.gt", password: "Coordina2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };
const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };

const NOTE = "Falta el apellido de casada de la titular, como aparece en el diploma: «María José Ixcot Chávez de León».";
const CORRECTED_HOLDER = "María José Ixcot Chávez de León";

let tmpDir: string;
let nss: TNssDb;

test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-reissue-");
  nss = await trustDemoRoot(tmpDir);
});
test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

test("reposición corregida: la coordinación la inicia, la titular corrige y envía, firma central, código nuevo y el anterior enlaza al nuevo", async ({ page }) => {
  test.setTimeout(240_000);

  // 1. The coordinator opens the seed's issued D.3 certification (the oldest issued one) and starts the re-issue.
  await signIn(page, COORDINATOR.email, COORDINATOR.password, /\/atencion$/);
  await page.goto("/atencion?estado=ISSUED&tramite=SWORN_TRANSLATION");
  await page.getByTestId("queue-row").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/atencion\/casos\/[^/?]+$/);
  const oldId = new URL(page.url()).pathname.split("/").pop()!;
  const oldNumber = (await page.getByTestId("case-number").textContent())!.trim();
  const oldCode = (await page.locator("dt", { hasText: "Código de verificación" }).first().locator("xpath=following-sibling::dd[1]").textContent())!.trim();
  expect(oldCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  const form = page.getByRole("form", { name: "Iniciar reposición corregida" });
  // Without a note: refused next to the field, nothing started.
  await form.getByRole("button", { name: "Iniciar reposición corregida" }).click();
  await expect(page.locator("#reissue-note-error")).toContainText("Indique qué hay que corregir");
  await form.getByLabel("Qué hay que corregir").fill(NOTE);
  await form.getByRole("button", { name: "Iniciar reposición corregida" }).click();
  const started = page.getByTestId("reissue-started");
  await expect(started).toBeVisible({ timeout: 15_000 });
  const newLink = started.getByRole("link");
  const newNumber = (await newLink.textContent())!.trim();
  const newId = (await newLink.getAttribute("href"))!.split("/").pop()!;
  await expect(page.getByTestId("reissue-list")).toContainText(newNumber);
  await expect(page.getByTestId("reissue-list")).toContainText("Borrador");
  // One open at a time: the form is gone, and the page says why.
  await expect(page.getByTestId("reissue-unavailable")).toContainText(`Ya hay una reposición en curso de esta certificación: la solicitud ${newNumber}`);
  await expect(page.getByTestId("case-timeline")).toContainText("Reposición corregida iniciada");
  await expectNoAxeViolations(page);
  // The new draft, as central staff see it: what it corrects, and the note.
  await newLink.click();
  await expect(page.getByTestId("reissue-of")).toContainText(`Reposición de ${oldNumber}`);
  await expect(page.getByTestId("reissue-note")).toHaveText(NOTE);
  await signOut(page);
  // The holder was mailed what to correct and where.
  const startedMail = await waitForMail(CITIZEN.email, `Corrija los datos de su certificación: solicitud ${newNumber}`);
  expect(startedMail.text).toContain(NOTE);
  expect(startedMail.text).toContain(oldNumber);
  expect(startedMail.text).toContain(`/ciudadano/solicitudes/${newId}`);

  // 2. The holder: the draft is in her list; it says what it corrects and what to correct.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto("/ciudadano");
  await page.getByTestId("my-cases").locator("article").filter({ hasText: newNumber }).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/ciudadano/solicitudes/${newId}$`));
  await expect(page.getByTestId("reissue-of")).toContainText(`Reposición de ${oldNumber}`);
  await expect(page.getByTestId("reissue-note")).toHaveText(NOTE);
  await expectNoAxeViolations(page);
  // The data of the certification is there to correct: she corrects the holder's name and sends it.
  const holder = page.getByLabel("Titular del documento");
  await expect(holder).toHaveValue("María José Ixcot Chávez");
  await holder.fill(CORRECTED_HOLDER);
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado", { timeout: 15_000 });
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByText("En revisión en Atención al Ciudadano").first()).toBeVisible({ timeout: 15_000 });
  await signOut(page);

  // 3. The assistant signs and issues it: the same "Firmar y emitir", one signature.
  await signIn(page, ASSISTANT.email, ASSISTANT.password, /\/atencion$/);
  await page.goto(`/atencion/casos/${newId}`);
  await expect(page.getByTestId("reissue-of")).toContainText(`Reposición de ${oldNumber}`);
  await signWithCertificate(page, demoCertificate("central-assistant"), "Firmar y emitir");
  await expect(page.getByTestId("done-notice")).toContainText("emitida", { timeout: 30_000 });
  expect(await stateOf(page)).toBe("ISSUED");
  const issued = await page.request.get(`/api/cases/${newId}/document`);
  expect(issued.status()).toBe(200);
  // The issuance mail says which certification it replaces.
  expect((await waitForMail(CITIZEN.email, `Su certificación ${newNumber} fue emitida`)).text).toContain(`reemplaza a la de la solicitud ${oldNumber} (código de verificación ${oldCode})`);
  const pdfPath = path.join(tmpDir, "reposicion.pdf");
  await fs.writeFile(pdfPath, await issued.body());
  // The old case: revoked as replaced, with the new one listed as issued.
  await page.goto(`/atencion/casos/${oldId}`);
  expect(await stateOf(page)).toBe("REVOKED");
  await expect(page.getByTestId("reissue-list")).toContainText(newNumber);
  await signOut(page);

  // 4. The new PDF: one valid signature (pdfsig, demo root trusted), the corrected name, a new code.
  expectSignedPdf(pdfPath, nss, 1);
  expect(execFileSync("pdftotext", ["-layout", pdfPath, "-"], { encoding: "utf8" })).toContain(CORRECTED_HOLDER);
  const qr = await readVerificationQr(pdfPath, tmpDir, "reposicion");
  const newCode = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(qr)![1];
  expect(newCode).not.toBe(oldCode);
  await openIssuedVerification(page, qr);

  // 5. The old code's page links to the new one (the page is the verification workstream's).
  await page.goto(`/verificar/${oldCode}`);
  const replacedBy = page.getByTestId("replaced-by");
  await expect(replacedBy).toBeVisible();
  // The testid sits on the link itself or on the element around it.
  const link = (await replacedBy.evaluate((el) => el.tagName)) === "A" ? replacedBy : replacedBy.getByRole("link");
  await expect(link).toHaveAttribute("href", new RegExp(`/verificar/${newCode}(\\?|$)`));
});
