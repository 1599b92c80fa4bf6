import { execFileSync } from "node:child_process";
import { verify, X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { demoCertificate } from "./helpers/demo-certificate";
import { expect, test } from "./helpers/test";

// Issue #13: the PKCS#12 is opened and the signature made IN THE BROWSER. This runs the real
// module (lib/signing/browser) in Chromium, bundled by esbuild and injected into an empty page
// Playwright serves itself, with no test page in the app; the signatures are then verified here, in Node.

const ENTRY = `export { openPkcs12 } from "./lib/signing/browser/open-pkcs12";
export { describeCertificate } from "./lib/signing/browser/describe-certificate";`;
// A stand-in of the size the server sends (a DER SET OF Attribute, a few hundred bytes).
const SIGNED_ATTRIBUTES = Buffer.concat([Buffer.from([0x31, 0x82, 0x01, 0x20]), Buffer.alloc(288, 0x5a)]);
const SIGNATURES = 10;
const BLANK = "http://127.0.0.1:9/firma-en-el-navegador";

type TBrowserResult = {
  code?: string;
  message?: string;
  certificate?: string;
  chain?: string[];
  keyAlgorithm?: string;
  subjectName?: string;
  signatures?: string[];
  openMs?: number;
  msPerSignature?: number;
};

let bundle: string;

test.beforeAll(async () => {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: "ts", sourcefile: "browser-signing-entry.ts" },
    bundle: true,
    format: "iife",
    globalName: "CertificaBrowserSigning",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  bundle = result.outputFiles[0].text;
});

