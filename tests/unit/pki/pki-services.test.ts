import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as pkijs from "pkijs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPkiServices } from "@/lib/pki/services/start-pki-services";
import { createServedTestPki, type TServedTestPki } from "@/tests/helpers/served-test-pki";

// The services answer real OpenSSL clients, for the test PKI made by the openssl CLI.

let pki: TServedTestPki;
let work: string;

// Key generation and openssl children: a hang guard, not a speed check.
const TIMEOUT = 120_000;

beforeAll(async () => {
  pki = await createServedTestPki();
  work = fs.mkdtempSync(path.join(pki.dir, "client-"));
}, TIMEOUT);

afterAll(async () => {
  await pki?.close();
});

// Asynchronous: the services run in this process, and a blocked event loop would never answer.
function openssl(args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile("openssl", args, { cwd: work, encoding: "utf8" }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`));
  });
}

async function post(url: string, type: string, body: Buffer): Promise<{ status: number; type: string | null; body: Buffer }> {
  const r = await fetch(url, { method: "POST", headers: { "content-type": type }, body: new Uint8Array(body) });
  return { status: r.status, type: r.headers.get("content-type"), body: Buffer.from(await r.arrayBuffer()) };
}

function certFile(name: string, pem: string): string {
  const f = path.join(work, `${name}.pem`);
  fs.writeFileSync(f, pem);
  return f;
}

describe("PKI services", { timeout: TIMEOUT }, () => {
  it("the TSA answers an `openssl ts -query` with a token `openssl ts -verify` accepts against the root", async () => {
    fs.writeFileSync(path.join(work, "data.bin"), "contenido firmado");
    execFileSync("openssl", ["ts", "-query", "-data", "data.bin", "-sha256", "-cert", "-out", "q.tsq"], { cwd: work, stdio: "pipe" });
    const r = await post(pki.services.tsaUrl, "application/timestamp-query", fs.readFileSync(path.join(work, "q.tsq")));
    expect(r.status).toBe(200);
    expect(r.type).toBe("application/timestamp-reply");
    fs.writeFileSync(path.join(work, "r.tsr"), r.body);
    expect(await openssl(["ts", "-verify", "-in", "r.tsr", "-queryfile", "q.tsq", "-CAfile", pki.rootPath])).toContain("Verification: OK");
    expect(await openssl(["ts", "-verify", "-in", "r.tsr", "-data", "data.bin", "-CAfile", pki.rootPath])).toContain("Verification: OK");
    const text = await openssl(["ts", "-reply", "-in", "r.tsr", "-text"]);
    expect(text).toContain("Status: Granted.");
    expect(text).toContain("Policy OID: 2.999.10.1");
    expect(text).toContain("Autoridad de Sellado de Tiempo de Pruebas");
  });

  it("hands out a new serial for every token, also for simultaneous requests", async () => {
    execFileSync("openssl", ["ts", "-query", "-data", "data.bin", "-sha256", "-out", "q2.tsq"], { cwd: work, stdio: "pipe" });
    const q = fs.readFileSync(path.join(work, "q2.tsq"));
    const replies = await Promise.all(Array.from({ length: 4 }, () => post(pki.services.tsaUrl, "application/timestamp-query", q)));
    const serials: (string | undefined)[] = [];
    for (const [i, r] of replies.entries()) {
      fs.writeFileSync(path.join(work, `p${i}.tsr`), r.body);
      serials.push(/Serial number: (0x[0-9A-F]+)/.exec(await openssl(["ts", "-reply", "-in", `p${i}.tsr`, "-text"]))?.[1]);
    }
    expect(serials.every(Boolean)).toBe(true);
    expect(new Set(serials).size).toBe(4);
  });

  it("OCSP says good for a valid signer and revoked for the revoked one, signed by the responder", async () => {
    const root = pki.rootPath;
    for (const [who, expected] of [["jose", "good"], ["ecdsa", "good"], ["revoked", "revoked"]] as const) {
      const cert = certFile(who, pki[who].certPem);
      const out = await openssl(["ocsp", "-issuer", root, "-cert", cert, "-url", pki.services.ocspUrl, "-CAfile", root]);
      expect(out).toContain("Response verify OK");
      expect(out).toContain(`${cert}: ${expected}`);
      if (expected === "revoked") expect(out).toContain("Reason: keyCompromise");
    }
  });

  it("the CRL is DER, signed by the root, fresh, and lists the revoked serial only", async () => {
    const r = await fetch(pki.services.crlUrl);
    expect(r.status).toBe(200);
    fs.writeFileSync(path.join(work, "root.crl"), Buffer.from(await r.arrayBuffer()));
    const text = await openssl(["crl", "-inform", "DER", "-in", "root.crl", "-CAfile", pki.rootPath, "-noout", "-text"]);
    expect(text).toContain("verify OK");
    const serial = async (pem: string) => (await openssl(["x509", "-in", certFile("s", pem), "-noout", "-serial"])).trim().replace("serial=", "");
    expect(text).toContain(`Serial Number: ${await serial(pki.revoked.certPem)}`);
    expect(text).not.toContain(`Serial Number: ${await serial(pki.jose.certPem)}`);
    const next = /Next Update: (.+)/.exec(text)?.[1];
    expect(new Date(next!).getTime()).toBeGreaterThan(Date.now());
  });

  it("a new revocation reaches the CRL at once, and the unchanged CRL is served as it was", async () => {
    const first = Buffer.from(await (await fetch(pki.services.crlUrl)).arrayBuffer());
    const again = Buffer.from(await (await fetch(pki.services.crlUrl)).arrayBuffer());
    expect(again.equals(first)).toBe(true);
    execFileSync("openssl", ["ca", "-config", "openssl.cnf", "-revoke", "ecdsa.pem", "-crl_reason", "superseded"], {
      cwd: pki.dir,
      env: { ...process.env, OPENSSL_CONF: path.join(pki.dir, "openssl.cnf") },
      stdio: "pipe",
    });
    try {
      const after = pkijs.CertificateRevocationList.fromBER(new Uint8Array(await (await fetch(pki.services.crlUrl)).arrayBuffer()));
      const serials = (after.revokedCertificates ?? []).map((c) => Buffer.from(c.userCertificate.valueBlock.valueHexView).toString("hex"));
      expect(serials).toHaveLength(2);
      const ecdsaSerial = pkijs.Certificate.fromBER(new Uint8Array(pki.ecdsa.certDer)).serialNumber.valueBlock.valueHexView;
      expect(serials).toContain(Buffer.from(ecdsaSerial).toString("hex"));
      const out = await openssl(["ocsp", "-issuer", pki.rootPath, "-cert", certFile("ecdsa", pki.ecdsa.certPem), "-url", pki.services.ocspUrl, "-CAfile", pki.rootPath]);
      expect(out).toMatch(/ecdsa\.pem: revoked/);
    } finally {
      // Back to valid for the other tests of this file (index line V again).
      const index = path.join(pki.dir, "ca", "index.txt");
      const ecdsaSerialHex = (await openssl(["x509", "-in", certFile("ecdsa", pki.ecdsa.certPem), "-noout", "-serial"])).trim().replace("serial=", "");
      fs.writeFileSync(
        index,
        fs
          .readFileSync(index, "utf8")
          .split("\n")
          .map((l) => (l.split("\t")[3] === ecdsaSerialHex ? l.replace(/^R\t([^\t]*)\t[^\t]*\t/, "V\t$1\t\t") : l))
          .join("\n"),
      );
    }
  });

  it("answers bad requests with 4xx and keeps serving", async () => {
    expect((await post(pki.services.tsaUrl, "application/timestamp-query", Buffer.from("no es una solicitud"))).status).toBe(400);
    expect((await post(pki.services.tsaUrl, "application/timestamp-query", Buffer.alloc(0))).status).toBe(400);
    expect((await post(pki.services.ocspUrl, "application/ocsp-request", Buffer.from([0x30, 0x03, 0x02, 0x01]))).status).toBe(400);
    expect((await fetch(`${pki.services.ocspUrl}/%%%`)).status).toBe(400);
    expect((await post(pki.services.tsaUrl, "application/timestamp-query", Buffer.alloc(200_000, 0x30))).status).toBe(413);
    expect((await fetch(pki.services.tsaUrl)).status).toBe(405);
    expect((await fetch(`${pki.services.baseUrl}/nada`)).status).toBe(404);
    const out = await openssl(["ocsp", "-issuer", pki.rootPath, "-cert", certFile("jose", pki.jose.certPem), "-url", pki.services.ocspUrl, "-CAfile", pki.rootPath]);
    expect(out).toContain(": good");
  });

  it("answers OCSP over GET too (RFC 6960 A.1)", async () => {
    await openssl(["ocsp", "-issuer", pki.rootPath, "-cert", certFile("jose", pki.jose.certPem), "-reqout", "req.der"]);
    const encoded = encodeURIComponent(fs.readFileSync(path.join(work, "req.der")).toString("base64"));
    const r = await fetch(`${pki.services.ocspUrl}/${encoded}`);
    expect(r.status).toBe(200);
    fs.writeFileSync(path.join(work, "resp.der"), Buffer.from(await r.arrayBuffer()));
    const out = await openssl(["ocsp", "-respin", "resp.der", "-reqin", "req.der", "-CAfile", pki.rootPath, "-resp_text"]);
    expect(out).toContain("Response verify OK");
    expect(out).toContain("Cert Status: good");
  });
});

describe("PKI services before the PKI exists", () => {
  it("start on an empty directory and say 503 until the manifest is there", async () => {
    const dir = fs.mkdtempSync(path.join(work, "empty-"));
    const services = await startPkiServices({ pkiDir: dir });
    try {
      expect(services.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(services.crlUrl).toBe(`${services.baseUrl}/crl/root.crl`);
      expect((await fetch(services.crlUrl)).status).toBe(503);
      fs.writeFileSync(path.join(work, "d.bin"), "x");
      execFileSync("openssl", ["ts", "-query", "-data", "d.bin", "-sha256", "-out", "e.tsq"], { cwd: work, stdio: "pipe" });
      expect((await post(services.tsaUrl, "application/timestamp-query", fs.readFileSync(path.join(work, "e.tsq")))).status).toBe(503);
    } finally {
      await services.close();
    }
    // Closed: nothing listens any more.
    await expect(fetch(services.crlUrl)).rejects.toThrow();
  });
});

describe("fake TSAs for the refusal tests", { timeout: TIMEOUT }, () => {
  async function ask(url: string): Promise<{ reply: string; verify: string }> {
    fs.writeFileSync(path.join(work, "fake.bin"), "documento de la prueba");
    execFileSync("openssl", ["ts", "-query", "-data", "fake.bin", "-sha256", "-cert", "-out", "fake.tsq"], { cwd: work, stdio: "pipe" });
    const r = await post(url, "application/timestamp-query", fs.readFileSync(path.join(work, "fake.tsq")));
    expect(r.status).toBe(200);
    fs.writeFileSync(path.join(work, "fake.tsr"), r.body);
    return {
      reply: await openssl(["ts", "-reply", "-in", "fake.tsr", "-text"]),
      verify: await openssl(["ts", "-verify", "-in", "fake.tsr", "-queryfile", "fake.tsq", "-CAfile", pki.rootPath]),
    };
  }

  it("wrong-imprint: a real, granted token over other bytes, same nonce", async () => {
    const fake = await pki.startFakeTsa({ mode: "wrong-imprint" });
    const { reply, verify } = await ask(fake.url);
    expect(reply).toContain("Status: Granted.");
    const nonce = /Nonce: (0x[0-9A-F]+)/.exec(reply)?.[1];
    expect(nonce).toBeTruthy();
    expect(await openssl(["ts", "-query", "-in", "fake.tsq", "-text"])).toContain(`Nonce: ${nonce}`);
    expect(verify).toContain("message imprint mismatch");
    expect(verify).not.toContain("Verification: OK");
  });

  it("untrusted-certificate: a granted token whose TSA chains to another root", async () => {
    const fake = await pki.startFakeTsa({ mode: "untrusted-certificate" });
    const { reply, verify } = await ask(fake.url);
    expect(reply).toContain("Status: Granted.");
    expect(reply).toContain("Desconocida");
    expect(verify).not.toContain("Verification: OK");
    expect(verify).toContain("certificate verify error");
  });

  it("refuses: status rejection, no token", async () => {
    const fake = await pki.startFakeTsa({ mode: "refuses" });
    const { reply } = await ask(fake.url);
    expect(reply).toContain("Status: Rejected.");
    expect(reply).toContain("TST info:\nNot included.");
  });

  it("down: nothing answers", async () => {
    const fake = await pki.startFakeTsa({ mode: "down" });
    await expect(fetch(fake.url, { method: "POST", body: "x" })).rejects.toThrow();
  });
});

describe("the served test PKI's certificates", () => {
  it("signers and the TSA name the services' CRL and OCSP addresses", async () => {
    for (const who of ["jose", "ecdsa", "revoked", "tsaIdentity"] as const) {
      const t = await openssl(["x509", "-in", certFile(who, pki[who].certPem), "-noout", "-text"]);
      expect(t).toContain(`URI:${pki.services.crlUrl}`);
      expect(t).toContain(`OCSP - URI:${pki.services.ocspUrl}`);
    }
  });

  it("the TSA's extended key usage is timeStamping only, critical; the responder's OCSPSigning with ocsp-nocheck", async () => {
    const tsa = await openssl(["x509", "-in", certFile("tsa", pki.tsaIdentity.certPem), "-noout", "-text"]);
    expect(tsa).toMatch(/X509v3 Extended Key Usage: critical\n\s+Time Stamping\n/);
    const ocsp = await openssl(["x509", "-in", certFile("ocsp", pki.ocspResponder.certPem), "-noout", "-text"]);
    expect(ocsp).toMatch(/X509v3 Extended Key Usage: critical\n\s+OCSP Signing\n/);
    expect(ocsp).toContain("OCSP No Check");
  });
});
