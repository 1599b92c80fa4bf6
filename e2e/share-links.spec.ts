import AxeBuilder from "@axe-core/playwright";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { TNssDb } from "../tests/helpers/pdfsig";
import { expectSignedPdf, trustDemoRoot } from "./helpers/check-issued-pdf";
import { E2E_PORT } from "./helpers/e2e-env";
import { signIn } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir } from "./helpers/test-pdfs";
import { expect, test } from "./helpers/test";

// Issue #11, the holder decides who sees the document: the holder creates a share link on an issued
// demo certification and copies it; someone without an account opens it (in Spanish and English,
// axe clean) and downloads the signed PDF; the holder revokes the link, which then stops working;
// the holder's log lists the visit and the download.

const CITIZEN = { email: "ciudadana@demo.certifica.gt", password: "Ciudadana2026" };
const LABEL = "Universidad de San Carlos";

let tmpDir: string;
let nss: TNssDb;

test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-share-");
  nss = await trustDemoRoot(tmpDir);
});

test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

// The days of a link gone by (e2e/share-fixtures.mts), from its address's id.
function expireLink(url: string): void {
  const id = new URL(url).pathname.split("/").pop()!.split(".")[0];
  const result = spawnSync("npx", ["tsx", "--tsconfig", "e2e/staff-fixtures.tsconfig.json", "e2e/share-fixtures.mts", JSON.stringify({ expire: id })], {
    encoding: "utf8",
    env: { ...process.env, E2E_PORT },
  });
  if (result.status !== 0) throw new Error(`share-fixtures falló: ${result.stderr}`);
}

