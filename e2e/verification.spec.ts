import AxeBuilder from "@axe-core/playwright";
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "./helpers/test";
import { expectSignedPdf, trustDemoRoot } from "./helpers/check-issued-pdf";
import { E2E_PORT } from "./helpers/e2e-env";
import { signIn, signOut } from "./helpers/sign-in";

// Public verification (no login), issues #3 and #11: an unknown code reads as a clear not-found
// page with status 404; a code typed loosely lands on its canonical address, in the language chosen;
// an issued document's page shows "Emitido", the masked holder and the signers (with their
// timestamps and the file's long-term validity, issue #10), no download (the holder shares the
// document through share links), and checks a file by sending only its SHA-256 to the compare API;
// a revoked one says "Anulada" / "Revoked" with its date and category. Both languages, by ?lang=
// (kept through the switch, the form and the canonical redirect) and by Accept-Language; axe-clean.

const COORDINATOR = { email: "coordinadora.central@demo.certifica.gt", password: "Coordina2026" };

async function expectAxeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("an unknown code: a 404 page in Spanish or English, with the form to try another code", async ({ page }) => {
  const response = await page.goto("/verificar/ZZZZ-ZZZZ-ZZZZ");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: /código no encontrado/ })).toBeVisible();
  await expect(page.getByLabel("Código de verificación")).toBeVisible();
  expect((await page.request.get("/verificar/ZZZZ-ZZZZ-ZZZZ/documento")).status()).toBe(404);
  // Not even a code: same page.
  expect((await page.goto("/verificar/no-es-un-codigo"))?.status()).toBe(404);

  expect((await page.goto("/verificar/ZZZZ-ZZZZ-ZZZZ?lang=en"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Document verification: code not found" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAxeClean(page);
});

test("the form: a malformed code is explained next to the field; the chosen language is kept", async ({ page }) => {
  await page.goto("/verificar");
  await expect(page.getByRole("heading", { level: 1, name: "Verificación de documento" })).toBeVisible();
  await page.getByLabel("Código de verificación").fill("abc");
  await page.getByRole("button", { name: "Verificar" }).click();
  await expect(page.locator("#codigo-error")).toContainText("formato");
  // Lower case without dashes is accepted and normalized.
  await page.getByLabel("Código de verificación").fill("zzzzzzzzzzzz");
  await page.getByRole("button", { name: "Verificar" }).click();
  await expect(page).toHaveURL(/\/verificar\/ZZZZ-ZZZZ-ZZZZ$/);
  await expect(page.getByRole("heading", { level: 1, name: /código no encontrado/ })).toBeVisible();

  // In English, through the switch: the form carries ?lang=en to the result.
  await page.goto("/verificar");
  await page.getByRole("navigation", { name: "Idioma de la página" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/verificar\?lang=en$/);
  await expect(page.getByRole("heading", { level: 1, name: "Document verification" })).toBeVisible();
  await page.getByLabel("Verification code").fill("abc");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("#codigo-error")).toContainText("not a valid code");
  await page.getByLabel("Verification code").fill("zzzz zzzz zzzz");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/verificar\/ZZZZ-ZZZZ-ZZZZ\?lang=en$/);
  await expect(page.getByRole("heading", { level: 1, name: "Document verification: code not found" })).toBeVisible();
});

