import { execFileSync } from "node:child_process";
import { createHash, createPrivateKey, verify, X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSigningError } from "@/lib/signing/browser/browser-signing-error";
import { describeCertificate } from "@/lib/signing/browser/describe-certificate";
import { openPkcs12 } from "@/lib/signing/browser/open-pkcs12";
import { DEMO_CERTIFICATES, DEMO_OCSP_RESPONDER, DEMO_TSA, ROOT_CA_FILES, ROOT_CA_PASSPHRASE } from "@/prisma/seed/demo-accounts";
import { ensureDemoPki } from "@/prisma/seed/ensure-demo-pki";
import { createTestPki, type TTestIdentity, type TTestPki } from "../../../helpers/pki-fixtures";

let pkiDir: string;
let pki: TTestPki;
// What the server will ask the browser to sign: a DER SET OF Attribute (here a stand-in of the
// same shape and size class; the bytes are opaque to the signer).
const SIGNED_ATTRIBUTES = Buffer.concat([Buffer.from([0x31, 0x82, 0x01, 0x00]), createHash("sha256").update("atributos").digest(), Buffer.alloc(224, 7)]);

// forge (the demo PKI) and openssl key generation are pure JS / CPU-bound: a budget against a
// hang on a busy 2-core machine, not a speed check.
const PKI_WORK_TIMEOUT = 120_000;

beforeAll(() => {
  pkiDir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-browser-p12-"));
  ensureDemoPki({ pkiDir, servicesBaseUrl: "http://127.0.0.1:3099" });
  pki = createTestPki();
}, PKI_WORK_TIMEOUT);

afterAll(() => fs.rmSync(pkiDir, { recursive: true, force: true }));

async function rejection(promise: Promise<unknown>): Promise<BrowserSigningError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BrowserSigningError);
    return error as BrowserSigningError;
  }
  throw new Error("no rechazó");
}

function verifies(certificate: Uint8Array, signature: Uint8Array): boolean {
  return verify("sha256", SIGNED_ATTRIBUTES, new X509Certificate(certificate).publicKey, signature);
}

const demoFiles = [
  ...DEMO_CERTIFICATES.map((c) => ({ file: c.file, passphrase: c.passphrase, holderName: c.holderName as string })),
  { file: DEMO_TSA.file, passphrase: DEMO_TSA.passphrase, holderName: DEMO_TSA.subject.commonName as string },
  { file: DEMO_OCSP_RESPONDER.file, passphrase: DEMO_OCSP_RESPONDER.passphrase, holderName: DEMO_OCSP_RESPONDER.subject.commonName as string },
  { file: ROOT_CA_FILES.p12, passphrase: ROOT_CA_PASSPHRASE, holderName: "Raíz de Pruebas Certifica" },
];

