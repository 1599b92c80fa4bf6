import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./helpers/test";
import { runPdfsig, type TNssDb } from "../tests/helpers/pdfsig";
import { signWithCertificate } from "./helpers/case-page";
import { expectSignedPdf, trustDemoRoot } from "./helpers/check-issued-pdf";
import { demoCertificate as certificate, type TDemoCertificateFile } from "./helpers/demo-certificate";
import { E2E_PORT } from "./helpers/e2e-env";
import { fileEducationalRecordAsCitizen } from "./helpers/file-educational-record";
import { signIn, signOut } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir, writeTextPdf } from "./helpers/test-pdfs";

// Issue #3, staff side of D.1.1: the reviewer's queue and case view, the director's signature with
// refusals (wrong passphrase, a certificate outside the registry, an expired one) and the double
// click that must still sign once. Every case here is new, with names unique to this run, so the
// tests do not depend on what other suites did to the demo data: on a PostgreSQL e2e database they
// are filed through the domain (e2e/staff-fixtures.mts), otherwise through the citizen's screens.

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const REVIEWER_GN = { email: "revisora.guatemala-norte@demo.certifica.gt", password: "RevisaNorte2026" };
const REVIEWER_XELA = { email: "revisora.quetzaltenango@demo.certifica.gt", password: "RevisaXela2026" };
const SIGNER_GN = { email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026" };
// Reviews Guatemala Norte's cases by the Director's delegation (seed): the second reviewer of "Tomar".
const DELEGATE_GN = { email: "delegado.guatemala-norte@demo.certifica.gt", password: "DelegaNorte2026" };
const COORDINATOR = { email: "coordinadora.central@demo.certifica.gt", password: "Coordina2026" };
const OTHER_CITIZEN = { email: "ciudadano@demo.certifica.gt", password: "Ciudadano2026" };

// Unique to this run: searching for it finds exactly the cases filed here.
const RUN = `Qa${randomBytes(3).toString("hex")}`;

let tmpDir: string;
let scanPdf: string;
let nss: TNssDb;

test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-staff-");
  scanPdf = await writeTextPdf(path.join(tmpDir, "certificado-sexto.pdf"), ["Certificado de estudios - Anverso", "Certificado de estudios - Reverso"]);
  nss = await trustDemoRoot(tmpDir);
});

test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

type TFiled = { id: string; lastNames: string };

// Submitted D.1.1 requests of the demo citizen for Guatemala Norte, in this order (oldest first).
async function fileCases(page: Page, lastNames: string[]): Promise<TFiled[]> {
  if (!process.env.TEST_DATABASE_URL) {
    const filed: TFiled[] = [];
    for (const name of lastNames) filed.push(await fileCaseAsCitizen(page, name));
    return filed;
  }
  const result = spawnSync(
    "npx",
    ["tsx", "--tsconfig", "e2e/staff-fixtures.tsconfig.json", "e2e/staff-fixtures.mts", JSON.stringify({ cases: lastNames.map((n) => ({ lastNames: n })) })],
    { encoding: "utf8", env: { ...process.env, APP_BASE_URL: `http://localhost:${E2E_PORT}` } },
  );
  if (result.status !== 0) throw new Error(`staff-fixtures falló: ${result.stderr}`);
  const created = JSON.parse(result.stdout) as Array<TFiled & { state: string }>;
  for (const c of created) expect(c.state).toBe("DIDEDUC_REVIEW");
  return created;
}

// The citizen files a D.1.1 request for Guatemala Norte through her own screens.
async function fileCaseAsCitizen(page: Page, lastNames: string): Promise<TFiled> {
  return { id: await fileEducationalRecordAsCitizen(page, CITIZEN, lastNames, scanPdf), lastNames };
}

async function openAsReviewer(page: Page, caseId: string): Promise<void> {
  await page.goto(`/dideduc/casos/${caseId}`);
  await expect(page.getByTestId("case-number")).toBeVisible();
}