test("an issued document (the demo seed's): Emitido, masked holder, signers, SHA-256, no download, the file check through the API, in both languages", async ({ page }) => {
  // The code is read from the QR of an issued certification, as a person would.
  await signIn(page, COORDINATOR.email, COORDINATOR.password, /\/atencion$/);
  await page.goto("/atencion?estado=ISSUED");
  const rows = page.getByTestId("queue-row");
  await expect(rows.first()).toBeVisible();
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/atencion\/casos\/[^/?]+$/);
  const caseId = new URL(page.url()).pathname.split("/").pop()!;
  const issued = await page.request.get(`/api/cases/${caseId}/document`);
  expect(issued.status()).toBe(200);
  const bytes = await issued.body();
  await signOut(page);

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-e2e-verif-"));
  try {
    const pdf = path.join(dir, "emitido.pdf");
    await fs.writeFile(pdf, bytes);
    expectSignedPdf(pdf, await trustDemoRoot(dir), 2);
    // The QR sits on the certification sheet's last page, and a long sheet (the demo's four
    // studies) takes two: read the first pages until one has it.
    let url = "";
    for (let p = 1; p <= 3 && !url; p++) {
      const prefix = path.join(dir, `p${p}`);
      execFileSync("pdftoppm", ["-r", "200", "-f", String(p), "-l", String(p), "-singlefile", "-png", pdf, prefix]);
      try {
        url = execFileSync("zbarimg", ["-q", "--raw", `${prefix}.png`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
      } catch {
        // zbarimg exits 4 on a page without a code.
      }
    }
    const code = /\/verificar\/([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(url)?.[1];
    expect(code).toBeTruthy();

    // Typed in lower case without dashes: same page at the canonical address.
    await page.goto(`/verificar/${code!.replace(/-/g, "").toLowerCase()}`);
    await expect(page).toHaveURL(new RegExp(`/verificar/${code}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "es-GT");
    await expect(page.getByTestId("verification-status")).toHaveText("Emitido");
    await expect(page.getByTestId("holder-name")).toContainText("*");
    await expect(page.getByText("Firmó el").first()).toBeVisible();
    // Issue #10: each signature's trusted time and TSA, and long-term validity (the file is B-LTA).
    const stamps = page.getByTestId("signer-timestamp");
    expect(await stamps.count()).toBeGreaterThan(0);
    for (const stamp of await stamps.all()) {
      await expect(stamp).toHaveText(/^Sello de tiempo: \d{1,2} de [a-z]+ de \d{4}, \d{2}:\d{2} \(hora de Guatemala\), TSA \S.*$/);
    }
    await expect(page.getByTestId("long-term-validity")).toContainText(/Validez a largo plazo\s*sí/);
    const sha = (await page.getByTestId("issued-sha256").textContent())!.trim();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    // No public download: the holder shares the document with share links.
    await expect(page.getByTestId("download-only-by-share")).toHaveText("El documento completo solo se puede descargar con un enlace que comparte su titular.");
    await expect(page.locator('a[href*="/documento"]')).toHaveCount(0);
    await expect(page.getByRole("link", { name: /PDF/ })).toHaveCount(0);

    // The file check sends only the SHA-256 to the compare API.
    const compared = page.waitForRequest((r) => r.url().endsWith(`/api/v1/verificaciones/${code}/comparar`) && r.method() === "POST");
    await page.getByLabel("Archivo PDF a comparar").setInputFiles(pdf);
    expect((await compared).postDataJSON()).toEqual({ sha256: sha });
    await expect(page.getByTestId("compare-result")).toContainText("El archivo coincide: es exactamente el documento emitido.");
    await expectAxeClean(page);

    // The institutions' link, and the API answering the same.
    await expect(page.getByRole("link", { name: "API de verificación para instituciones" })).toHaveAttribute("href", "/verificar/instituciones");
    const api = await page.request.get(`/api/v1/verificaciones/${code}`);
    expect(api.status()).toBe(200);
    expect(await api.json()).toMatchObject({ code, status: "issued", file: { sha256: sha, size: bytes.length } });

    // English through the switch: same data, the choice in the URL.
    await page.getByRole("navigation", { name: "Idioma de la página" }).getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(new RegExp(`/verificar/${code}\\?lang=en$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByTestId("verification-status")).toHaveText("Issued");
    await expect(page.getByTestId("signer-signed-at").first()).toHaveText(/^Signed on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} \(Guatemala time, UTC−6\)$/);
    await expect(page.getByTestId("download-only-by-share")).toHaveText("The full document can only be downloaded through a link shared by its holder.");
    await page.getByLabel("PDF file to compare").setInputFiles(pdf);
    await expect(page.getByTestId("compare-result")).toContainText("The file matches: it is exactly the issued document.");
    await expectAxeClean(page);
    // The institutions' page keeps the language too.
    await page.getByRole("link", { name: "Verification API for institutions" }).click();
    await expect(page).toHaveURL(/\/verificar\/instituciones\?lang=en$/);
    await expect(page.getByRole("heading", { level: 1, name: "Verification API for institutions" })).toBeVisible();
    await expectAxeClean(page);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test("a revoked certification: Anulada / Revoked with date and category, the file issued but no longer valid; English by Accept-Language", async ({ page, browser }) => {
  test.skip(!process.env.TEST_DATABASE_URL, "Needs the PostgreSQL e2e database (TEST_DATABASE_URL) to prepare the case in another process.");
  test.setTimeout(120_000);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-e2e-revoked-"));
  try {
    const result = spawnSync(
      "npx",
      ["tsx", "--tsconfig", "e2e/staff-fixtures.tsconfig.json", "e2e/verification-fixtures.mts", dir, `Anulada ${randomBytes(3).toString("hex")}`],
      { encoding: "utf8", env: { ...process.env, APP_BASE_URL: `http://localhost:${E2E_PORT}` } },
    );
    if (result.status !== 0) throw new Error(`verification-fixtures falló: ${result.stderr}`);
    const { code, pdf } = JSON.parse(result.stdout) as { code: string; pdf: string };
    expectSignedPdf(pdf, await trustDemoRoot(dir), 2);

    await page.goto(`/verificar/${code}`);
    await expect(page.getByTestId("verification-status")).toHaveText("Anulada");
    await expect(page.getByTestId("revocation-category")).toHaveText("Error en los datos");
    await expect(page.getByTestId("revoked-at")).toHaveText(/^\d{1,2} de [a-z]+ de \d{4}, \d{2}:\d{2} \(hora de Guatemala\)$/);
    await expect(page.getByText("Nota interna")).toHaveCount(0);
    await page.getByLabel("Archivo PDF a comparar").setInputFiles(pdf);
    await expect(page.getByTestId("compare-result")).toContainText("El archivo es el emitido, pero la certificación fue anulada: ya no es válida.");
    await expectAxeClean(page);

    // A browser set to English (its Accept-Language follows the locale) gets English without ?lang.
    const english = await browser.newContext({ locale: "en-GB" });
    try {
      const en = await english.newPage();
      await en.goto(`/verificar/${code}`);
      await expect(en.locator("html")).toHaveAttribute("lang", "en");
      await expect(en.getByTestId("verification-status")).toHaveText("Revoked");
      await expect(en.getByTestId("revocation-category")).toHaveText("Error in the data");
      await expect(en.getByTestId("revoked-at")).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} \(Guatemala time, UTC−6\)$/);
      await en.getByLabel("PDF file to compare").setInputFiles(pdf);
      await expect(en.getByTestId("compare-result")).toContainText("The file was issued, but the certification has been revoked: it is no longer valid.");
      await expectAxeClean(en);
      // ?lang= wins over the browser, and the canonical redirect keeps it.
      await en.goto(`/verificar/${code.replace(/-/g, "").toLowerCase()}?lang=es`);
      await expect(en).toHaveURL(new RegExp(`/verificar/${code}\\?lang=es$`));
      await expect(en.getByTestId("verification-status")).toHaveText("Anulada");
      await expect(en.locator("html")).toHaveAttribute("lang", "es-GT");
    } finally {
      await english.close();
    }

    // The API, with CORS for a registrar's web page on another origin.
    const api = await page.request.get(`/api/v1/verificaciones/${code}`, { headers: { Origin: "https://registro.universidad.example" } });
    expect(api.headers()["access-control-allow-origin"]).toBe("*");
    expect(await api.json()).toMatchObject({ code, status: "revoked", revocation: { category: "DATA_ERROR", label: { es: "Error en los datos", en: "Error in the data" } } });
    const preflight = await page.request.fetch(`/api/v1/verificaciones/${code}/comparar`, {
      method: "OPTIONS",
      headers: { Origin: "https://registro.universidad.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()).toMatchObject({ "access-control-allow-origin": "*", "access-control-allow-methods": "POST, OPTIONS", "access-control-allow-headers": "Content-Type" });
    const openapi = await page.request.get("/api/v1/openapi.json");
    expect((await openapi.json()).openapi).toBe("3.1.0");
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