test("enlace para compartir: creado por el titular, abierto y descargado sin cuenta, revocado", async ({ page, context, browser, cspViolations }) => {
  // 1. The holder opens their issued certification and creates a link for 7 days.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, CITIZEN.email, CITIZEN.password, /\/ciudadano$/);
  const issued = page.getByTestId("my-cases").locator("article").filter({ has: page.locator('[data-state="ISSUED"]') }).first().getByRole("link");
  const caseHref = (await issued.getAttribute("href"))!;
  await page.goto(caseHref);
  const form = page.getByRole("form", { name: "Crear un enlace para compartir" });
  await form.getByLabel("Para quién").fill(LABEL);
  await form.getByLabel("Funciona durante").selectOption({ label: "7 días" });
  await form.getByRole("button", { name: "Crear enlace" }).click();
  await expect(page.getByTestId("share-link-created")).toContainText(LABEL);
  const item = page.getByTestId("share-link").filter({ hasText: LABEL }).first();
  await expect(item.getByTestId("share-link-state")).toHaveText("Activo");

  // Copied with the page's button, as the holder would before pasting it into an e-mail.
  await item.getByRole("button", { name: `Copiar enlace para ${LABEL}` }).click();
  await expect(item.getByText("Enlace copiado.")).toBeVisible();
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toBe(await item.getByTestId("share-link-url").inputValue());
  expect(url).toMatch(/\/compartido\/[a-z0-9]+\.[A-Za-z0-9_-]{43}$/);
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

  // 2. Someone without an account (a new browser context: no cookies) opens it.
  const anonymous = await browser.newContext({ locale: "es-GT" });
  anonymous.on("console", (m) => {
    if (/\[csp-violation\]|Refused to|Content Security Policy/i.test(m.text())) cspViolations.push(`${m.location().url}: ${m.text()}`);
  });
  try {
    const anon = await anonymous.newPage();
    await anon.goto(url);
    await expect(anon.getByRole("heading", { level: 1, name: "Certificación compartida por su titular" })).toBeVisible();
    await expect(anon.getByTestId("verification-status")).toHaveText("Emitido");
    await expect(anon.getByTestId("share-expires")).toContainText("Este enlace funciona hasta el");
    expect((await new AxeBuilder({ page: anon }).analyze()).violations.map((v) => v.id)).toEqual([]);
    const signers = await anon.getByTestId("signer").count();
    expect(signers).toBeGreaterThan(0);
    const shownSha256 = (await anon.getByTestId("share-sha256").textContent())!.trim();

    const [download] = await Promise.all([anon.waitForEvent("download"), anon.getByRole("link", { name: "Descargar el PDF" }).click()]);
    const pdfPath = path.join(tmpDir, "compartido.pdf");
    await download.saveAs(pdfPath);
    expectSignedPdf(pdfPath, nss, signers);
    expect(createHash("sha256").update(await fs.readFile(pdfPath)).digest("hex")).toBe(shownSha256);

    // In English, by the page's language switch (kept in the address).
    await anon.getByRole("link", { name: "English" }).click();
    await expect(anon).toHaveURL(/\?lang=en$/);
    await expect(anon.getByRole("heading", { level: 1, name: "Certification shared by its holder" })).toBeVisible();
    await expect(anon.getByTestId("verification-status")).toHaveText("Issued");
    expect((await new AxeBuilder({ page: anon }).analyze()).violations.map((v) => v.id)).toEqual([]);

    // 3. The holder revokes the link; it stops working at once.
    await page.reload();
    const revoking = page.getByTestId("share-link").filter({ hasText: LABEL }).first();
    await revoking.getByRole("button", { name: "Revocar" }).click();
    await expect(page.getByTestId("share-link").filter({ hasText: LABEL }).first().getByTestId("share-link-state")).toHaveText("Revocado");

    await anon.goto(url);
    await expect(anon.getByRole("heading", { level: 1, name: "El titular retiró este enlace" })).toBeVisible();
    await expect(anon.getByRole("link", { name: "Descargar el PDF" })).toHaveCount(0);
    const gone = await anon.request.get(`${url}/documento`);
    expect(gone.status()).toBe(410);
    expect(gone.headers()["content-type"]).not.toBe("application/pdf");
  } finally {
    await anonymous.close();
  }

  // 4. A link whose days have gone by gets a clear page and no file (needs the PostgreSQL e2e
  // database to move the expiry from another process).
  if (process.env.TEST_DATABASE_URL) {
    const form2 = page.getByRole("form", { name: "Crear un enlace para compartir" });
    await form2.getByLabel("Para quién").fill("Consulado de España");
    await form2.getByLabel("Funciona durante").selectOption({ label: "1 día" });
    await form2.getByRole("button", { name: "Crear enlace" }).click();
    await expect(page.getByTestId("share-link-created")).toContainText("Consulado de España");
    const expiring = await page.getByTestId("share-link").filter({ hasText: "Consulado de España" }).first().getByTestId("share-link-url").inputValue();
    expireLink(expiring);
    const stranger = await browser.newContext({ locale: "en-US" });
    try {
      const anon = await stranger.newPage();
      // Accept-Language picks English with no ?lang= in the address.
      await anon.goto(expiring);
      await expect(anon.getByRole("heading", { level: 1, name: "This link has expired" })).toBeVisible();
      await expect(anon.getByTestId("share-expired")).toContainText("This link expired on");
      await anon.getByRole("link", { name: "Español" }).click();
      await expect(anon.getByRole("heading", { level: 1, name: "Este enlace venció" })).toBeVisible();
      await expect(anon.getByTestId("share-expired")).toContainText("Pida al titular de la certificación un enlace nuevo");
      expect((await anon.request.get(`${expiring}/documento`)).status()).toBe(410);
    } finally {
      await stranger.close();
    }
  }

  // 5. The holder's log lists the visits and the download through the link, without addresses.
  await page.reload();
  const log = page.getByTestId("verification-log");
  await expect(log).toContainText(`Enlace compartido «${LABEL}»`);
  await expect(log).toContainText(`Descarga por enlace «${LABEL}»`);
  await expect(log).not.toContainText("127.0.0.1");
});