// The reviewer ticks the checklist and sends the certification to the director.
async function generateCertification(page: Page, caseId: string): Promise<void> {
  await signIn(page, REVIEWER_GN.email, REVIEWER_GN.password, /\/dideduc$/);
  await openAsReviewer(page, caseId);
  const form = page.getByRole("form", { name: "Generar certificación y trasladar a firma" });
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByRole("button", { name: "Generar certificación y trasladar a firma" }).click();
  await expect(page.getByTestId("done-notice")).toContainText("trasladada a la firma", { timeout: 30_000 });
  await expect(page.locator("[data-state]").first()).toHaveAttribute("data-state", "DIDEDUC_SIGNATURE");
  await signOut(page);
}

async function stateOf(page: Page): Promise<string | null> {
  return page.locator("h1 ~ p [data-state]").first().getAttribute("data-state");
}

function sign(page: Page, cert: TDemoCertificateFile, label = "Firmar certificación"): Promise<void> {
  return signWithCertificate(page, cert, label);
}

test.describe.serial("D.1.1 en la DIDEDUC", () => {
  let first: TFiled;
  let second: TFiled;

  test("the reviewer's queue: own DIDEDUC, oldest first, filters and search by name or number", async ({ page }) => {
    [first, second] = await fileCases(page, [`Primero ${RUN}`, `Segundo ${RUN}`]);

    await signIn(page, REVIEWER_GN.email, REVIEWER_GN.password, /\/dideduc$/);
    await expect(page.getByRole("heading", { level: 1, name: "Revisión departamental" })).toBeVisible();
    // Issue #14: the queue opens on the cases she can act on now; every state is one filter away.
    await expect(page.getByLabel("Estado")).toHaveValue("");
    await expect(page.getByLabel("Estado").locator("option:checked")).toHaveText("Requiere mi acción");
    await expect(page.getByTestId("queue-total")).toContainText("que requieren su acción");

    // Search by a name both share: both rows, the older first, each with its days waiting (filed today).
    await page.getByLabel("Buscar por número, CUI o nombre").fill(RUN);
    await page.getByRole("button", { name: "Filtrar" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${RUN}`));
    const rows = page.getByTestId("queue-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(`Primero ${RUN}`);
    await expect(rows.nth(1)).toContainText(`Segundo ${RUN}`);
    for (const row of await rows.all()) {
      await expect(row.getByTestId("days-in-stage")).toHaveText("0 días");
      await expect(row.getByTestId("days-total")).toHaveText("0 días");
    }

    // Search by the case number: only that case.
    const number = await rows.nth(1).getAttribute("data-case-number");
    expect(number).toMatch(/^EE-\d{4}-\d{6}$/);
    await page.goto(`/dideduc?q=${encodeURIComponent(number!)}`);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(`Segundo ${RUN}`);
    await expect(page.getByLabel("Buscar por número, CUI o nombre")).toHaveValue(number!);

    // Filter by state: every row is in that state; a state none of these cases is in hides them.
    await page.goto(`/dideduc?estado=DIDEDUC_REVIEW&q=${RUN}`);
    await expect(rows).toHaveCount(2);
    for (const badge of await rows.locator("[data-state]").all()) await expect(badge).toHaveAttribute("data-state", "DIDEDUC_REVIEW");
    await expect(page.getByLabel("Estado")).toHaveValue("DIDEDUC_REVIEW");
    await page.goto(`/dideduc?estado=ISSUED&q=${RUN}`);
    await expect(rows).toHaveCount(0);
    await expect(page.getByTestId("queue-empty")).toBeVisible();

    // Filter by procedure, through the form (a plain GET: the address carries the filters).
    await page.goto(`/dideduc?q=${RUN}`);
    await page.getByLabel("Trámite").selectOption("EDUCATIONAL_RECORD");
    await page.getByRole("button", { name: "Filtrar" }).click();
    await expect(page).toHaveURL(/tramite=EDUCATIONAL_RECORD/);
    await expect(rows).toHaveCount(2);
    await page.getByLabel("Trámite").selectOption("DIPLOMA_BEFORE_2005");
    await page.getByRole("button", { name: "Filtrar" }).click();
    await expect(rows).toHaveCount(0);

    // Service levels (decision 0022): the demo seed files a D.1.1 request 8 business days ago, past
    // the DIDEDUC review's 5: «Vencida» in words and colour, its due date, and the colours pass axe's contrast check.
    await page.goto("/dideduc");
    const overdue = rows.filter({ has: page.locator("[data-service-level=OVERDUE]") }).first();
    await expect(overdue.getByTestId("service-level")).toContainText("Vencida");
    await expect(overdue.getByTestId("service-level")).toContainText("Venció el");
    expect((await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze()).violations).toEqual([]);

    // No automatic accessibility violations in the queue…
    await page.goto(`/dideduc?q=${RUN}`);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    // Cases filed today are on time: a due date, no «Vencida» or «Por vencer» label.
    for (const row of await rows.all()) await expect(row.getByTestId("service-level")).toContainText("Vence el");
    await expect(rows.locator("[data-service-level=OVERDUE], [data-service-level=DUE_SOON]")).toHaveCount(0);

    // …or in the case view, which shows the typed data beside the scan, embedded through the file route.
    await rows.first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/dideduc/casos/${first.id}$`));
    await expect(page.getByTestId("case-summary")).toContainText(`Primero ${RUN}`);
    // The PDF viewer inside the frame is the browser's own, not ours.
    expect((await new AxeBuilder({ page }).exclude("iframe").analyze()).violations.map((v) => v.id)).toEqual([]);
    const frame = page.getByTestId("case-files").locator("iframe").first();
    const src = await frame.getAttribute("src");
    expect(src).toMatch(/^\/api\/files\//);
    const file = await page.request.get(src!);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    expect(file.headers()["cache-control"]).toBe("private, no-store");
    expect(file.headers()["x-content-type-options"]).toBe("nosniff");
    expect(file.headers()["content-disposition"]).toMatch(/^inline; filename="certificado-sexto\.pdf"/);
    expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("another DIDEDUC's reviewer opening a Guatemala Norte case by URL finds nothing", async ({ page }) => {
    await signIn(page, REVIEWER_GN.email, REVIEWER_GN.password, /\/dideduc$/);
    await openAsReviewer(page, first.id);
    const fileSrc = await page.getByTestId("case-files").locator("iframe").first().getAttribute("src");
    await signOut(page);

    await signIn(page, REVIEWER_XELA.email, REVIEWER_XELA.password, /\/dideduc$/);
    const response = await page.goto(`/dideduc/casos/${first.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "No encontramos esta página" })).toBeVisible();
    await expect(page.getByText(`Primero ${RUN}`)).toHaveCount(0);
    // Nor does it appear in her queue (any state), nor do its scan and document routes answer.
    await page.goto(`/dideduc?estado=todos&q=${RUN}`);
    await expect(page.getByTestId("queue-row")).toHaveCount(0);
    expect((await page.request.get(fileSrc!)).status()).toBe(404);
    expect((await page.request.get(`/api/cases/${first.id}/document`)).status()).toBe(404);
    expect((await page.request.get(`/api/cases/${first.id}/preview`)).status()).toBe(404);
    // An id that does not exist reads the same.
    expect((await page.goto("/dideduc/casos/no-existe-esta-solicitud"))?.status()).toBe(404);
  });

  test("the reviewer requests a correction: the reason is required, then the case goes back to the citizen", async ({ page }) => {
    await signIn(page, REVIEWER_GN.email, REVIEWER_GN.password, /\/dideduc$/);
    await openAsReviewer(page, second.id);
    // The workflow offers the reviewer's three actions here, with its labels.
    await expect(page.getByRole("button", { name: "Rechazar para corrección" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Rechazar e indicar dónde acudir" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Generar certificación y trasladar a firma" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Vista previa de la certificación/ })).toBeVisible();

    const form = page.getByRole("form", { name: "Rechazar para corrección" });
    await form.getByRole("button", { name: "Rechazar para corrección" }).click();
    const reason = form.getByLabel("Qué debe corregir la persona");
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(form.locator("#reject_for_correction-reason-error")).toContainText("Indique el motivo");
    expect(await stateOf(page)).toBe("DIDEDUC_REVIEW");

    await reason.fill("El reverso del certificado de sexto grado no se lee; escanéelo de nuevo.");
    await form.getByRole("button", { name: "Rechazar para corrección" }).click();
    await expect(page.getByTestId("done-notice")).toContainText("devuelta a la persona");
    expect(await stateOf(page)).toBe("NEEDS_CORRECTION");
    await expect(page.getByTestId("last-note")).toContainText("no se lee");
    await expect(page.getByTestId("case-timeline")).toContainText("Se solicitó una corrección");
    await expect(page.getByTestId("no-actions")).toBeVisible();
  });

  test("the reviewer rejects with guidance: the office comes from the DIDEDUC's directory and stays editable", async ({ page }) => {
    const [third] = await fileCases(page, [`Tercero ${RUN}`]);
    await signIn(page, REVIEWER_GN.email, REVIEWER_GN.password, /\/dideduc$/);
    await openAsReviewer(page, third.id);
    const form = page.getByRole("form", { name: "Rechazar e indicar dónde acudir" });
    const office = form.getByLabel("Supervisión Educativa del directorio");
    const labels = await office.locator("option").allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    // The seed's offices are invented: each is marked in the directory (issue #12), and the name copied is the office's own.
    for (const label of labels) expect(label).toMatch(/ \(dato de demostración\)$/);
    await expect(form.getByTestId("demo-data-mark")).toContainText("Dato de demostración");
    const options = labels.map((label) => label.replace(/ \(dato de demostración\)$/, ""));
    // Prefilled from the directory; picking another office copies its data.
    await expect(form.getByLabel("Nombre de la oficina")).toHaveValue(options[0]);
    if (options.length > 1) {
      await office.selectOption({ label: labels[1] });
      await expect(form.getByLabel("Nombre de la oficina")).toHaveValue(options[1]);
    }
    // Sent without a reason and without the office's name: the alert lists both, each link leads to
    // its field (the reason's id carries the action), and nothing changed.
    await form.getByLabel("Nombre de la oficina").fill("");
    await form.getByRole("button", { name: "Rechazar e indicar dónde acudir" }).click();
    const alert = page.locator("#guidance-form-error");
    await expect(alert).toBeVisible();
    await expect(alert.getByRole("link")).toHaveCount(2);
    expect(await stateOf(page)).toBe("DIDEDUC_REVIEW");
    await alert.getByRole("link").first().click();
    await expect(form.getByLabel("Motivo del rechazo")).toBeFocused();
    await alert.getByRole("link").nth(1).click();
    await expect(form.getByLabel("Nombre de la oficina")).toBeFocused();
    await expect(form.getByLabel("Teléfono")).toHaveValue(/./);
    await form.getByLabel("Nombre de la oficina").fill(options.at(-1)!);
    await form.getByLabel("Teléfono").fill("2232-0000");
    await form.getByLabel("Motivo del rechazo").fill("Los registros de 2009 de ese establecimiento están en la supervisión del distrito.");
    await form.getByRole("button", { name: "Rechazar e indicar dónde acudir" }).click();
    await expect(page.getByTestId("done-notice")).toContainText("dónde acudir");
    expect(await stateOf(page)).toBe("REJECTED");
    await expect(page.getByTestId("case-timeline")).toContainText("Rechazada con indicaciones de dónde acudir");
    await expect(page.getByTestId("no-actions")).toBeVisible();
  });

  test('"Tomar" (issue #14): Lucía takes a case; the second reviewer sees "En revisión por Lucía…" and his action is refused, nothing changed', async ({ page }) => {
    // A word of its own (not RUN): the other tests' searches by RUN keep their counts.
    const tag = `${RUN}tomar`;
    const [held] = await fileCases(page, [`Tomada ${tag}`]);
    await signIn(page, REVIEWER_GN.email, REVIEWER_GN.password, /\/dideduc$/);
    await openAsReviewer(page, held.id);
    await expect(page.getByTestId("case-holder")).toContainText("Nadie tiene tomada esta solicitud");
    await page.getByRole("button", { name: "Tomar", exact: true }).click();
    await expect(page.getByTestId("done-notice")).toContainText("Usted tomó esta solicitud");
    await expect(page.getByTestId("case-holder")).toContainText("Usted tiene tomada esta solicitud");
    await signOut(page);

    await signIn(page, DELEGATE_GN.email, DELEGATE_GN.password, /\/dideduc$/);
    await page.goto(`/dideduc?estado=todos&q=${tag}`);
    await expect(page.getByTestId("queue-row")).toHaveCount(1);
    await expect(page.getByTestId("queue-holder")).toHaveText(/^En revisión por Lucía Fernanda Xitumul Pérez desde las \d\d:\d\d\.$/);
    await openAsReviewer(page, held.id);
    await expect(page.getByTestId("case-holder")).toContainText("En revisión por Lucía Fernanda Xitumul Pérez");
    await expect(page.getByRole("button", { name: "Tomar", exact: true })).toHaveCount(0);
    // Acting anyway (the buttons stay: she may go idle) is refused with her name.
    const form = page.getByRole("form", { name: "Rechazar para corrección" });
    await form.getByLabel("Qué debe corregir la persona").fill("El reverso no se lee.");
    await form.getByRole("button", { name: "Rechazar para corrección" }).click();
    await expect(form.getByRole("alert")).toContainText("En revisión por Lucía Fernanda Xitumul Pérez");
    expect(await stateOf(page)).toBe("DIDEDUC_REVIEW");
    await expect(form.getByLabel("Qué debe corregir la persona")).toHaveValue("El reverso no se lee.");
  });

  test("the director's signature: refusals change nothing, and a double click signs exactly once", async ({ page }) => {
    await generateCertification(page, first.id);

    await signIn(page, SIGNER_GN.email, SIGNER_GN.password, /\/direccion$/);
    await page.goto(`/direccion?estado=DIDEDUC_SIGNATURE&q=${RUN}`);
    await expect(page.getByTestId("queue-row")).toHaveCount(1);
    await page.getByTestId("queue-row").getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/direccion/casos/${first.id}$`));
    expect(await stateOf(page)).toBe("DIDEDUC_SIGNATURE");
    // The certification to sign is shown: the unsigned version.
    const preview = await page.request.get(`/api/cases/${first.id}/document?stage=UNSIGNED`);
    expect(preview.status()).toBe(200);
    expect(preview.headers()["content-type"]).toBe("application/pdf");
    expect(runPdfsigOn(await preview.body(), "sin-firmar.pdf").signatures).toHaveLength(0);

    // Wrong passphrase: refused next to the field, nothing changed.
    const own = certificate("signer-guatemala-norte");
    await sign(page, { file: own.file, passphrase: "no-es-la-contrasena" });
    const passphraseError = page.locator("#passphrase-error");
    await expect(passphraseError).toBeVisible({ timeout: 20_000 });
    await expect(passphraseError).toContainText(/contraseña/i);
    await expect(page.getByLabel("Contraseña del certificado")).toHaveValue("");
    await page.reload();
    expect(await stateOf(page)).toBe("DIDEDUC_SIGNATURE");

    // Another DIDEDUC's director's certificate, with its right passphrase: not in this DIDEDUC's registry.
    await sign(page, certificate("signer-quetzaltenango"));
    await expect(page.locator("#sign-form-error")).toContainText(/registro|autorizad/i, { timeout: 20_000 });
    await page.reload();
    expect(await stateOf(page)).toBe("DIDEDUC_SIGNATURE");

    // His own previous certificate, registered but expired.
    await sign(page, certificate("expired-signer"));
    await expect(page.locator("#sign-form-error")).toContainText(/vigente|venci/i, { timeout: 20_000 });
    await page.reload();
    expect(await stateOf(page)).toBe("DIDEDUC_SIGNATURE");
    expect((await page.request.get(`/api/cases/${first.id}/document?stage=DIDEDUC_SIGNED`)).status()).toBe(404);

    // Back to the case from his default queue («Requiere mi acción»: the one case of this run waiting
    // for his signature; the one sent back for correction and the rejected one are not his to act on), so that Back after
    // signing (below) is the app's own navigation, restored from its cache.
    await page.goto(`/direccion?q=${RUN}`);
    await expect(page.getByLabel("Estado").locator("option:checked")).toHaveText("Requiere mi acción");
    await expect(page.getByTestId("queue-row")).toHaveCount(1);
    await expect(page.getByTestId("queue-row").locator("[data-state]")).toHaveAttribute("data-state", "DIDEDUC_SIGNATURE");
    await page.getByTestId("queue-row").getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/direccion/casos/${first.id}$`));

    // A second tab opened on the same version, before signing.
    const other = await openSecondTab(page, first.id);

    // Double click on sign: one signature.
    const form = page.getByRole("form", { name: "Firmar certificación" });
    await form.getByLabel("Archivo del certificado (.p12)").setInputFiles(own.file);
    await form.getByLabel("Contraseña del certificado").fill(own.passphrase);
    await form.getByRole("button", { name: "Firmar certificación" }).dblclick();
    await expect(page.getByTestId("done-notice")).toContainText("firmada", { timeout: 30_000 });
    expect(await stateOf(page)).toBe("CENTRAL_REVIEW");

    // The other tab signs the version it showed: told that the case changed, nothing added.
    await sign(other, own);
    await expect(other.locator("#sign-form-error")).toContainText(/modificó|estado actual/, { timeout: 20_000 });
    await expect(other.getByTestId("outdated-notice")).toBeVisible();
    await other.close();

    const signed = await page.request.get(`/api/cases/${first.id}/document?stage=DIDEDUC_SIGNED`);
    expect(signed.status()).toBe(200);
    const result = runPdfsigOn(await signed.body(), "firmado-dideduc.pdf");
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures[0].signatureValidation).toBe("Signature is Valid.");
    expect(result.signatures[0].totalDocumentSigned).toBe(true);
    expect(result.signatures[0].commonName).toContain("José Antonio Pérez Gómez");

    // Issue #14 §5: Back after signing goes to the queue he came from, which shows it as it is now
    // (nothing left to sign there), never the case with its sign form; Forward shows the case as it is now.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/direccion\\?q=${RUN}$`));
    await expect(page.getByTestId("queue-empty")).toBeVisible();
    await expect(page.getByTestId("queue-row")).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Firmar certificación" })).toHaveCount(0);
    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`/direccion/casos/${first.id}\\?hecho=sign$`));
    await expect(page.locator("h1 ~ p [data-state]").first()).toHaveAttribute("data-state", "CENTRAL_REVIEW");
    await expect(page.getByRole("button", { name: "Firmar certificación" })).toHaveCount(0);
    // Nor does the browser keep the page itself (a dynamic page: no-store).
    expect((await page.request.get(`/direccion/casos/${first.id}`)).headers()["cache-control"]).toContain("no-store");

    await page.reload();
    const timeline = page.getByTestId("case-timeline");
    await expect(timeline.getByText("Certificación firmada por la Dirección Departamental")).toHaveCount(1);
  });

  test("the central office sees the signature report; the coordinator signs and issues; the citizen downloads", async ({ page }) => {
    await signIn(page, COORDINATOR.email, COORDINATOR.password, /\/atencion$/);
    // Issue #14: her queue opens on «Requiere mi acción»: of this run's cases, only the one waiting
    // for the central review, with its days waiting; the one the DIDEDUC rejected is one filter away.
    await page.goto(`/atencion?q=${RUN}`);
    await expect(page.getByLabel("Estado").locator("option:checked")).toHaveText("Requiere mi acción");
    await expect(page.getByTestId("queue-total")).toContainText("1 solicitud que requiere su acción");
    const rows = page.getByTestId("queue-row");
    await expect(rows).toHaveCount(1);
    await expect(rows.first().locator("[data-state]")).toHaveAttribute("data-state", "CENTRAL_REVIEW");
    await expect(rows.first().getByTestId("days-in-stage")).toHaveText("0 días");
    await expect(rows.first().getByTestId("days-total")).toHaveText("0 días");
    await page.goto(`/atencion?estado=todos&q=${RUN}`);
    await expect(rows).toHaveCount(2);
    await expect(rows.locator("[data-state=REJECTED]")).toHaveCount(1);
    await page.goto(`/atencion?estado=CENTRAL_REVIEW&q=${RUN}`);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Guatemala Norte");
    await rows.first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/atencion/casos/${first.id}$`));

    // The automatic report: one signature, the Guatemala Norte director's, every check passed, in words.
    await expect(page.getByTestId("signature-report-summary")).toContainText("Correcto");
    const item = page.getByTestId("signature-report-item");
    await expect(item).toHaveCount(1);
    await expect(item).toContainText("José Antonio Pérez Gómez");
    await expect(item.getByTestId("signature-fingerprint")).toHaveText(/^[0-9a-f:]{64,}$/i);
    for (const check of ["check-intact", "check-covers", "check-authorized", "check-valid"]) {
      await expect(item.getByTestId(check)).toHaveAttribute("data-ok", "true");
    }
    await expect(item.getByTestId("check-authorized")).toContainText("Firmante autorizado");

    // The coordinator may do what the assistant does ("en ausencia de la persona encargada").
    await expect(page.getByRole("button", { name: "Devolver a la firma de la Dirección Departamental" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Devolver a la revisión técnica de la Dirección Departamental" })).toBeVisible();
    await sign(page, certificate("central-coordinator"), "Firmar y emitir");
    await expect(page.getByTestId("done-notice")).toContainText("emitida", { timeout: 30_000 });
    expect(await stateOf(page)).toBe("ISSUED");

    const issued = await page.request.get(`/api/cases/${first.id}/document`);
    expect(issued.status()).toBe(200);
    // Two signatures, valid and trusted, then the DSS and the document timestamp (PAdES B-LTA).
    const issuedFile = path.join(tmpDir, `${++pdfCounter}-emitido.pdf`);
    writeFileSync(issuedFile, await issued.body());
    expectSignedPdf(issuedFile, nss, 2);
    await signOut(page);

    // The applicant downloads the issued file ("Descargar PDF firmado" points here); another citizen cannot.
    await signIn(page, CITIZEN.email, CITIZEN.password);
    const mine = await page.request.get(`/api/cases/${first.id}/document?descargar=1`);
    expect(mine.status()).toBe(200);
    expect(mine.headers()["content-disposition"]).toMatch(/^attachment; filename="certificacion-EE-\d{4}-\d{6}-firmado\.pdf"/);
    expect((await mine.body()).equals(await issued.body())).toBe(true);
    // Earlier stages stay with the staff.
    expect((await page.request.get(`/api/cases/${first.id}/document?stage=UNSIGNED`)).status()).toBe(404);
    await signOut(page);
    await signIn(page, OTHER_CITIZEN.email, OTHER_CITIZEN.password);
    expect((await page.request.get(`/api/cases/${first.id}/document`)).status()).toBe(404);
    await signOut(page);
    expect((await page.request.get(`/api/cases/${first.id}/document`)).status()).toBe(401);
  });
});

let pdfCounter = 0;
function runPdfsigOn(bytes: Buffer, name: string) {
  const file = path.join(tmpDir, `${++pdfCounter}-${name}`);
  writeFileSync(file, bytes);
  return runPdfsig(file, nss);
}

// Same session, second tab: what a director who left the case open twice would do.
async function openSecondTab(page: Page, caseId: string): Promise<Page> {
  const tab = await page.context().newPage();
  await tab.goto(`/direccion/casos/${caseId}`);
  await expect(tab.getByRole("button", { name: "Firmar certificación" })).toBeVisible();
  return tab;
}
