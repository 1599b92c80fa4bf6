import { execFile } from "node:child_process";
import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRevocationPointers } from "@/lib/pki/read-revocation-pointers";
import { createCertifyWorld, type TCertifyWorld } from "./certify-world";

// A test world runs the PKI services of its own demo PKI, started before the seed: the demo
// certificates name them, the TSA answers with tokens of the demo root, OCSP knows the revoked
// certificate, the certify options carry the TSA, and cleanup stops the services.

let w: TCertifyWorld;
let closed = false;

beforeAll(async () => {
  w = await createCertifyWorld();
});
afterAll(async () => {
  if (!closed) await w?.cleanup();
});

function openssl(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve) => execFile("openssl", args, { cwd, encoding: "utf8" }, (_e, out, err) => resolve(`${out}${err}`)));
}

describe("a test world's PKI services", () => {
  it("are named by every demo certificate, and the world hands out their TSA and the demo root", () => {
    expect(w.tsa).toEqual({ url: w.pkiServices.tsaUrl });
    expect(w.options.tsa).toEqual(w.tsa);
    expect(w.trustedRoots.map(String)).toEqual([w.pki.rootPem]);
    for (const c of [...w.pki.certificates, w.pki.tsa]) {
      expect(readRevocationPointers(Buffer.from(new X509Certificate(c.certPem).raw))).toEqual({ crlUrls: [w.pkiServices.crlUrl], ocspUrls: [w.pkiServices.ocspUrl] });
    }
    expect(process.env.TSA_URL).toBe(w.pkiServices.tsaUrl);
  });

  it("answer: a timestamp that verifies against the demo root, OCSP revoked for the revoked demo certificate", async () => {
    const dir = fs.mkdtempSync(path.join(w.root, "client-"));
    fs.writeFileSync(path.join(dir, "data.bin"), "firma");
    await openssl(["ts", "-query", "-data", "data.bin", "-sha256", "-cert", "-out", "q.tsq"], dir);
    const r = await fetch(w.tsa.url, { method: "POST", headers: { "content-type": "application/timestamp-query" }, body: fs.readFileSync(path.join(dir, "q.tsq")) });
    fs.writeFileSync(path.join(dir, "r.tsr"), Buffer.from(await r.arrayBuffer()));
    expect(await openssl(["ts", "-verify", "-in", "r.tsr", "-data", "data.bin", "-CAfile", path.join(w.pkiDir, "root-ca.pem")], dir)).toContain("Verification: OK");
    const revoked = w.pki.certificates.find((c) => c.status === "revoked")!.path.replace(".p12", ".cert.pem");
    const root = path.join(w.pkiDir, "root-ca.pem");
    const out = await openssl(["ocsp", "-issuer", root, "-cert", revoked, "-url", w.pkiServices.ocspUrl, "-CAfile", root], dir);
    expect(out).toContain("Response verify OK");
    expect(out).toContain(`${revoked}: revoked`);
  });

  it("stop with the world's cleanup, and TSA_URL goes back", async () => {
    const url = w.pkiServices.crlUrl;
    expect((await fetch(url)).status).toBe(200);
    await w.cleanup();
    closed = true;
    await expect(fetch(url)).rejects.toThrow();
    expect(process.env.TSA_URL).not.toBe(w.pkiServices.tsaUrl);
  });
});
