import { execFile } from "node:child_process";
import { createPrivateKey, X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as pkijs from "pkijs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPkcs12 } from "@/lib/pki/open-pkcs12";
import { readCertificate } from "@/lib/pki/read-certificate";
import { readRevocationPointers } from "@/lib/pki/read-revocation-pointers";
import { startPkiServices } from "@/lib/pki/services/start-pki-services";
import type { TPkiServices } from "@/lib/pki/services/types";
import { DEMO_CERTIFICATES, DEMO_TSA, ROOT_CA_PASSPHRASE } from "@/prisma/seed/demo-accounts";
import { ensureDemoPki, type TDemoPki } from "@/prisma/seed/ensure-demo-pki";

let dir: string;
let first: TDemoPki;
const now = new Date();
// Services are not running for most of this file: the URLs only have to be what the certificates say.
const BASE = "http://127.0.0.1:3099";

// Every file under the PKI directory, relative.
function filesUnder(root: string): string[] {
  return fs.readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(root, f)).isFile());
}

function run(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve) => execFile(cmd, args, { cwd, encoding: "utf8" }, (_e, out, err) => resolve(`${out}${err}`)));
}

const pointers = (pem: string) => readRevocationPointers(Buffer.from(new X509Certificate(pem).raw));

// Every call opens the root and seven PKCS#12 files, and a renewal issues seven certificates
// and wraps them again: forge's PBKDF2 and RSA signatures are pure JS (≈ 1–4 s here when idle,
// over 10 s on a busy 2-core machine). The timeouts only catch a hang; they are not a speed check.
const PKI_WORK_TIMEOUT = 60_000;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-demo-pki-"));
  first = ensureDemoPki({ pkiDir: dir, now, servicesBaseUrl: BASE });
}, PKI_WORK_TIMEOUT);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fingerprints = (pki: TDemoPki) => Object.fromEntries(pki.certificates.map((c) => [c.key, c.info.fingerprint]));

