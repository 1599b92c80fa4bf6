import { execFileSync, spawnSync } from "node:child_process";
import { createSecureContext } from "node:tls";
import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPkcs12 } from "@/lib/pki/create-pkcs12";
import { fingerprintCertificate } from "@/lib/pki/fingerprint-certificate";
import { generateRootCa, TEST_ROOT_SUBJECT } from "@/lib/pki/generate-root-ca";
import { issueSigningCertificate, OID_DOCUMENT_SIGNING } from "@/lib/pki/issue-signing-certificate";
import { openPkcs12, Pkcs12Error } from "@/lib/pki/open-pkcs12";
import { readCertificate } from "@/lib/pki/read-certificate";
import type { TCertificateWithKey } from "@/lib/pki/types";

const PASS = "Firma-2026-Pruebas";
const SUBJECT = {
  commonName: "José Pérez Gómez",
  organization: "Ministerio de Educación",
  organizationalUnit: "Dirección Departamental de Educación de Quiché Norte",
  country: "GT",
  serialNumber: "IDCGT-5181909350103",
};

let dir: string;
let root: TCertificateWithKey;
let leaf: TCertificateWithKey;
let p12: Buffer;
const validFrom = new Date("2026-01-15T12:00:00Z");
const validTo = new Date("2028-01-15T12:00:00Z");

