import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runPdfsig, type TNssDb } from "../tests/helpers/pdfsig";
import { expectNoAxeViolations, stateOf } from "./helpers/case-page";
import { expectSignedPdf, trustDemoRoot } from "./helpers/check-issued-pdf";
import { demoCertificate } from "./helpers/demo-certificate";
import { E2E_PORT } from "./helpers/e2e-env";
import { signIn, signOut } from "./helpers/sign-in";
import { expect, test, type Page, type Request } from "./helpers/test";
import { makeTmpDir, removeTmpDir } from "./helpers/test-pdfs";

// Issue #13: signing in the browser. The .p12 is opened in the page (lib/signing/browser), the
// server prepares the document and sends the signed attributes, the browser returns only the
// signature value (prepare/complete, decision 0017). One case from its page, then batches from the
// queues: a DIDEDUC director's five D.1.1 cases with one returned from another tab meanwhile, and
// the central assistant signing and issuing a batch. Cases are made for this run through the
// domain (e2e/staff-fixtures.mts, PostgreSQL e2e database), with names unique to it.

const SIGNER_GN = { email: "firmante.guatemala-norte@demo.certifica.gt", password: "FirmaNorte2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };
const RUN = `Lote${randomBytes(3).toString("hex")}`;

let tmpDir: string;
let nss: TNssDb;
let pdfCounter = 0;

test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-browser-signing-");
  nss = await trustDemoRoot(tmpDir);
});

test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

type TCase = { id: string; number: string; lastNames: string; state: string };

// D.1.1 cases of the demo citizen for Guatemala Norte: "generate" → waiting for the director's
// signature, "sign" → signed by him (server-side fixture), waiting for the central office.
function makeCases(lastNames: string[], stage: "generate" | "sign"): TCase[] {
  if (!process.env.TEST_DATABASE_URL) throw new Error("browser-signing.spec.ts crea sus solicitudes en PostgreSQL: defina TEST_DATABASE_URL");
  const result = spawnSync(
    "npx",
    ["tsx", "--tsconfig", "e2e/staff-fixtures.tsconfig.json", "e2e/staff-fixtures.mts", JSON.stringify({ cases: lastNames.map((n) => ({ lastNames: n, [stage]: true })) })],
    { encoding: "utf8", env: { ...process.env, APP_BASE_URL: `http://localhost:${E2E_PORT}` } },
  );
  if (result.status !== 0) throw new Error(`staff-fixtures falló: ${result.stderr}`);
  const created = JSON.parse(result.stdout) as TCase[];
  for (const c of created) expect(c.state).toBe(stage === "generate" ? "DIDEDUC_SIGNATURE" : "CENTRAL_REVIEW");
  return created;
}

async function savePdf(page: Page, url: string, name: string): Promise<string> {
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  const file = path.join(tmpDir, `${++pdfCounter}-${name}.pdf`);
  writeFileSync(file, await response.body());
  return file;
}

// The DIDEDUC-signed version: one signature, valid and trusted through the demo root, covering the file (pdfsig, qpdf).
async function expectDideducSigned(page: Page, caseId: string): Promise<void> {
  const file = await savePdf(page, `/api/cases/${caseId}/document?stage=DIDEDUC_SIGNED`, "firmado-dideduc");
  const report = runPdfsig(file, nss);
  expect(report.signatures).toHaveLength(1);
  expect(report.signatures[0].signatureValidation).toBe("Signature is Valid.");
  expect(report.signatures[0].certificateValidation).toBe("Certificate is Trusted.");
  expect(report.signatures[0].totalDocumentSigned).toBe(true);
  expect(report.signatures[0].commonName).toContain("José Antonio Pérez Gómez");
}

// Reported, not asserted (a shared machine): the browser's own time per signature.
// The wall time per case (prepare, sign, complete with timestamp and validation) is given beside it.
function reportSignatureTime(what: string, ms: string | null, wallMs: number, count: number): void {
  const description = `${what}: ${ms ?? "?"} ms por firma en Chromium (solo la firma con la clave); ${(wallMs / count / 1000).toFixed(1)} s por solicitud en total, con el servidor`;
  test.info().annotations.push({ type: "browser-signature-time", description });
  console.log(description);
}

