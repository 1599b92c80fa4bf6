import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPkcs12 } from "@/lib/pki/open-pkcs12";
import { readCertificate } from "@/lib/pki/read-certificate";
import { DEMO_CERTIFICATES, ROOT_CA_PASSPHRASE } from "@/prisma/seed/demo-accounts";
import { ensureDemoPki, type TDemoPki } from "@/prisma/seed/ensure-demo-pki";

let dir: string;
let first: TDemoPki;
const now = new Date();

// Every call opens the root and seven PKCS#12 files, and a renewal issues seven certificates
// and wraps them again: forge's PBKDF2 and RSA signatures are pure JS (≈ 1–4 s here when idle,
// over 10 s on a busy 2-core machine). The timeouts only catch a hang; they are not a speed check.
const PKI_WORK_TIMEOUT = 60_000;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-demo-pki-"));
  first = ensureDemoPki({ pkiDir: dir, now });
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
      // Never a bare private key on disk.
      expect(fs.readdirSync(dir).some((f) => fs.readFileSync(path.join(dir, f)).includes("PRIVATE KEY"))).toBe(false);
    }
  });

  it("reuses everything on the next run", () => {
    const again = ensureDemoPki({ pkiDir: dir, now });
    expect(again.written).toEqual([]);
    expect(again.rootPem).toBe(first.rootPem);
    expect(fingerprints(again)).toEqual(fingerprints(first));
  });

  it("re-issues only a missing file, under the same root", () => {
    fs.rmSync(path.join(dir, "central-assistant.p12"));
    const again = ensureDemoPki({ pkiDir: dir, now });
    expect(again.rootPem).toBe(first.rootPem);
    expect(again.written.sort()).toEqual(["central-assistant.cert.pem", "central-assistant.p12"]);
    const changed = Object.entries(fingerprints(again)).filter(([k, f]) => fingerprints(first)[k] !== f).map(([k]) => k);
    expect(changed).toEqual(["central-assistant"]);
  });

  it("renews certificates about to expire, keeping the root and the expired one", () => {
    const before = ensureDemoPki({ pkiDir: dir, now });
    const later = new Date(now.getTime() + 2 * 365 * 24 * 3600 * 1000);
    const renewed = ensureDemoPki({ pkiDir: dir, now: later });
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
});