describe("ensureDemoPki", { timeout: PKI_WORK_TIMEOUT }, () => {
  it("writes the root and one PKCS#12 per demo certificate, each opening with its documented passphrase", () => {
    expect(fs.readFileSync(path.join(dir, "root-ca.pem"), "utf8")).toBe(first.rootPem);
    expect(openPkcs12(fs.readFileSync(path.join(dir, "root-ca.p12")), ROOT_CA_PASSPHRASE).certPem).toBe(first.rootPem);
    expect(first.rootInfo.subject).toBe("CN=Raíz de Pruebas Certifica, O=Ministerio de Educación, C=GT");
    const root = new X509Certificate(first.rootPem);
    for (const def of DEMO_CERTIFICATES) {
      const opened = openPkcs12(fs.readFileSync(path.join(dir, def.file)), def.passphrase);
      const info = readCertificate(opened.certPem);
      expect(info.subjectCommonName).toBe(def.holderName);
      expect(info.subject).toContain("O=Ministerio de Educación, C=GT");
      const x = new X509Certificate(opened.certPem);
      expect(x.checkIssued(root) && x.verify(root.publicKey)).toBe(true);
      if (def.status === "expired") expect(info.validTo.getTime()).toBeLessThan(now.getTime());
      else expect(info.validFrom.getTime() <= now.getTime() && info.validTo.getTime() > now.getTime()).toBe(true);
      expect(fs.readFileSync(path.join(dir, def.file.replace(".p12", ".cert.pem")), "utf8")).toBe(opened.certPem);
      // Never a bare private key on disk (the TSA's PEM key is encrypted: see below).
      expect(filesUnder(dir).filter((f) => /-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(fs.readFileSync(path.join(dir, f), "latin1")))).toEqual([]);
    }
    const tsaKey = fs.readFileSync(path.join(dir, DEMO_TSA.keyFile), "utf8");
    expect(tsaKey).toContain("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    expect(() => createPrivateKey({ key: tsaKey, passphrase: "otra" })).toThrow();
    expect(createPrivateKey({ key: tsaKey, passphrase: DEMO_TSA.passphrase }).asymmetricKeyType).toBe("rsa");
  });

  it("every signer and the TSA name the services' CRL and OCSP; the TSA and the OCSP responder have their profiles", async () => {
    for (const c of [...first.certificates, first.tsa]) {
      expect([c.info.subjectCommonName, pointers(c.certPem)]).toEqual([c.info.subjectCommonName, { crlUrls: [`${BASE}/crl/root.crl`], ocspUrls: [`${BASE}/ocsp`] }]);
    }
    const tsa = await run("openssl", ["x509", "-noout", "-text", "-in", first.tsa.path.replace(".p12", ".cert.pem")], dir);
    expect(tsa).toMatch(/X509v3 Extended Key Usage: critical\n\s+Time Stamping\n/);
    expect(tsa).toContain("X509v3 Basic Constraints: critical\n                CA:FALSE");
    expect(tsa).toContain(`Full Name:\n                  URI:${BASE}/crl/root.crl`);
    expect(tsa).toContain(`OCSP - URI:${BASE}/ocsp`);
    const ocsp = await run("openssl", ["x509", "-noout", "-text", "-in", first.ocspResponder.path.replace(".p12", ".cert.pem")], dir);
    expect(ocsp).toMatch(/X509v3 Extended Key Usage: critical\n\s+OCSP Signing\n/);
    expect(ocsp).toContain("OCSP No Check");
    const root = new X509Certificate(first.rootPem);
    for (const c of [first.tsa, first.ocspResponder]) expect(new X509Certificate(c.certPem).verify(root.publicKey)).toBe(true);
  });

  it("keeps OpenSSL's CA database: every certificate the root issued, the revoked one revoked", () => {
    const lines = fs.readFileSync(path.join(dir, "ca/index.txt"), "utf8").trim().split("\n").map((l) => l.split("\t"));
    const bySerial = new Map(lines.map((l) => [l[3], l]));
    for (const c of [...first.certificates, first.tsa, first.ocspResponder]) {
      const line = bySerial.get(c.info.serialNumber.toUpperCase());
      expect(line, c.info.subject).toBeDefined();
      const revoked = "status" in c && c.status === "revoked";
      expect(line![0]).toBe(revoked ? "R" : "V");
      if (revoked) expect(line![2]).toMatch(/^\d{12}Z,keyCompromise$/);
    }
    expect(lines).toHaveLength(first.certificates.length + 2);
  });

  it("reuses everything on the next run", () => {
    const again = ensureDemoPki({ pkiDir: dir, now, servicesBaseUrl: BASE });
    expect(again.written).toEqual([]);
    expect(again.rootPem).toBe(first.rootPem);
    expect(fingerprints(again)).toEqual(fingerprints(first));
  });

  it("re-issues only a missing file, under the same root", () => {
    fs.rmSync(path.join(dir, "central-assistant.p12"));
    const again = ensureDemoPki({ pkiDir: dir, now, servicesBaseUrl: BASE });
    expect(again.rootPem).toBe(first.rootPem);
    // The CA database records the new certificate beside the old one.
    expect(again.written.sort()).toEqual(["ca/index.txt", "central-assistant.cert.pem", "central-assistant.p12"]);
    const changed = Object.entries(fingerprints(again)).filter(([k, f]) => fingerprints(first)[k] !== f).map(([k]) => k);
    expect(changed).toEqual(["central-assistant"]);
  });

  it("renews certificates about to expire, keeping the root and the expired one", () => {
    const before = ensureDemoPki({ pkiDir: dir, now, servicesBaseUrl: BASE });
    const later = new Date(now.getTime() + 2 * 365 * 24 * 3600 * 1000);
    const renewed = ensureDemoPki({ pkiDir: dir, now: later, servicesBaseUrl: BASE });
    expect(renewed.rootPem).toBe(first.rootPem);
    for (const c of renewed.certificates) {
      const old = before.certificates.find((b) => b.key === c.key)!;
      if (c.status === "expired") expect(c.info.fingerprint).toBe(old.info.fingerprint);
      else {
        expect(c.info.fingerprint).not.toBe(old.info.fingerprint);
        expect(c.info.validTo.getTime()).toBeGreaterThan(later.getTime());
      }
    }
  });

  it("re-issues every certificate that names other service addresses, under the same root, and reuses them after", () => {
    const before = ensureDemoPki({ pkiDir: dir, now, servicesBaseUrl: BASE });
    const moved = ensureDemoPki({ pkiDir: dir, now, servicesBaseUrl: "http://127.0.0.1:4123/" });
    expect(moved.rootPem).toBe(first.rootPem);
    expect(moved.servicesBaseUrl).toBe("http://127.0.0.1:4123");
    for (const c of [...moved.certificates, moved.tsa]) expect(pointers(c.certPem).ocspUrls).toEqual(["http://127.0.0.1:4123/ocsp"]);
    for (const c of moved.certificates) expect(c.info.fingerprint).not.toBe(before.certificates.find((b) => b.key === c.key)!.info.fingerprint);
    expect(moved.tsa.info.fingerprint).not.toBe(before.tsa.info.fingerprint);
    // The responder names no addresses (ocsp-nocheck): nothing to re-issue.
    expect(moved.ocspResponder.info.fingerprint).toBe(before.ocspResponder.info.fingerprint);
    const again = ensureDemoPki({ pkiDir: dir, now, servicesBaseUrl: "http://127.0.0.1:4123" });
    expect(again.written).toEqual([]);
    expect(fingerprints(again)).toEqual(fingerprints(moved));
    // The replaced certificates stay listed: the root issued them.
    const serials = fs.readFileSync(path.join(dir, "ca/index.txt"), "utf8").split("\n").filter(Boolean).map((l) => l.split("\t")[3]);
    for (const c of [...before.certificates, ...moved.certificates]) expect(serials).toContain(c.info.serialNumber.toUpperCase());
  });
});

describe("the demo PKI behind its services", { timeout: PKI_WORK_TIMEOUT }, () => {
  let services: TPkiServices;
  let pkiDir: string;
  let pki: TDemoPki;

  beforeAll(async () => {
    pkiDir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-demo-pki-served-"));
    // Started first, on any port: the certificates then name that port.
    services = await startPkiServices({ pkiDir });
    pki = ensureDemoPki({ pkiDir, now: new Date(), servicesBaseUrl: services.baseUrl });
  }, PKI_WORK_TIMEOUT);
  afterAll(async () => {
    await services?.close();
    fs.rmSync(pkiDir, { recursive: true, force: true });
  });

  it("the TSA's tokens verify against the demo root with openssl", async () => {
    fs.writeFileSync(path.join(pkiDir, "data.bin"), "certificación");
    await run("openssl", ["ts", "-query", "-data", "data.bin", "-sha256", "-cert", "-out", "q.tsq"], pkiDir);
    const r = await fetch(services.tsaUrl, { method: "POST", headers: { "content-type": "application/timestamp-query" }, body: fs.readFileSync(path.join(pkiDir, "q.tsq")) });
    expect(r.status).toBe(200);
    fs.writeFileSync(path.join(pkiDir, "r.tsr"), Buffer.from(await r.arrayBuffer()));
    expect(await run("openssl", ["ts", "-verify", "-in", "r.tsr", "-data", "data.bin", "-CAfile", "root-ca.pem"], pkiDir)).toContain("Verification: OK");
    expect(await run("openssl", ["ts", "-reply", "-in", "r.tsr", "-text"], pkiDir)).toContain("Policy OID: 2.999.10.1");
  });

  it("OCSP says good for an active demo certificate and revoked for the revoked one; the CRL lists it", async () => {
    for (const c of pki.certificates.filter((c) => c.key === "central-assistant" || c.key === "revoked-signer")) {
      const file = c.path.replace(".p12", ".cert.pem");
      const out = await run("openssl", ["ocsp", "-issuer", "root-ca.pem", "-cert", file, "-url", services.ocspUrl, "-CAfile", "root-ca.pem"], pkiDir);
      expect(out).toContain("Response verify OK");
      expect(out).toContain(`${file}: ${c.status === "revoked" ? "revoked" : "good"}`);
    }
    const crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(await (await fetch(services.crlUrl)).arrayBuffer()));
    const revoked = (crl.revokedCertificates ?? []).map((r) => Buffer.from(r.userCertificate.valueBlock.valueHexView).toString("hex"));
    expect(revoked).toEqual([pki.certificates.find((c) => c.status === "revoked")!.info.serialNumber]);
    expect(crl.nextUpdate!.value.getTime()).toBeGreaterThan(Date.now());
    fs.writeFileSync(path.join(pkiDir, "root.crl"), Buffer.from(await (await fetch(services.crlUrl)).arrayBuffer()));
    expect(await run("openssl", ["crl", "-inform", "DER", "-in", "root.crl", "-CAfile", "root-ca.pem", "-noout"], pkiDir)).toContain("verify OK");
  });
});