function openssl(args: string[]): string {
  return execFileSync("openssl", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

// The DER of a certificate's issuer or subject Name, straight from the bytes.
function nameDer(pem: string, which: "issuer" | "subject"): string {
  const der = new X509Certificate(pem).raw;
  const tbs = (forge.asn1.fromDer(forge.util.createBuffer(der.toString("binary"))).value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
  const fields = tbs[0].tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? tbs.slice(1) : tbs;
  return forge.util.bytesToHex(forge.asn1.toDer(fields[which === "issuer" ? 2 : 4]).getBytes());
}

// Certificates are signed and PKCS#12 files derived with forge's pure-JS RSA and PBKDF2 (a root,
// a leaf and a PKCS#12 per test at most): ≈ 1–3 s each when idle, several times that on a busy
// 2-core machine. The timeouts only catch a hang; they are not a speed check.
const PKI_WORK_TIMEOUT = 30_000;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-pki-"));
  root = generateRootCa({ keyBits: 2048 });
  leaf = issueSigningCertificate({ issuer: root, subject: SUBJECT, validFrom, validTo, email: "jose.perez@demo.certifica.gt" });
  p12 = createPkcs12({ holder: leaf, chain: [root.certificate], passphrase: PASS, friendlyName: SUBJECT.commonName });
  fs.writeFileSync(path.join(dir, "root.pem"), root.certPem);
  fs.writeFileSync(path.join(dir, "leaf.pem"), leaf.certPem);
  fs.writeFileSync(path.join(dir, "leaf.p12"), p12);
}, PKI_WORK_TIMEOUT);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("root CA", { timeout: PKI_WORK_TIMEOUT }, () => {
  it("is a self-signed CA with keyCertSign, ten years long", () => {
    const x = new X509Certificate(root.certPem);
    expect(x.ca).toBe(true);
    expect(x.checkIssued(x)).toBe(true);
    expect(x.verify(x.publicKey)).toBe(true);
    const info = readCertificate(root.certPem);
    expect(info.subject).toBe("CN=Raíz de Pruebas Certifica, O=Ministerio de Educación, C=GT");
    expect(info.issuer).toBe(info.subject);
    const years = (info.validTo.getTime() - info.validFrom.getTime()) / (365.25 * 24 * 3600 * 1000);
    expect(years).toBeCloseTo(10, 1);
    const text = openssl(["x509", "-in", path.join(dir, "root.pem"), "-noout", "-ext", "basicConstraints,keyUsage"]);
    expect(text).toMatch(/critical\s+CA:TRUE/);
    expect(text).toMatch(/Certificate Sign/);
  });

  it("encodes accented names as UTF8String, and the country as PrintableString", () => {
    const subject = openssl(["x509", "-in", path.join(dir, "root.pem"), "-noout", "-subject", "-nameopt", "oneline,-esc_msb,show_type"]);
    expect(subject).toContain("CN = UTF8STRING:Raíz de Pruebas Certifica");
    expect(subject).toContain("O = UTF8STRING:Ministerio de Educación");
    expect(subject).toContain("C = PRINTABLESTRING:GT");
    // 0x0c = UTF8String tag, then the length and the UTF-8 bytes (í = c3 ad).
    const cn = Buffer.from(TEST_ROOT_SUBJECT.commonName, "utf8");
    expect(nameDer(root.certPem, "subject")).toContain(`0c${cn.length.toString(16).padStart(2, "0")}${cn.toString("hex")}`);
  });
});

describe("signing certificate", { timeout: PKI_WORK_TIMEOUT }, () => {
  it("chains to the root (Node crypto and openssl verify)", () => {
    const x = new X509Certificate(leaf.certPem);
    const r = new X509Certificate(root.certPem);
    expect(x.checkIssued(r)).toBe(true);
    expect(x.verify(r.publicKey)).toBe(true);
    expect(x.verify(x.publicKey)).toBe(false);
    expect(openssl(["verify", "-CAfile", path.join(dir, "root.pem"), path.join(dir, "leaf.pem")]).trim()).toBe(`${path.join(dir, "leaf.pem")}: OK`);
  });

  it("carries the issuer name byte for byte as the root's subject (forge issue #847)", () => {
    expect(nameDer(leaf.certPem, "issuer")).toBe(nameDer(root.certPem, "subject"));
  });

  it("has the accented subject, the validity asked for, and signing key usages", () => {
    const info = readCertificate(leaf.certPem);
    expect(info.subject).toBe(
      "CN=José Pérez Gómez, serialNumber=IDCGT-5181909350103, OU=Dirección Departamental de Educación de Quiché Norte, O=Ministerio de Educación, C=GT",
    );
    expect(info.subjectCommonName).toBe("José Pérez Gómez");
    expect(info.issuerCommonName).toBe("Raíz de Pruebas Certifica");
    expect(info.validFrom.toISOString()).toBe(validFrom.toISOString());
    expect(info.validTo.toISOString()).toBe(validTo.toISOString());
    expect(info.isCa).toBe(false);
    const x = new X509Certificate(leaf.certPem);
    expect(x.keyUsage).toEqual(expect.arrayContaining(["1.3.6.1.5.5.7.3.4", OID_DOCUMENT_SIGNING]));
    const text = openssl(["x509", "-in", path.join(dir, "leaf.pem"), "-noout", "-ext", "keyUsage,basicConstraints,subjectAltName"]);
    expect(text).toMatch(/Digital Signature, Non Repudiation/);
    expect(text).toMatch(/CA:FALSE/);
    expect(text).toContain("email:jose.perez@demo.certifica.gt");
    const subject = openssl(["x509", "-in", path.join(dir, "leaf.pem"), "-noout", "-subject", "-nameopt", "oneline,-esc_msb,show_type"]);
    expect(subject).toContain("CN = UTF8STRING:José Pérez Gómez");
    expect(subject).toContain("OU = UTF8STRING:Dirección Departamental de Educación de Quiché Norte");
  });

  it("can be issued by a root read back from its PKCS#12 and still chain to it", () => {
    const rootP12 = createPkcs12({ holder: root, passphrase: "Raiz-Prueba-123" });
    const reopened = openPkcs12(rootP12, "Raiz-Prueba-123");
    const second = issueSigningCertificate({ issuer: reopened, subject: { ...SUBJECT, commonName: "Ana Lucía Méndez Ruiz" }, validFrom, validTo });
    const x = new X509Certificate(second.certPem);
    expect(x.checkIssued(new X509Certificate(root.certPem))).toBe(true);
    expect(x.verify(new X509Certificate(root.certPem).publicKey)).toBe(true);
    expect(nameDer(second.certPem, "issuer")).toBe(nameDer(root.certPem, "subject"));
    expect(readCertificate(second.certPem).issuer).toBe("CN=Raíz de Pruebas Certifica, O=Ministerio de Educación, C=GT");
  });

  it("refuses a validity that ends before it starts", () => {
    expect(() => issueSigningCertificate({ issuer: root, subject: SUBJECT, validFrom: validTo, validTo: validFrom })).toThrow();
  });
});

describe("PKCS#12", { timeout: PKI_WORK_TIMEOUT }, () => {
  it("round-trips key, accented certificate and chain with the right passphrase", () => {
    const opened = openPkcs12(p12, PASS);
    expect(readCertificate(opened.certPem).subjectCommonName).toBe("José Pérez Gómez");
    expect(fingerprintCertificate(opened.certPem)).toBe(fingerprintCertificate(leaf.certPem));
    expect(opened.chain.map((c) => fingerprintCertificate(forge.pki.certificateToPem(c)))).toEqual([fingerprintCertificate(root.certPem)]);
    // The private key signs what the certificate's public key verifies.
    const md = forge.md.sha256.create().update("prueba de firma", "utf8");
    const signature = opened.privateKey.sign(md);
    const pub = opened.certificate.publicKey as forge.pki.rsa.PublicKey;
    expect(pub.verify(md.digest().getBytes(), signature)).toBe(true);
  });

  it("fails with a wrong passphrase", () => {
    expect(() => openPkcs12(p12, "Firma-2026-Otra")).toThrow(Pkcs12Error);
    expect(() => openPkcs12(Buffer.from("no es un pkcs12"), PASS)).toThrow(Pkcs12Error);
  });

  it("opens in OpenSSL 3 without -legacy, and in Node's TLS", () => {
    // `-info` reports the algorithms on stderr.
    const info = spawnSync("openssl", ["pkcs12", "-info", "-noout", "-passin", `pass:${PASS}`, "-in", path.join(dir, "leaf.p12")], { encoding: "utf8" });
    expect(info.status).toBe(0);
    expect(info.stderr).toContain("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC");
    const certs = openssl(["pkcs12", "-nokeys", "-passin", `pass:${PASS}`, "-in", path.join(dir, "leaf.p12")]);
    expect(certs.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(() => openssl(["pkcs12", "-noout", "-passin", "pass:Firma-2026-Otra", "-in", path.join(dir, "leaf.p12")])).toThrow();
    expect(() => createSecureContext({ pfx: p12, passphrase: PASS })).not.toThrow();
    expect(() => createSecureContext({ pfx: p12, passphrase: "Firma-2026-Otra" })).toThrow();
  });

  it("refuses passphrases that tools would encode differently", () => {
    expect(() => createPkcs12({ holder: leaf, passphrase: "contraseña-ñandú" })).toThrow();
    expect(() => createPkcs12({ holder: leaf, passphrase: "corta" })).toThrow();
  });
});

describe("fingerprint and reader", { timeout: PKI_WORK_TIMEOUT }, () => {
  it("matches openssl's SHA-256 fingerprint, from PEM and from DER", () => {
    const out = openssl(["x509", "-in", path.join(dir, "leaf.pem"), "-noout", "-fingerprint", "-sha256"]);
    const expected = out.trim().split("=")[1].replaceAll(":", "").toLowerCase();
    expect(fingerprintCertificate(leaf.certPem)).toBe(expected);
    const der = new X509Certificate(leaf.certPem).raw;
    expect(fingerprintCertificate(der)).toBe(expected);
    expect(readCertificate(der).fingerprint).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads serial, names and dates the same from PEM and DER", () => {
    const fromPem = readCertificate(leaf.certPem);
    const fromDer = readCertificate(new X509Certificate(leaf.certPem).raw);
    expect(fromDer.subject).toBe(fromPem.subject);
    expect(fromDer.issuer).toBe(fromPem.issuer);
    expect(fromPem.serialNumber).toBe(new X509Certificate(leaf.certPem).serialNumber.toLowerCase().replace(/^(00)+/, ""));
    expect(fromPem.serialNumber).toBe(leaf.certificate.serialNumber.replace(/^(00)+/, ""));
  });

  it("reads a certificate with a non-RSA key made by OpenSSL", () => {
    const key = path.join(dir, "ec.key");
    const crt = path.join(dir, "ec.pem");
    openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key]);
    openssl(["req", "-new", "-x509", "-key", key, "-out", crt, "-days", "30", "-utf8", "-subj", "/C=GT/O=Ministerio de Educación/CN=Débora Quiñónez"]);
    const info = readCertificate(fs.readFileSync(crt, "utf8"));
    expect(info.subject).toBe("CN=Débora Quiñónez, O=Ministerio de Educación, C=GT");
    expect(info.fingerprint).toBe(fingerprintCertificate(fs.readFileSync(crt)));
  });

  it("escapes RFC 4514 special characters and rejects non-certificates", () => {
    const r = generateRootCa({ keyBits: 2048, subject: { commonName: "Oficina, Central + Archivo", country: "GT" } });
    expect(readCertificate(r.certPem).subject).toBe("CN=Oficina\\, Central \\+ Archivo, C=GT");
    expect(readCertificate(r.certPem).subjectCommonName).toBe("Oficina, Central + Archivo");
    expect(() => readCertificate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")).toThrow();
  });
});