describe("openPkcs12 (browser)", { timeout: PKI_WORK_TIMEOUT }, () => {
  it("opens every .p12 the demo PKI writes with its passphrase, accented holder names included, and signs with its key", async () => {
    const rootDer = new X509Certificate(fs.readFileSync(path.join(pkiDir, ROOT_CA_FILES.pem))).raw;
    for (const def of demoFiles) {
      const signer = await openPkcs12(fs.readFileSync(path.join(pkiDir, def.file)), def.passphrase);
      const x509 = new X509Certificate(signer.certificate);
      expect(x509.subject).toContain(`CN=${def.holderName}`);
      expect(signer.keyAlgorithm).toBe("RSA");
      if (def.file !== ROOT_CA_FILES.p12) {
        expect(signer.chain.map((c) => Buffer.from(c))).toEqual([Buffer.from(rootDer)]);
      }
      expect(verifies(signer.certificate, await signer.sign(SIGNED_ATTRIBUTES))).toBe(true);
    }
  });

  it("opens OpenSSL 3 files (PBES2 AES-256, SHA-256 MAC) with an intermediate CA: the chain comes nearest issuer first", async () => {
    const signer = await openPkcs12(pki.maria.pkcs12, pki.maria.passphrase);
    expect(Buffer.from(signer.certificate).equals(pki.maria.certDer)).toBe(true);
    const names = signer.chain.map((der) => new X509Certificate(der).subject.split("\n").find((l) => l.startsWith("CN=")));
    expect(names).toEqual(["CN=CA Intermedia de Firma Educación", "CN=Raíz de Pruebas Firma Electrónica"]);
  });

  it("signs SHA-256 with RSASSA-PKCS1-v1_5 (RSA) and returns a DER Ecdsa-Sig-Value (ECDSA P-256) that node:crypto verifies", async () => {
    const cases: [TTestIdentity, "RSA" | "EC"][] = [[pki.jose, "RSA"], [pki.ecdsa, "EC"]];
    for (const [who, algorithm] of cases) {
      const signer = await openPkcs12(who.pkcs12, who.passphrase);
      expect(signer.keyAlgorithm).toBe(algorithm);
      expect(Buffer.from(signer.certificate).equals(who.certDer)).toBe(true);
      const signature = await signer.sign(SIGNED_ATTRIBUTES);
      if (algorithm === "EC") expect(signature[0]).toBe(0x30); // a DER SEQUENCE, not raw r||s
      expect(verifies(signer.certificate, signature)).toBe(true);
      // The signature is over exactly the bytes given: other bytes do not verify.
      expect(verify("sha256", Buffer.from("otros atributos"), new X509Certificate(signer.certificate).publicKey, signature)).toBe(false);
    }
  });

  it("opens a legacy-encrypted file (3DES key, RC2-40 certificates: `openssl pkcs12 -export -legacy`) through forge", async () => {
    const out = path.join(pki.dir, "jose-legacy.p12");
    execFileSync("openssl", [
      "pkcs12", "-export", "-legacy", "-inkey", path.join(pki.dir, "jose.key"), "-in", path.join(pki.dir, "jose.pem"),
      "-certfile", path.join(pki.dir, "root.pem"), "-passout", `pass:${pki.jose.passphrase}`, "-out", out,
    ], { stdio: "pipe" });
    const legacy = fs.readFileSync(out);
    const signer = await openPkcs12(legacy, pki.jose.passphrase);
    expect(Buffer.from(signer.certificate).equals(pki.jose.certDer)).toBe(true);
    expect(signer.chain).toHaveLength(1);
    expect(verifies(signer.certificate, await signer.sign(SIGNED_ATTRIBUTES))).toBe(true);
    expect((await rejection(openPkcs12(legacy, "otra-frase-2026"))).code).toBe("BAD_PASSPHRASE");
  });

  it("a wrong passphrase is BAD_PASSPHRASE, with the server's Spanish message and without the passphrase in it", async () => {
    const error = await rejection(openPkcs12(fs.readFileSync(path.join(pkiDir, DEMO_CERTIFICATES[0].file)), "Firma-2026-Equivocada"));
    expect(error.code).toBe("BAD_PASSPHRASE");
    expect(error.message).toBe("La frase de acceso del certificado no es correcta.");
    expect(error.message).not.toContain("Equivocada");
    expect((await rejection(openPkcs12(pki.ecdsa.pkcs12, "clave-equivocada"))).code).toBe("BAD_PASSPHRASE");
  });

  it("a damaged file (truncated, or not PKCS#12 at all) is BAD_PKCS12, not a passphrase error", async () => {
    const good = fs.readFileSync(path.join(pkiDir, DEMO_CERTIFICATES[0].file));
    for (const damaged of [good.subarray(0, good.length - 200), good.subarray(40), Buffer.from("%PDF-1.7 no es un certificado")]) {
      const error = await rejection(openPkcs12(damaged, DEMO_CERTIFICATES[0].passphrase));
      expect(error.code).toBe("BAD_PKCS12");
      expect(error.message).toBe("El archivo del certificado está dañado o no es un archivo PKCS#12 (.p12/.pfx) válido.");
    }
  });

  it("a file with certificates only is NO_KEY", async () => {
    const out = path.join(pki.dir, "only-certs.p12");
    execFileSync("openssl", ["pkcs12", "-export", "-nokeys", "-in", path.join(pki.dir, "jose.pem"), "-passout", "pass:solo-certificados", "-out", out], { stdio: "pipe" });
    expect((await rejection(openPkcs12(fs.readFileSync(out), "solo-certificados"))).code).toBe("NO_KEY");
  });

  it("an Ed25519 key is UNSUPPORTED_KEY", async () => {
    const key = path.join(pki.dir, "ed.key");
    const cert = path.join(pki.dir, "ed.pem");
    const out = path.join(pki.dir, "ed.p12");
    execFileSync("openssl", ["genpkey", "-algorithm", "ED25519", "-out", key], { stdio: "pipe" });
    execFileSync("openssl", ["req", "-new", "-x509", "-key", key, "-subj", "/CN=Ed", "-days", "2", "-out", cert], { stdio: "pipe" });
    execFileSync("openssl", ["pkcs12", "-export", "-inkey", key, "-in", cert, "-passout", "pass:clave-ed25519", "-out", out], { stdio: "pipe" });
    expect((await rejection(openPkcs12(fs.readFileSync(out), "clave-ed25519"))).code).toBe("UNSUPPORTED_KEY");
  });

  it("the private key is non-extractable: WebCrypto refuses to export it", async () => {
    // The signer does not expose its CryptoKey; importSigningKey is what openPkcs12 uses for it.
    const { importSigningKey } = await import("@/lib/signing/browser/import-signing-key");
    const pkcs8 = createPrivateKey(pki.jose.keyPem).export({ type: "pkcs8", format: "der" });
    const { key } = await importSigningKey(new Uint8Array(pkcs8), globalThis.crypto.subtle);
    expect(key.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey("pkcs8", key)).rejects.toThrow();
    await expect(globalThis.crypto.subtle.exportKey("jwk", key)).rejects.toThrow();
  });

  it("the signer it returns holds no passphrase and no key bytes, only the certificate, chain and a sign function", async () => {
    const signer = await openPkcs12(pki.jose.pkcs12, pki.jose.passphrase);
    expect(Object.keys(signer).sort()).toEqual(["certificate", "chain", "keyAlgorithm", "sign"]);
    expect(JSON.stringify(signer)).not.toContain(pki.jose.passphrase);
  });
});

