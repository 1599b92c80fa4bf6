import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { validatePdfSignatures } from "../../lib/pdf/validate-pdf-signatures";
import { runMutoolVerify } from "../../tests/helpers/mutool";
import { createNssDb, qpdfCheck, runPdfsig, type TNssDb } from "../../tests/helpers/pdfsig";
import { E2E_PKI_DIR } from "./e2e-env";

// An NSS database in `dir` that trusts this e2e server's demo root, for pdfsig.
export async function trustDemoRoot(dir: string): Promise<TNssDb> {
  return createNssDb([await fs.readFile(path.join(E2E_PKI_DIR, "root-ca.pem"), "utf8")], { dir: path.join(dir, "nss") });
}

// An issued PDF (issue #10): `count` approval signatures and PAdES B-LTA for our validator
// (each signature timestamped, the DSS with the signers' and TSAs' certificates and revocation
// data, a valid document timestamp over the whole file, nothing else added after any signature),
// trusting the same roots as `nss`; for pdfsig, each signature valid and its certificate trusted
// through the demo root (a valid signature by a certificate that does not chain to the root
// trusted in `nss` fails), the last entry (the document timestamp) covering the whole file; a file
// qpdf finds clean; and, where mupdf-tools is installed, `mutool sign -v` finds each signature's
// digest valid (mutool has no trust store and skips document timestamps). Returns pdfsig's report.
export function expectSignedPdf(pdfPath: string, nss: TNssDb, count: number) {
  const bytes = readFileSync(pdfPath);
  const trustedRoots = readdirSync(nss.dir)
    .filter((f) => /^root-\d+\.pem$/.test(f))
    .map((f) => readFileSync(path.join(nss.dir, f), "utf8"));
  const ours = validatePdfSignatures(bytes, { trustedRoots });

  const report = runPdfsig(pdfPath, nss);
  expect(report.signatures).toHaveLength(count + ours.documentTimestamps.length);
  for (const sig of report.signatures.slice(0, count)) {
    expect(sig.signatureValidation).toBe("Signature is Valid.");
    expect(sig.certificateValidation).toBe("Certificate is Trusted.");
  }
  expect(report.signatures[report.signatures.length - 1].totalDocumentSigned).toBe(true);
  expect(qpdfCheck(pdfPath).clean).toBe(true);

  expect(ours.errors).toEqual([]);
  expect(ours.signatures).toHaveLength(count);
  expect(ours.signatures.map((s) => s.level)).toEqual(Array(count).fill("B-LTA"));
  expect(ours.level).toBe("B-LTA");
  expect(ours.documentTimestamp).toMatchObject({ valid: true, coversWholeFile: true, coversDss: true });
  expect(ours.valid).toBe(true);

  const mutool = runMutoolVerify(pdfPath);
  if (mutool.available) {
    const signed = mutool.signatures.filter((s) => s.signed);
    expect(signed).toHaveLength(count);
    for (const s of signed) expect(s.digest).toMatch(/^The signature is valid/);
  }
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
