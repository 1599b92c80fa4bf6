import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { createNssDb, qpdfCheck, runPdfsig, type TNssDb } from "../../tests/helpers/pdfsig";
import { E2E_PKI_DIR } from "./e2e-env";

// An NSS database in `dir` that trusts this e2e server's demo root, for pdfsig.
export async function trustDemoRoot(dir: string): Promise<TNssDb> {
  return createNssDb([await fs.readFile(path.join(E2E_PKI_DIR, "root-ca.pem"), "utf8")], { dir: path.join(dir, "nss") });
}

// An issued PDF: `count` signatures, each valid and its certificate trusted through the demo root
// (pdfsig says "Certificate is Trusted."; a valid signature by a certificate that does not chain to
// the root trusted in `nss` fails), the last covering the whole file, and a file qpdf finds clean.
// Returns pdfsig's report for further checks.
export function expectSignedPdf(pdfPath: string, nss: TNssDb, count: number) {
  const report = runPdfsig(pdfPath, nss);
  expect(report.signatures).toHaveLength(count);
  for (const sig of report.signatures) {
    expect(sig.signatureValidation).toBe("Signature is Valid.");
    expect(sig.certificateValidation).toBe("Certificate is Trusted.");
  }
  expect(report.signatures[count - 1].totalDocumentSigned).toBe(true);
  expect(qpdfCheck(pdfPath).clean).toBe(true);
  return report;
}

// The verification address the QR on page 1 decodes to (rendered into dir/<prefix>-1.png).
export async function readVerificationQr(pdfPath: string, dir: string, prefix: string): Promise<string> {
  execFileSync("pdftoppm", ["-r", "200", "-f", "1", "-l", "1", "-png", pdfPath, path.join(dir, prefix)]);
  const png = (await fs.readdir(dir)).find((f) => f.startsWith(prefix) && f.endsWith(".png"));
  expect(png).toBeTruthy();
  const qr = execFileSync("zbarimg", ["-q", "--raw", path.join(dir, png!)], { encoding: "utf8" }).trim();
  expect(qr).toMatch(/\/verificar\/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return qr;
}

// The public page the QR leads to answers and says "Emitido".
export async function openIssuedVerification(page: Page, qr: string): Promise<void> {
  const response = await page.goto(new URL(qr).pathname);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("verification-status")).toHaveText("Emitido");
}

// The verification page's compare box recognizes the file as the one issued.
export async function expectVerificationMatches(page: Page, pdfPath: string): Promise<void> {
  await page.getByLabel("Archivo PDF a comparar").setInputFiles(pdfPath);
  await expect(page.getByText("coincide: es exactamente el documento emitido")).toBeVisible();
}