describe("describeCertificate", () => {
  it('shows who will sign ("Firmará como …"): names with accents, serial, validity and SHA-256 fingerprint', async () => {
    const der = pki.maria.certDer;
    const x509 = new X509Certificate(der);
    const d = await describeCertificate(der);
    expect(d.subjectName).toBe("CN=María Fernanda Núñez Ibáñez, OU=Dirección de Acreditación y Certificación, O=Ministerio de Educación, C=GT");
    expect(d.issuerName).toContain("CN=CA Intermedia de Firma Educación");
    expect(d.serialHex.toUpperCase().replace(/^0+/, "")).toBe(x509.serialNumber.replace(/^0+/, ""));
    expect(d.notBefore.getTime()).toBe(new Date(x509.validFrom).getTime());
    expect(d.notAfter.getTime()).toBe(new Date(x509.validTo).getTime());
    expect(d.sha256FingerprintHex).toBe(createHash("sha256").update(der).digest("hex"));
  });
});

describe("browser module sources", () => {
  it("import nothing from node: and nothing server-only, so the same code runs in the browser", () => {
    const dir = path.resolve(__dirname, "../../../../lib/signing/browser");
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts"));
    expect(files).toContain("open-pkcs12.ts");
    // The one module shared with the server (the attribute names of a distinguished name); it is
    // held to the same rules.
    const shared = "../../pki/name-attribute-short-names";
    const paths = [...files.map((f) => path.join(dir, f)), path.resolve(dir, `${shared}.ts`)];
    for (const file of paths) {
      const source = fs.readFileSync(file, "utf8");
      const imports = [...source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]);
      for (const spec of imports) {
        expect(spec === shared || /^(\.\/|pkijs$|asn1js$|node-forge$)/.test(spec), `${path.basename(file)} imports ${spec}`).toBe(true);
      }
      expect(source, file).not.toMatch(/\bBuffer\.(from|alloc|concat)|process\.|localStorage|sessionStorage|indexedDB/);
    }
  });
});
