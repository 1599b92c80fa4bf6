import path from "node:path";
import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./helpers/test";
import type { TNssDb } from "../tests/helpers/pdfsig";
import { downloadSignedPdf, issueAsCentralAssistant, signAsDirector, stateOf } from "./helpers/case-page";
import { expectSignedPdf, trustDemoRoot } from "./helpers/check-issued-pdf";
import { E2E_PORT, E2E_SECOND_PORT } from "./helpers/e2e-env";
import { fileEducationalRecordAsCitizen } from "./helpers/file-educational-record";
import { registerAccount } from "./helpers/register-account";
import { signIn, signOut, tryRefusedSignIn } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir, writeTextPdf } from "./helpers/test-pdfs";

// Issue #15 §1: two production servers (scripts/e2e-server.mts starts the same build twice, on two
// ports, on one PostgreSQL and one storage folder, as two machines behind a load balancer) share
// everything a person's work depends on. A D.1.1 case walks across them (citizen on A, reviewer on
// B, signer on A, central on B); a session opened on A works on B; failed sign-ins counted on A
// hold on B; and the same transition sent to both at once is taken exactly once.

const A = `http://localhost:${E2E_PORT}`;
const B = `http://localhost:${E2E_SECOND_PORT}`;
const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const REVIEWER = { email: "revisora.guatemala-norte@demo.certifica.gt", password: "RevisaNorte2026" };
const SIGNER = { email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };
const RUN = `Instancias${randomBytes(3).toString("hex")}`;

let tmpDir: string;
let scanPdf: string;
let nss: TNssDb;
let onB: BrowserContext;

test.beforeAll(async ({ browser }) => {
  tmpDir = await makeTmpDir("certifica-e2e-two-");
  scanPdf = await writeTextPdf(path.join(tmpDir, "certificado.pdf"), ["Certificado de estudios - Anverso", "Certificado de estudios - Reverso"]);
  nss = await trustDemoRoot(tmpDir);
  // The second instance starts beside the first; Playwright waits only for the first.
  await expect.poll(async () => (await fetch(`${B}/ingresar`).catch(() => null))?.status ?? 0, { timeout: 120_000 }).toBe(200);
  onB = await browser.newContext({ baseURL: B, locale: "es-GT" });
});

test.afterAll(async () => {
  await onB?.close();
  await removeTmpDir(tmpDir);
});

// Sends the reviewer's "Generar" from two tabs at once, one on each instance.
async function generateOnBothAtOnce(tabA: Page, tabB: Page, caseId: string): Promise<void> {
  for (const tab of [tabA, tabB]) {
    await tab.goto(`/dideduc/casos/${caseId}`);
    const form = tab.getByRole("form", { name: "Generar certificación y trasladar a firma" });
    for (const box of await form.getByRole("checkbox").all()) await box.check();
  }
  const submit = (tab: Page) => tab.getByRole("form", { name: "Generar certificación y trasladar a firma" }).getByRole("button", { name: "Generar certificación y trasladar a firma" }).click();
  await Promise.all([submit(tabA), submit(tabB)]);
}

// What a tab shows once its request has been answered: the done notice, or the form's refusal.
async function outcomeOf(tab: Page): Promise<"done" | "refused"> {
  const done = tab.getByTestId("done-notice");
  const refused = tab.locator("#generate-form-error");
  await expect(done.or(refused)).toBeVisible({ timeout: 60_000 });
  return (await done.isVisible()) ? "done" : "refused";
}

test("dos instancias sobre una base y un almacenamiento: una solicitud D.1.1 las recorre, la sesión y el límite de intentos valen en ambas, y una acción simultánea se aplica una vez", async ({ page }) => {
  test.setTimeout(300_000);
  const pageB = await onB.newPage();

  // The citizen files on A; her session, opened on A, works on B (one cookie, one secret, one database).
  const caseId = await fileEducationalRecordAsCitizen(page, CITIZEN, `Ixcamparic ${RUN}`, scanPdf);
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto(`${B}/ciudadano/solicitudes/${caseId}`);
  await expect(page).toHaveURL(`${B}/ciudadano/solicitudes/${caseId}`);
  await expect(page.getByText("En revisión en la Dirección Departamental").first()).toBeVisible();
  await signOut(page);

  // The reviewer, signed in on B, opens the case on both instances and sends "Generar" from both at
  // once: exactly one is applied, the other is refused with a message, and the case moved once.
  await signIn(pageB, REVIEWER.email, REVIEWER.password, /\/dideduc$/);
  // Same host, so the session cookie B's sign-in set goes to A too: one session on both.
  const tabA = await onB.newPage();
  await tabA.goto(`${A}/dideduc`);
  await expect(tabA).toHaveURL(`${A}/dideduc`);
  await generateOnBothAtOnce(tabA, pageB, caseId);
  const outcomes = [await outcomeOf(tabA), await outcomeOf(pageB)].sort();
  expect(outcomes).toEqual(["done", "refused"]);
  for (const tab of [tabA, pageB]) {
    await tab.reload();
    expect(await stateOf(tab)).toBe("DIDEDUC_SIGNATURE");
    // One generation in the case's history, as each instance shows it.
    await expect(tab.getByTestId("case-timeline").getByText("Certificación generada y trasladada a firma")).toHaveCount(1);
  }
  await tabA.close();
  await signOut(pageB);

  // The director signs on A.
  await signAsDirector(page, SIGNER, caseId);

  // The central assistant countersigns and issues on B, with the file A stored.
  await issueAsCentralAssistant(pageB, ASSISTANT, caseId);

  // The citizen downloads on A what B issued: two valid signatures.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  const pdfPath = await downloadSignedPdf(page, caseId, tmpDir, "emitida.pdf");
  await signOut(page);
  expectSignedPdf(pdfPath, nss, 2);

  // Five wrong passwords on A make this machine wait on B too, even with the right password.
  const email = `instancias.${Date.now()}@example.com`;
  const password = "Guatemala-2026";
  await registerAccount(page, { name: "Berta Lidia Chávez Yax", email, password });
  // Signed out as signOut does: off the page first, so no request still in flight from it brings a
  // refreshed session cookie back after the cookies are cleared (the next sign-in would then find
  // the new account still signed in).
  await signOut(page);
  const refusals: string[] = [];
  for (let attempt = 1; attempt <= 5; attempt++) refusals.push(await tryRefusedSignIn(page, email, `Incorrecta-${attempt}`, `${A}/ingresar`));
  expect(refusals[4]).toContain("Demasiados intentos fallidos");
  expect(await tryRefusedSignIn(pageB, email, password, `${B}/ingresar`)).toContain("Demasiados intentos fallidos");
  await expect(pageB).toHaveURL(/\/ingresar/);
});