// Issue #14: a queue's default view («Requiere mi acción») for this run's cases lists exactly these,
// oldest first, each with its days waiting (all filed today).
async function expectDefaultQueue(page: Page, queue: string, cases: readonly TCase[]): Promise<void> {
  await page.goto(`${queue}?q=${RUN}`);
  await expect(page.getByLabel("Estado").locator("option:checked")).toHaveText("Requiere mi acción");
  const rows = page.getByTestId("queue-row");
  await expect(rows).toHaveCount(cases.length);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-case-number")))).toEqual(cases.map((c) => c.number));
  await expect(rows.getByTestId("days-in-stage").filter({ hasNotText: "0 días" })).toHaveCount(0);
  await expect(rows.getByTestId("days-total").filter({ hasNotText: "0 días" })).toHaveCount(0);
}

// Ticks the queue's rows of these cases and opens the review screen with "Firmar seleccionadas".
async function chooseInQueue(page: Page, queue: string, state: string, cases: readonly TCase[]): Promise<void> {
  await page.goto(`${queue}?estado=${state}&q=${RUN}`);
  for (const c of cases) {
    await page.getByRole("checkbox", { name: `Seleccionar ${c.number} para firmar` }).check();
  }
  await expect(page.getByTestId("batch-count")).toHaveText(`${cases.length} solicitudes seleccionadas.`);
  await page.getByRole("button", { name: "Firmar seleccionadas" }).click();
  await expect(page).toHaveURL(new RegExp(`${queue}/firmar\\?`));
  await expect(page.getByTestId("batch-row")).toHaveCount(cases.length);
}

