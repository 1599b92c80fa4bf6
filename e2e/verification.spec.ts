import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./helpers/test";
import { signIn, signOut } from "./helpers/sign-in";

// Issue #3, public verification (no login): an unknown code reads as a clear Spanish not-found
// page with status 404; a code typed loosely lands on its canonical address; an issued document's
// page shows "Emitido", the masked holder and the signers (with their timestamps and the file's
// long-term validity, issue #10), and serves only the issued file.

const COORDINATOR = { email: "coordinadora.central@demo.certifica.gt", password: "Coordina2026" };

test("an unknown code: a 404 page in Spanish, with the form to try another code", async ({ page }) => {
  const response = await page.goto("/verificar/ZZZZ-ZZZZ-ZZZZ");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: /código no encontrado/ })).toBeVisible();
  await expect(page.getByLabel("Código de verificación")).toBeVisible();
  expect((await page.request.get("/verificar/ZZZZ-ZZZZ-ZZZZ/documento")).status()).toBe(404);
  // Not even a code: same page.
  expect((await page.goto("/verificar/no-es-un-codigo"))?.status()).toBe(404);
});

test("the form without a code: a malformed code is explained next to the field", async ({ page }) => {
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
});

test("an issued document (the demo seed's): Emitido, masked holder, signers, SHA-256, and the issued file", async ({ page }) => {
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
    const pub = await page.request.get(`/verificar/${code}/documento`);
    expect(pub.status()).toBe(200);
    expect(pub.headers()["content-type"]).toBe("application/pdf");
    expect((await pub.body()).equals(bytes)).toBe(true);

    await page.getByLabel("Archivo PDF a comparar").setInputFiles(pdf);
    await expect(page.getByText("coincide: es exactamente el documento emitido")).toBeVisible();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
