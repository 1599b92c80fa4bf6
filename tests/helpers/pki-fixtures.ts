import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateKey as generateKeyWith, opensslIn, REQ_SECTIONS, V3_CA_EXTENSIONS, V3_SIGNER_EXTENSIONS } from "./openssl-cli";

// Test PKI made with the openssl CLI rather than with our own code, so the signing and
// validation code is checked against certificates it did not produce. Names carry accents on
// purpose: forge re-encodes such issuer names wrongly (forge #847), and that must not leak into
// our signatures.

export type TTestIdentity = {
  name: string;
  certPem: string;
  certDer: Buffer;
  keyPem: string;
  // Issuer first, root last.
  chainPems: string[];
  pkcs12: Buffer;
  passphrase: string;
  pkcs12Path: string;
};

export type TTestPki = {
  dir: string;
  root: { certPem: string; certDer: Buffer; path: string };
  intermediate: { certPem: string; path: string };
  untrustedRoot: { certPem: string; path: string };
  // Issued directly by the root.
  jose: TTestIdentity;
  // Issued by the intermediate CA: its PKCS#12 carries a two-certificate chain.
  maria: TTestIdentity;
  // ECDSA P-256, issued by the root.
  ecdsa: TTestIdentity;
  // Issued by a root nobody trusts.
  stranger: TTestIdentity;
};

const OPENSSL_CONFIG = `
${REQ_SECTIONS}
[ v3_ca ]
${V3_CA_EXTENSIONS}
[ v3_signer ]
${V3_SIGNER_EXTENSIONS}
`;

function openssl(dir: string, args: string[]): void {
  opensslIn(dir)(args);
}

function generateKey(dir: string, file: string, kind: "rsa" | "ec"): void {
  generateKeyWith(opensslIn(dir), file, kind);
}

function selfSignedCa(dir: string, base: string, subject: string): void {
  generateKey(dir, `${base}.key`, "rsa");
  openssl(dir, [
    "req", "-new", "-x509", "-utf8", "-config", "openssl.cnf", "-key", `${base}.key`, "-subj", subject,
    "-days", "3650", "-sha256", "-extensions", "v3_ca", "-out", `${base}.pem`,
  ]);
}

function issue(dir: string, base: string, subject: string, issuerBase: string, extensions: "v3_ca" | "v3_signer", kind: "rsa" | "ec"): void {
  generateKey(dir, `${base}.key`, kind);
  openssl(dir, ["req", "-new", "-utf8", "-config", "openssl.cnf", "-key", `${base}.key`, "-subj", subject, "-out", `${base}.csr`]);
  openssl(dir, [
    "x509", "-req", "-in", `${base}.csr`, "-CA", `${issuerBase}.pem`, "-CAkey", `${issuerBase}.key`, "-CAcreateserial",
    "-days", "730", "-sha256", "-extfile", "openssl.cnf", "-extensions", extensions, "-out", `${base}.pem`,
  ]);
}

function identity(dir: string, base: string, name: string, chain: string[], passphrase: string): TTestIdentity {
  const chainFile = `${base}-chain.pem`;
  writeFileSync(path.join(dir, chainFile), chain.map((c) => readFileSync(path.join(dir, `${c}.pem`), "utf8")).join(""));
  // OpenSSL 3 defaults (PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, SHA-256 MAC), spelled out
  // so a change of defaults does not silently change what the tests cover.
  openssl(dir, [
    "pkcs12", "-export", "-inkey", `${base}.key`, "-in", `${base}.pem`, "-certfile", chainFile, "-name", name,
    "-keypbe", "AES-256-CBC", "-certpbe", "AES-256-CBC", "-macalg", "sha256", "-iter", "2048",
    "-passout", `pass:${passphrase}`, "-out", `${base}.p12`,
  ]);
  const certPem = readFileSync(path.join(dir, `${base}.pem`), "utf8");
  return {
    name,
    certPem,
    certDer: pemToDer(certPem),
    keyPem: readFileSync(path.join(dir, `${base}.key`), "utf8"),
    chainPems: chain.map((c) => readFileSync(path.join(dir, `${c}.pem`), "utf8")),
    pkcs12: readFileSync(path.join(dir, `${base}.p12`)),
    passphrase,
    pkcs12Path: path.join(dir, `${base}.p12`),
  };
}

export function pemToDer(pem: string): Buffer {
  const body = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
  return Buffer.from(body, "base64");
}

let cached: TTestPki | undefined;

// Generated once per test process (key generation dominates: ≈ 1 s for all of it).
export function createTestPki(): TTestPki {
  if (cached) return cached;
  const dir = mkdtempSync(path.join(tmpdir(), "certifica-pki-"));
  writeFileSync(path.join(dir, "openssl.cnf"), OPENSSL_CONFIG);
  const org = "/C=GT/O=Ministerio de Educación";
  selfSignedCa(dir, "root", `${org}/CN=Raíz de Pruebas Firma Electrónica`);
  issue(dir, "intermediate", `${org}/OU=Dirección de Informática/CN=CA Intermedia de Firma Educación`, "root", "v3_ca", "rsa");
  selfSignedCa(dir, "untrusted-root", "/C=GT/O=Organización Desconocida/CN=Raíz Ajena Ñandú");
  issue(dir, "jose", `${org}/OU=Dirección Departamental de Educación Guatemala Norte/CN=José Pérez Gómez`, "root", "v3_signer", "rsa");
  issue(dir, "maria", `${org}/OU=Dirección de Acreditación y Certificación/CN=María Fernanda Núñez Ibáñez`, "intermediate", "v3_signer", "rsa");
  issue(dir, "ecdsa", `${org}/CN=Begoña Muñoz Peña`, "root", "v3_signer", "ec");
  issue(dir, "stranger", "/C=GT/O=Organización Desconocida/CN=Ángel Ruíz", "untrusted-root", "v3_signer", "rsa");

  const rootPem = readFileSync(path.join(dir, "root.pem"), "utf8");
  cached = {
    dir,
    root: { certPem: rootPem, certDer: pemToDer(rootPem), path: path.join(dir, "root.pem") },
    intermediate: { certPem: readFileSync(path.join(dir, "intermediate.pem"), "utf8"), path: path.join(dir, "intermediate.pem") },
    untrustedRoot: { certPem: readFileSync(path.join(dir, "untrusted-root.pem"), "utf8"), path: path.join(dir, "untrusted-root.pem") },
    jose: identity(dir, "jose", "José Pérez Gómez", ["root"], "clave-de-jose-2026"),
    maria: identity(dir, "maria", "María Fernanda Núñez Ibáñez", ["intermediate", "root"], "clave-de-maria-2026"),
    ecdsa: identity(dir, "ecdsa", "Begoña Muñoz Peña", ["root"], "clave-de-begona-2026"),
    stranger: identity(dir, "stranger", "Ángel Ruíz", ["untrusted-root"], "clave-del-extrano"),
  };
  return cached;
}