test.describe.serial("Firma en el navegador (issue #13)", () => {
  // This run's cases the director has signed and the central office has not yet acted on, oldest first.
  const awaitingCentral: TCase[] = [];

  test("a DIDEDUC director signs one case from its page; no request carries the passphrase or the .p12", async ({ page }) => {
    const [one] = makeCases([`Uno ${RUN}`], "generate");
    const cert = demoCertificate("signer-guatemala-norte");
    const p12 = readFileSync(cert.file);
    const otherP12 = readFileSync(demoCertificate("signer-quetzaltenango").file);
    const forbidden = [cert.passphrase, demoCertificate("signer-quetzaltenango").passphrase].map((p) => Buffer.from(p, "utf8"));
    for (const bytes of [p12, otherP12]) forbidden.push(bytes, Buffer.from(bytes.toString("base64")), Buffer.from(encodeURIComponent(bytes.toString("base64"))));
    const requests: Request[] = [];
    page.on("request", (r) => requests.push(r));

    await signIn(page, SIGNER_GN.email, SIGNER_GN.password, /\/direccion$/);
    await page.goto(`/direccion/casos/${one.id}`);
    const form = page.getByRole("form", { name: "Firmar certificación" });
    // The file and passphrase inputs have no name: no form serialization can carry them.
    for (const label of ["Archivo del certificado (.p12)", "Contraseña del certificado"]) {
      expect(await form.getByLabel(label).getAttribute("name")).toBeNull();
    }
    await expect(form.getByText("el archivo y su clave privada no se envían al servidor")).toBeVisible();

    // Another DIDEDUC's director's certificate, opened here with its right passphrase: the holder is
    // shown, the server refuses it (not in this DIDEDUC's registry) next to the file, and what was
    // typed stays; nothing changed.
    const other = demoCertificate("signer-quetzaltenango");
    await form.getByLabel("Archivo del certificado (.p12)").setInputFiles(other.file);
    await form.getByLabel("Contraseña del certificado").fill(other.passphrase);
    await form.getByRole("button", { name: "Firmar certificación" }).click();
    await expect(page.locator("#sign-form-error")).toContainText(/registro|autorizad/i, { timeout: 30_000 });
    await expect(page.locator("#sign-form-error")).toBeFocused();
    await expect(form.getByTestId("certificate-holder")).toContainText("Héctor Rolando Xicará Monzón");
    const file = form.getByLabel("Archivo del certificado (.p12)");
    await expect(file).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#pkcs12-error")).toContainText(/registro|autorizad/i);
    await expect(file).toHaveAttribute("aria-describedby", "pkcs12-hint pkcs12-error");
    await expect(form.getByLabel("Contraseña del certificado")).toHaveValue(other.passphrase);
    expect(await stateOf(page)).toBe("DIDEDUC_SIGNATURE");

    // His own certificate: choosing another file forgets the one opened.
    await form.getByLabel("Archivo del certificado (.p12)").setInputFiles(cert.file);
    await expect(form.getByTestId("certificate-holder")).toHaveCount(0);
    await form.getByLabel("Contraseña del certificado").fill(cert.passphrase);
    await form.getByRole("button", { name: "Firmar certificación" }).click();
    await expect(page.getByTestId("done-notice")).toContainText("firmada", { timeout: 60_000 });
    await expect(page).toHaveURL(new RegExp(`/direccion/casos/${one.id}\\?hecho=sign$`));
    expect(await stateOf(page)).toBe("CENTRAL_REVIEW");

    // Every request of the page: the signing ones (server actions, POST) carried the certificate
    // chain and the signature value, and nothing of the key's file or its passphrase.
    const posts = requests.filter((r) => r.method() === "POST");
    // The refused prepare, then prepare and complete.
    expect(posts.length).toBeGreaterThanOrEqual(3);
    for (const r of requests) {
      const body = r.postDataBuffer();
      if (!body) continue;
      for (const secret of forbidden) expect(body.includes(secret), `${r.method()} ${r.url()} lleva datos del .p12 o su contraseña`).toBe(false);
    }
    // The certificate (public) did travel: that is what the server checks against the registry.
    const certDer = readFileSync(cert.file.replace(/\.p12$/, ".cert.pem"), "utf8").replace(/-----[^-]+-----|\s/g, "");
    expect(posts.some((r) => r.postDataBuffer()?.includes(Buffer.from(certDer.slice(0, 200))))).toBe(true);

    await expectDideducSigned(page, one.id);
    await expect(page.getByTestId("case-timeline").getByText("Certificación firmada por la Dirección Departamental")).toHaveCount(1);
    awaitingCentral.push(one);
  });

  test("a batch of five D.1.1 cases, one returned from another tab after the review screen loaded: four signed, one refused with its reason", async ({ page }) => {
    const cases = makeCases([1, 2, 3, 4, 5].map((i) => `Lote${i} ${RUN}`), "generate");
    await signIn(page, SIGNER_GN.email, SIGNER_GN.password, /\/direccion$/);
    // His default queue: the five waiting for his signature, not the one he signed before.
    await expectDefaultQueue(page, "/direccion", cases);
    await chooseInQueue(page, "/direccion", "DIDEDUC_SIGNATURE", cases);
    for (const c of cases) {
      const row = page.locator(`[data-testid="batch-row"][data-case-number="${c.number}"]`);
      await expect(row).toHaveAttribute("data-signable", "true");
      await expect(row.getByRole("link", { name: `Ver PDF de ${c.number}` })).toHaveAttribute("href", `/api/cases/${c.id}/document?stage=UNSIGNED`);
    }
    await expect(page.getByRole("button", { name: "Firmar las 5 certificaciones" })).toBeVisible();
    await expectNoAxeViolations(page);

    // Meanwhile, in another tab, the director returns the third one to the technical review.
    const returned = cases[2];
    const other = await page.context().newPage();
    await other.goto(`/direccion/casos/${returned.id}`);
    const back = other.getByRole("form", { name: "Devolver al Departamento Técnico Pedagógico" });
    await back.getByLabel("Nota: qué hay que corregir").fill("El nombre de la madre no coincide con la partida; revíselo.");
    await back.getByRole("button", { name: "Devolver al Departamento Técnico Pedagógico" }).click();
    await expect(other.getByTestId("done-notice")).toContainText("devuelta");
    await other.close();

    // One opening of the certificate, one passphrase, five signatures in turn.
    const cert = demoCertificate("signer-guatemala-norte");
    await page.getByLabel("Archivo del certificado (.p12)").setInputFiles(cert.file);
    await page.getByLabel("Contraseña del certificado").fill(cert.passphrase);
    const started = Date.now();
    await page.getByRole("button", { name: "Firmar las 5 certificaciones" }).click();
    await expect(page.getByTestId("certificate-holder")).toContainText("José Antonio Pérez Gómez");
    await expect(page.locator("progress#batch-progress")).toBeVisible();
    await expect(page.getByTestId("batch-progress-text")).toHaveText(/^Firmando \d de 5…$/);
    const summary = page.getByTestId("batch-summary");
    await expect(summary).toBeVisible({ timeout: 150_000 });
    const wallMs = Date.now() - started;
    await expect(page.getByTestId("batch-progress-text")).toHaveText("Terminado: 4 de 5 firmadas.");
    await expect(summary.getByRole("heading")).toHaveText("Resultado: 4 de 5 firmadas, 1 sin firmar");

    const results = page.getByTestId("batch-result");
    await expect(results).toHaveCount(5);
    for (const c of cases) {
      const result = page.locator(`[data-testid="batch-result"][data-case-number="${c.number}"]`);
      if (c === returned) {
        await expect(result).toHaveAttribute("data-ok", "false");
        await expect(result).toContainText("No se firmó");
        await expect(result).toContainText("La solicitud cambió mientras tanto");
      } else {
        await expect(result).toHaveAttribute("data-ok", "true");
      }
    }
    reportSignatureTime("Lote de la Dirección (RSA)", await summary.getAttribute("data-browser-sign-ms"), wallMs, cases.length);

    // Each signed case: its own signature, its own transition and audit event; the returned one untouched.
    for (const c of cases) {
      await page.goto(`/direccion/casos/${c.id}`);
      if (c === returned) {
        expect(await stateOf(page)).toBe("DIDEDUC_REVIEW");
        expect((await page.request.get(`/api/cases/${c.id}/document?stage=DIDEDUC_SIGNED`)).status()).toBe(404);
        continue;
      }
      expect(await stateOf(page)).toBe("CENTRAL_REVIEW");
      await expect(page.getByTestId("case-timeline").getByText("Certificación firmada por la Dirección Departamental")).toHaveCount(1);
      await expectDideducSigned(page, c.id);
      awaitingCentral.push(c);
    }
    // Nothing of this run is his to act on now: the returned one is in review at the DIDEDUC, listed
    // under its state, not in «Requiere mi acción».
    await expectDefaultQueue(page, "/direccion", []);
    await page.goto(`/direccion?estado=DIDEDUC_REVIEW&q=${RUN}`);
    await expect(page.getByTestId("queue-row")).toHaveCount(1);
    await expect(page.getByTestId("queue-row")).toHaveAttribute("data-case-number", returned.number);
    await signOut(page);
  });

  test("the central assistant signs and issues a batch from her queue; every issued PDF passes pdfsig and qpdf", async ({ page }) => {
    const cases = makeCases([1, 2, 3].map((i) => `Central${i} ${RUN}`), "sign");
    await signIn(page, ASSISTANT.email, ASSISTANT.password, /\/atencion$/);
    // Her default queue: every case of this run signed by the DIDEDUC, oldest first.
    await expectDefaultQueue(page, "/atencion", [...awaitingCentral, ...cases]);
    await chooseInQueue(page, "/atencion", "CENTRAL_REVIEW", cases);
    await expectNoAxeViolations(page);

    const cert = demoCertificate("central-assistant");
    await page.getByLabel("Archivo del certificado (.p12)").setInputFiles(cert.file);
    await page.getByLabel("Contraseña del certificado").fill(cert.passphrase);
    const started = Date.now();
    await page.getByRole("button", { name: "Firmar y emitir las 3 certificaciones" }).click();
    const summary = page.getByTestId("batch-summary");
    await expect(summary).toBeVisible({ timeout: 150_000 });
    const wallMs = Date.now() - started;
    await expect(page.getByTestId("batch-progress-text")).toHaveText("Terminado: 3 de 3 firmadas.");
    for (const c of cases) {
      await expect(page.locator(`[data-testid="batch-result"][data-case-number="${c.number}"]`)).toContainText("Firmada y emitida.");
    }
    reportSignatureTime("Lote de Atención al Ciudadano (RSA)", await summary.getAttribute("data-browser-sign-ms"), wallMs, cases.length);

    for (const c of cases) {
      await page.goto(`/atencion/casos/${c.id}`);
      expect(await stateOf(page)).toBe("ISSUED");
      // Two signatures (the DIDEDUC's, the central office's), B-LTA; pdfsig, qpdf and our validator.
      expectSignedPdf(await savePdf(page, `/api/cases/${c.id}/document`, "emitido"), nss, 2);
    }
    // Issued: out of her default queue, listed under «Emitida».
    await expectDefaultQueue(page, "/atencion", awaitingCentral);
    await page.goto(`/atencion?estado=ISSUED&q=${RUN}`);
    await expect(page.getByTestId("queue-row")).toHaveCount(cases.length);
    await signOut(page);
  });
});
