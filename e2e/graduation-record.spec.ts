import { execFileSync } from "node:child_process";
import { randomBytes, X509Certificate } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { expect, test } from "./helpers/test";
import { DEMO_CERTIFICATES } from "../prisma/seed/demo-accounts";
import { runPdfsig, type TNssDb } from "../tests/helpers/pdfsig";
import { downloadSignedPdf, expectNoAxeViolations, signWithCertificate, stateOf } from "./helpers/case-page";
import { expectSignedPdf, expectVerificationMatches, openIssuedVerification, readVerificationQr, trustDemoRoot } from "./helpers/check-issued-pdf";
import { demoCertificate } from "./helpers/demo-certificate";
import { E2E_PKI_DIR } from "./helpers/e2e-env";
import { signIn, signOut } from "./helpers/sign-in";
import { makeTmpDir, removeTmpDir } from "./helpers/test-pdfs";

// Issue #4, D.1.2 through the screens: the citizen files the graduation record the archive signed
// (an upload refused for its signature first, then the good one), central review reads the
// archive signature's report and asks for a correction of the officer's post, which did not match
// the registry; after the resubmission everything matches and the assistant signs and issues; the
// citizen downloads the certification, pdfsig validates it, and the archive's original embedded in
// it comes out byte for byte and still validates.

const CITIZEN = { email: "ciudadano@demo.certifica.gt", password: "Ciudadano2026" };
const ASSISTANT = { email: "asistente.central@demo.certifica.gt", password: "Asistente2026" };
const SIGN_LABEL = "Generar certificación, firmar y emitir";

const RUN = `Archivo${randomBytes(3).toString("hex")}`;
const LAST_NAMES = `Sic Batz ${RUN}`;

type TFixtures = { unsigned: string; signed: string; altered: string; appended: string; impostor: string };

let tmpDir: string;
let fixtures: TFixtures;
let nss: TNssDb;
let archiveFingerprint: string;

test.beforeAll(async () => {
  tmpDir = await makeTmpDir("certifica-e2e-d12-");
  // Signed with this e2e server's own demo PKI (its archive officer, its root).
  const out = execFileSync(
    "npx",
    ["tsx", "--tsconfig", "e2e/staff-fixtures.tsconfig.json", "e2e/graduation-record-fixtures.mts", path.join(tmpDir, "fixtures"), `Juan Pablo ${LAST_NAMES}, 1988`],
    { encoding: "utf8", env: { ...process.env, PKI_DIR: E2E_PKI_DIR } },
  );
  fixtures = JSON.parse(out) as TFixtures;
  nss = await trustDemoRoot(tmpDir);
  const archive = DEMO_CERTIFICATES.find((c) => c.key === "archive-officer")!;
  const pem = await fs.readFile(path.join(E2E_PKI_DIR, archive.file.replace(/\.p12$/, ".cert.pem")), "utf8");
  archiveFingerprint = new X509Certificate(pem).fingerprint256.replace(/:/g, "").toLowerCase();
});

test.afterAll(async () => {
  await removeTmpDir(tmpDir);
});