async function openAndSign(page: import("@playwright/test").Page, p12: Buffer, passphrase: string): Promise<TBrowserResult> {
  // WebCrypto needs a secure context, which about:blank is not: an empty page on a loopback
  // address is (as the app is on localhost or https). Playwright answers it; no server, no app page.
  await page.route(BLANK, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>firma</title>" }));
  await page.goto(BLANK);
  await page.addScriptTag({ content: bundle });
  return page.evaluate(
    async ({ p12, passphrase, data, count }) => {
      const m = (window as unknown as { CertificaBrowserSigning: typeof import("../lib/signing/browser/open-pkcs12") & typeof import("../lib/signing/browser/describe-certificate") }).CertificaBrowserSigning;
      const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const b64 = (u: Uint8Array) => btoa(Array.from(u, (c) => String.fromCharCode(c)).join(""));
      const started = performance.now();
      try {
        const signer = await m.openPkcs12(bytes(p12), passphrase);
        const openMs = performance.now() - started;
        const signatures: string[] = [];
        const signStarted = performance.now();
        for (let i = 0; i < count; i++) signatures.push(b64(await signer.sign(bytes(data))));
        const msPerSignature = (performance.now() - signStarted) / count;
        const described = await m.describeCertificate(signer.certificate);
        return {
          certificate: b64(signer.certificate),
          chain: signer.chain.map(b64),
          keyAlgorithm: signer.keyAlgorithm,
          subjectName: described.subjectName,
          signatures,
          openMs,
          msPerSignature,
        };
      } catch (error) {
        const e = error as { code?: string; message?: string };
        return { code: e.code, message: e.message };
      }
    },
    { p12: p12.toString("base64"), passphrase, data: SIGNED_ATTRIBUTES.toString("base64"), count: SIGNATURES },
  );
}

test.describe("PKCS#12 opened and used in the browser (issue #13)", () => {
  test("Chromium opens the DIDEDUC director's demo .p12 and signs; Node verifies every signature with the certificate", async ({ page }) => {
    const demo = demoCertificate("signer-guatemala-norte");
    const result = await openAndSign(page, fs.readFileSync(demo.file), demo.passphrase);
    expect(result.message, "the browser threw").toBeUndefined();
    const certificate = new X509Certificate(Buffer.from(result.certificate!, "base64"));
    const expected = new X509Certificate(fs.readFileSync(demo.file.replace(/\.p12$/, ".cert.pem")));
    expect(certificate.fingerprint256).toBe(expected.fingerprint256);
    expect(result.keyAlgorithm).toBe("RSA");
    expect(result.subjectName).toContain("CN=José Antonio Pérez Gómez");
    expect(result.chain).toHaveLength(1);
    expect(result.signatures).toHaveLength(SIGNATURES);
    for (const signature of result.signatures!) {
      expect(verify("sha256", SIGNED_ATTRIBUTES, certificate.publicKey, Buffer.from(signature, "base64"))).toBe(true);
    }
    // Reported, not asserted: the machine is shared and its load varies.
    console.log(`Chromium: abrir el .p12 ${result.openMs!.toFixed(0)} ms; ${result.msPerSignature!.toFixed(1)} ms por firma (RSA, media de ${SIGNATURES})`);
  });

  test("a wrong passphrase is refused in the browser with the Spanish message", async ({ page }) => {
    const demo = demoCertificate("central-assistant");
    const result = await openAndSign(page, fs.readFileSync(demo.file), "Firma-2026-Equivocada");
    expect(result.code).toBe("BAD_PASSPHRASE");
    expect(result.message).toBe("La frase de acceso del certificado no es correcta.");
  });

  test("an ECDSA P-256 .p12 (OpenSSL 3 defaults) signs in Chromium with a DER Ecdsa-Sig-Value that Node verifies", async ({ page }) => {
    // The demo PKI is RSA only; a Guatemalan CA may issue EC keys, so one is made here with openssl.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-ec-p12-"));
    try {
      const run = (args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
      run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.key"]);
      run(["req", "-new", "-x509", "-utf8", "-key", "ec.key", "-subj", "/C=GT/O=Ministerio de Educación/CN=Begoña Muñoz Peña", "-days", "2", "-out", "ec.pem"]);
      run(["pkcs12", "-export", "-inkey", "ec.key", "-in", "ec.pem", "-passout", "pass:Firma-EC-2026", "-out", "ec.p12"]);
      const result = await openAndSign(page, fs.readFileSync(path.join(dir, "ec.p12")), "Firma-EC-2026");
      expect(result.message, "the browser threw").toBeUndefined();
      expect(result.keyAlgorithm).toBe("EC");
      expect(result.subjectName).toContain("CN=Begoña Muñoz Peña");
      const certificate = new X509Certificate(Buffer.from(result.certificate!, "base64"));
      for (const signature of result.signatures!) {
        const der = Buffer.from(signature, "base64");
        expect(der[0]).toBe(0x30);
        expect(verify("sha256", SIGNED_ATTRIBUTES, certificate.publicKey, der)).toBe(true);
      }
      console.log(`Chromium (ECDSA P-256): abrir el .p12 ${result.openMs!.toFixed(0)} ms; ${result.msPerSignature!.toFixed(1)} ms por firma (media de ${SIGNATURES})`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a legacy-encrypted .p12 (3DES/RC2, `openssl pkcs12 -legacy`) opens in Chromium through forge and signs", async ({ page }) => {
    const demo = demoCertificate("central-coordinator");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-legacy-p12-"));
    try {
      const pem = path.join(dir, "all.pem");
      execFileSync("openssl", ["pkcs12", "-in", demo.file, "-nodes", "-passin", `pass:${demo.passphrase}`, "-out", pem], { stdio: "pipe" });
      const legacy = path.join(dir, "legacy.p12");
      execFileSync("openssl", ["pkcs12", "-export", "-legacy", "-in", pem, "-passout", `pass:${demo.passphrase}`, "-out", legacy], { stdio: "pipe" });
      const result = await openAndSign(page, fs.readFileSync(legacy), demo.passphrase);
      expect(result.message, "the browser threw").toBeUndefined();
      const certificate = new X509Certificate(Buffer.from(result.certificate!, "base64"));
      expect(result.subjectName).toContain("CN=Sofía Alejandra Barrios Ordóñez");
      expect(verify("sha256", SIGNED_ATTRIBUTES, certificate.publicKey, Buffer.from(result.signatures![0], "base64"))).toBe(true);
      console.log(`Chromium (cifrado heredado, forge): abrir el .p12 ${result.openMs!.toFixed(0)} ms; ${result.msPerSignature!.toFixed(1)} ms por firma`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
