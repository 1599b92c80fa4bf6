import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import { signPdf } from "@/lib/signing/sign-pdf";
import { formatGuatemalaTime } from "@/lib/pdf/format-guatemala-time";
import { validatePdfSignatures } from "@/lib/pdf/validate-pdf-signatures";
import { bundleScript } from "../../helpers/bundle-script";
import { createLongTermPki } from "../../helpers/long-term-pki";
import { appendDocumentTimestamp, appendDss, signPdfWithTimestamp } from "../../helpers/pades-fixtures";
import { createTestPki, type TTestPki } from "../../helpers/pki-fixtures";
import { appendIncrementalUpdate, makeTestPdf, signingOptions, writeTemp } from "./fixtures";

const root = path.resolve(__dirname, "../../..");
let pki: TTestPki;
let signedFile: string;
let appendedFile: string;
let unsignedFile: string;
let flippedFile: string;

// The script's own process, as `npm run pdf:verify` starts it (tsx) for the first case, and from
// its esbuild bundle for the rest (tests/helpers/bundle-script.ts says why).
let bundled: string;
function cli(args: string[], env: Record<string, string> = {}, via: "tsx" | "bundle" = "bundle") {
  const [command, script] = via === "tsx" ? [path.join(root, "node_modules/.bin/tsx"), "scripts/pdf-verify.mts"] : [process.execPath, bundled];
  const result = spawnSync(command, [script, ...args], {
    cwd: root,
    encoding: "utf8",
    // An empty PKI_DIR would fall back to the repository's .data/pki: point it nowhere instead.
    env: { ...process.env, TRUSTED_ROOTS_PEM: "", PKI_DIR: path.join(tmpdir(), "certifica-sin-pki"), ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  bundled = await bundleScript("scripts/pdf-verify.mts");
  pki = createTestPki();
  const unsigned = await makeTestPdf();
  const once = await signPdf(unsigned, openPkcs12Signer(pki.jose.pkcs12, pki.jose.passphrase), signingOptions("José Pérez Gómez"));
  const twice = await signPdf(once, openPkcs12Signer(pki.maria.pkcs12, pki.maria.passphrase), signingOptions("María Fernanda Núñez Ibáñez"));
  signedFile = writeTemp("cli-signed.pdf", twice);
  appendedFile = writeTemp("cli-appended.pdf", appendIncrementalUpdate(twice));
  unsignedFile = writeTemp("cli-unsigned.pdf", unsigned);
  // The first page's width, 612 → 613: inside what both signatures cover.
  const flipped = Buffer.from(twice);
  flipped[twice.indexOf("/MediaBox [ 0 0 612 ") + "/MediaBox [ 0 0 61".length] = 0x33;
  flippedFile = writeTemp("cli-flipped.pdf", flipped);
}, 60_000);

describe("npm run pdf:verify", { timeout: 60_000 }, () => {
  it("exits 0 and prints the JSON report for a validly signed file", () => {
    const { code, stdout } = cli([signedFile, "--trust", pki.root.path, "--json"], {}, "tsx");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ valid: true, modifiedAfterLastSignature: false });
    expect(report.signatures.map((s: { certificate: { commonName: string } }) => s.certificate.commonName)).toEqual([
      "José Pérez Gómez",
      "María Fernanda Núñez Ibáñez",
    ]);
  });

  it("takes the trusted roots from TRUSTED_ROOTS_PEM, else from PKI_DIR/root-ca.pem", () => {
    expect(cli([signedFile], { TRUSTED_ROOTS_PEM: pki.root.path }).code).toBe(0);
    const pkiDir = mkdtempSync(path.join(tmpdir(), "certifica-pki-dir-"));
    copyFileSync(pki.root.path, path.join(pkiDir, "root-ca.pem"));
    expect(cli([signedFile], { PKI_DIR: pkiDir }).code).toBe(0);
    expect(cli([signedFile], { PKI_DIR: path.join(pkiDir, "vacío") }).code).toBe(1);
  });

  it("exits 1 when the file changed after the last signature, is unsigned or is not trusted", () => {
    const appended = cli([appendedFile, "--trust", pki.root.path, "--json"]);
    expect(appended.code).toBe(1);
    expect(JSON.parse(appended.stdout).modifiedAfterLastSignature).toBe(true);
    expect(cli([unsignedFile, "--trust", pki.root.path]).code).toBe(1);
    expect(cli([signedFile, "--trust", pki.untrustedRoot.path]).code).toBe(1);
  });

  it("exits 1 when a signed byte was changed, naming the failed digests", () => {
    const { code, stdout } = cli([flippedFile, "--trust", pki.root.path, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ valid: false, modifiedAfterLastSignature: false });
    expect(report.signatures.map((s: { digestOk: boolean; valid: boolean }) => [s.digestOk, s.valid])).toEqual([
      [false, false],
      [false, false],
    ]);
  });

  it("prints in Spanish each signature's timestamp, revocation, scope and level, and the level the file reaches", async () => {
    const lt = createLongTermPki();
    const signed = await signPdfWithTimestamp(await makeTestPdf(), openPkcs12Signer(pki.jose.pkcs12, pki.jose.passphrase), signingOptions("José Pérez Gómez"), (v) => lt.timestamp(v));
    const withDss = appendDss(signed, {
      certificates: [pki.jose.certDer, lt.tsa.certDer, pki.root.certDer],
      ocspResponses: [lt.ocsp(pki.jose.certPem), lt.ocsp(lt.tsa.certPem)],
      crls: [],
    });
    const blta = appendDocumentTimestamp(withDss, (digest) => lt.timestamp(Buffer.alloc(0), { digest }));
    const { code, stdout } = cli([writeTemp("cli-b-lta.pdf", blta), "--trust", pki.root.path]);
    expect(code).toBe(0);
    const report = validatePdfSignatures(blta, { trustedRoots: [pki.root.certPem] });
    const genTime = formatGuatemalaTime(report.signatures[0].timestamp!.genTime!);
    expect(stdout).toContain("Firma 1: José Pérez Gómez");
    expect(stdout).toContain(`  Sello de tiempo: ${genTime}, TSA Autoridad de Sellado de Tiempo de Pruebas — válido, cubre esta firma`);
    expect(stdout).toMatch(/ {2}Revocación del certificado: no revocado \(respuesta OCSP en el DSS del documento, emitida el .+\(hora de Guatemala\)\)/);
    expect(stdout).toContain("  Alcance: cubierta por firmas o sellos posteriores");
    expect(stdout).toContain("  Nivel PAdES: B-LTA");
    expect(stdout).toMatch(/Sello de tiempo del documento 1: .+ — válido, cubre el documento; cubre todo el archivo, incluye los datos de validación \(DSS\)/);
    expect(stdout).toContain("Datos de validación (DSS): 3 certificados, 2 respuestas OCSP, 0 CRL");
    expect(stdout).toContain("Nivel PAdES alcanzado: B-LTA");
    expect(stdout).toContain("Resultado: VÁLIDO");
    expect(stdout).not.toContain("No llega al final");

    // Without the DSS and the document timestamp: B-T, and the file says so.
    const bt = cli([writeTemp("cli-b-t.pdf", signed), "--trust", pki.root.path]);
    expect(bt.code).toBe(0);
    expect(bt.stdout).toContain("Nivel PAdES alcanzado: B-T");
    expect(bt.stdout).toContain("Sello de tiempo del documento: ninguno");
  });

  it("exits 2 on usage errors and unreadable files", () => {
    expect(cli([]).code).toBe(2);
    expect(cli(["--no-such-option", signedFile]).code).toBe(2);
    const missing = cli(["/no/existe.pdf"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("No se pudo leer");
  });
});