test("D.1.2 de punta a punta: carga rechazada por la firma, informe con coincidencia, corrección, emisión y original adjunto verificable", async ({ page }) => {
  test.setTimeout(240_000);

  // 1. The citizen starts the request from the list of procedures.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto("/ciudadano");
  await page.getByRole("link", { name: "Nueva solicitud" }).click();
  await page.getByRole("link", { name: "Expediente de graduación (1974–1996)" }).click();
  await page.getByLabel("Nombres", { exact: true }).fill("Juan Pablo");
  await expect(page).toHaveURL(/\/ciudadano\/solicitudes\/[^/?]+$/, { timeout: 15_000 });
  const caseId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByLabel("Apellidos", { exact: true }).fill(LAST_NAMES);
  await page.getByLabel("Título o diploma que obtuvo").fill("Bachiller en Ciencias y Letras");
  await page.getByLabel("Establecimiento educativo").fill("Instituto Nacional Central para Varones");
  await page.getByLabel("Año de graduación").fill("1988");
  await page.getByLabel("Nombre de quien firmó el expediente en el Archivo").fill("Marta Julia Estrada Castillo");
  // Not as the registry has it: central review will see the mismatch.
  await page.getByLabel("Puesto de quien firmó el expediente").fill("Jefa de Archivo");

  // 2. A PDF signed with a certificate outside the registry is refused, and says why.
  const chooser = page.getByLabel("Adjuntar el PDF firmado del Archivo");
  await chooser.setInputFiles(fixtures.impostor);
  const refusal = page.getByTestId("upload-errors");
  await expect(refusal).toContainText("no se adjuntó", { timeout: 20_000 });
  await expect(refusal).toContainText("no está en el registro de firmantes autorizados del Archivo Documental");
  await expect(page.getByTestId("uploaded-files")).toHaveCount(0);
  // So is one changed after signing.
  await chooser.setInputFiles(fixtures.altered);
  await expect(refusal).toContainText("fue modificado después de firmarse", { timeout: 20_000 });
  await expect(page.getByTestId("uploaded-files")).toHaveCount(0);
  // The typed data survived the refusals.
  await expect(page.getByLabel("Apellidos", { exact: true })).toHaveValue(LAST_NAMES);
  await expectNoAxeViolations(page);

  // 3. The archive's own PDF is accepted.
  await chooser.setInputFiles(fixtures.signed);
  await expect(page.getByTestId("uploaded-files")).toContainText("Firma del Archivo Documental comprobada", { timeout: 20_000 });
  await expect(page.getByTestId("uploaded-files")).toContainText("expediente-signed.pdf");
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado", { timeout: 15_000 });
  await page.getByRole("button", { name: "Enviar solicitud" }).click();
  await expect(page.getByTestId("next-step")).toContainText("verificará la firma del Archivo documental", { timeout: 15_000 });
  await signOut(page);

  // 4. Central review: the archive signature's report, and the post that does not match.
  await signIn(page, ASSISTANT.email, ASSISTANT.password, /\/atencion$/);
  await page.goto(`/atencion/casos/${caseId}`);
  expect(await stateOf(page)).toBe("CENTRAL_REVIEW");
  const report = page.getByTestId("archive-record-report");
  await expect(report).toBeVisible();
  await expect(report.getByTestId("check-intact")).toHaveAttribute("data-ok", "true");
  await expect(report.getByTestId("check-covers")).toHaveAttribute("data-ok", "true");
  await expect(report.getByTestId("check-authorized")).toHaveAttribute("data-ok", "true");
  await expect(report.getByTestId("check-valid")).toHaveAttribute("data-ok", "true");
  await expect(report.getByTestId("signature-fingerprint")).toHaveText(archiveFingerprint);
  await expect(report.getByTestId("match-name")).toHaveAttribute("data-ok", "true");
  await expect(report.getByTestId("match-post")).toHaveAttribute("data-ok", "false");
  await expect(report.getByTestId("archive-signer-match")).toContainText("Encargada del Archivo Documental");
  await expectNoAxeViolations(page);
  const correction = page.getByRole("form", { name: "Rechazar para corrección" });
  await correction.getByRole("textbox").fill("Escriba el puesto tal como aparece en el expediente: «Encargada del Archivo Documental».");
  await correction.getByRole("button", { name: "Rechazar para corrección" }).click();
  await expect(page.getByTestId("done-notice")).toBeVisible();
  expect(await stateOf(page)).toBe("NEEDS_CORRECTION");
  await signOut(page);

  // 5. The citizen corrects the post (the file stays) and resends.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  await page.goto(`/ciudadano/solicitudes/${caseId}`);
  await expect(page.getByTestId("correction-reason")).toContainText("Encargada del Archivo Documental");
  await expect(page.getByTestId("uploaded-files")).toContainText("expediente-signed.pdf");
  await page.getByLabel("Puesto de quien firmó el expediente").fill("Encargada del Archivo Documental");
  await expect(page.getByTestId("save-status")).toContainText("Borrador guardado", { timeout: 15_000 });
  await page.getByRole("button", { name: "Enviar correcciones" }).click();
  await expect(page.getByTestId("next-step")).toContainText("revisará de nuevo", { timeout: 15_000 });
  await signOut(page);

  // 6. Everything matches now; the assistant signs and issues.
  await signIn(page, ASSISTANT.email, ASSISTANT.password, /\/atencion$/);
  await page.goto(`/atencion/casos/${caseId}`);
  await expect(page.getByTestId("match-name")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("match-post")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("archive-record-summary")).toContainText("coincide con el nombre y el puesto");
  await signWithCertificate(page, demoCertificate("central-assistant"), SIGN_LABEL);
  await expect(page.getByTestId("done-notice")).toContainText("emitida", { timeout: 30_000 });
  expect(await stateOf(page)).toBe("ISSUED");
  await signOut(page);

  // 7. The citizen downloads the certification.
  await signIn(page, CITIZEN.email, CITIZEN.password);
  const issued = await downloadSignedPdf(page, caseId, tmpDir, "emitida.pdf");
  await signOut(page);

  // The central signature, valid with the test root trusted, then the DSS and the document
  // timestamp over the whole file (PAdES B-LTA); qpdf and mutool find nothing wrong.
  const sig = expectSignedPdf(issued, nss, 1);
  expect(sig.signatures[0].commonName).toBe("Karla Beatriz Orellana Saquic");

  // The archive's original, extracted with pdfdetach: the very bytes uploaded, its signature valid.
  const detached = path.join(tmpDir, "adjuntos");
  await fs.mkdir(detached);
  expect(execFileSync("pdfdetach", ["-list", issued], { encoding: "utf8" })).toContain("expediente-signed.pdf");
  execFileSync("pdfdetach", ["-saveall", "-o", detached, issued]);
  expect(await fs.readdir(detached)).toEqual(["expediente-signed.pdf"]);
  const original = path.join(detached, "expediente-signed.pdf");
  expect((await fs.readFile(original)).equals(await fs.readFile(fixtures.signed))).toBe(true);
  const archiveSig = runPdfsig(original, nss);
  expect(archiveSig.signatures.map((s) => s.signatureValidation)).toEqual(["Signature is Valid."]);
  expect(archiveSig.signatures.map((s) => s.certificateValidation)).toEqual(["Certificate is Trusted."]);
  expect(archiveSig.signatures[0].commonName).toBe("Marta Julia Estrada Castillo");
  expect(archiveSig.signatures[0].totalDocumentSigned).toBe(true);

  // The QR leads to the public page, which says "Emitido" and recognizes the downloaded file.
  const qr = await readVerificationQr(issued, tmpDir, "pagina");
  await openIssuedVerification(page, qr);
  await expectVerificationMatches(page, issued);
});
