import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { TPkiServices } from "@/lib/pki/services/types";
import { writePkiServicesManifest } from "@/lib/pki/services/write-pki-services-manifest";
import { generateKey, opensslIn, REQ_SECTIONS, V3_CA_EXTENSIONS, V3_SIGNER_EXTENSIONS, V3_TSA_EXTENSIONS, type TOpenssl } from "./openssl-cli";
import { pemToDer, type TTestIdentity } from "./pki-fixtures";
import { startPkiServicesProcess } from "./start-pki-services-process";

// A test PKI that looks like a real one, made with the openssl CLI (`openssl ca`, so OpenSSL keeps
// the CA database itself) rather than with our code: a root; signer certificates carrying a CRL
// distribution point and an OCSP address (AIA) on services running on 127.0.0.1; a TSA
// (extendedKeyUsage critical timeStamping) and an OCSP responder (OCSPSigning, ocsp-nocheck)
// certificate; one signer revoked at the CA, so OCSP and the CRL say so. Names carry accents on
// purpose (forge #847, see pki-fixtures.ts).

export type TServedTestPki = {
  dir: string;
  services: TPkiServices;
  // What the certify operations take as `tsa` (Part SIG's TTsaConfig).
  tsa: { url: string };
  rootPem: string;
  rootDer: Buffer;
  rootPath: string;
  // The roots trusted for signers and TSAs, as the app passes them (PEM bytes).
  trustedRoots: Buffer[];
  // RSA, good.
  jose: TTestIdentity;
  // ECDSA P-256, good.
  ecdsa: TTestIdentity;
  // RSA, revoked at the CA (keyCompromise) before any test signs with it.
  revoked: TTestIdentity;
  // The TSA's own identity (its key signs the tokens).
  tsaIdentity: TTestIdentity;
  ocspResponder: TTestIdentity;
  // A TSA that misbehaves (see startFakeTsa), its real parts taken from this PKI.
  startFakeTsa(options: { mode: TFakeTsaMode }): Promise<TFakeTsa>;
  // Stops the services and every fake TSA started from here, and removes the directory.
  close(): Promise<void>;
};

export type TFakeTsaMode = "wrong-imprint" | "untrusted-certificate" | "refuses" | "down";
export type TFakeTsa = { url: string; close(): Promise<void> };

export const SERVED_TSA_POLICY = "2.999.10.1";

function cnf(base: string): string {
  return `
${REQ_SECTIONS}
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = .
database = ca/index.txt
new_certs_dir = ca/newcerts
serial = ca/serial
certificate = root.pem
private_key = root.key
default_md = sha256
policy = policy_any
unique_subject = no
email_in_dn = no
copy_extensions = none
[ policy_any ]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[ v3_ca ]
${V3_CA_EXTENSIONS}
[ revocation_pointers ]
crlDistributionPoints = URI:${base}/crl/root.crl
authorityInfoAccess = OCSP;URI:${base}/ocsp
[ v3_signer ]
${V3_SIGNER_EXTENSIONS}
crlDistributionPoints = URI:${base}/crl/root.crl
authorityInfoAccess = OCSP;URI:${base}/ocsp
[ v3_tsa ]
${V3_TSA_EXTENSIONS}
crlDistributionPoints = URI:${base}/crl/root.crl
authorityInfoAccess = OCSP;URI:${base}/ocsp
[ v3_ocsp ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, OCSPSigning
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
noCheck = ignored
`;
}

// A root and its CA database, with issuance through `openssl ca`.
function createCa(dir: string, baseUrl: string, rootSubject: string): TOpenssl {
  fs.mkdirSync(path.join(dir, "ca", "newcerts"), { recursive: true });
  fs.writeFileSync(path.join(dir, "openssl.cnf"), cnf(baseUrl));
  fs.writeFileSync(path.join(dir, "ca", "index.txt"), "");
  fs.writeFileSync(path.join(dir, "ca", "index.txt.attr"), "unique_subject = no\n");
  // Random serials, as a real CA's (and so two test PKIs never share one).
  fs.writeFileSync(path.join(dir, "ca", "serial"), `${createHash("sha256").update(`${dir}${Date.now()}${Math.random()}`).digest("hex").slice(0, 30).replace(/^./, "4")}\n`.toUpperCase());
  const openssl = opensslIn(dir);
  generateKey(openssl, "root.key", "rsa");
  openssl(["req", "-new", "-x509", "-utf8", "-config", "openssl.cnf", "-key", "root.key", "-subj", rootSubject, "-days", "3650", "-sha256", "-extensions", "v3_ca", "-out", "root.pem"]);
  return openssl;
}

function issue(openssl: TOpenssl, dir: string, base: string, subject: string, extensions: string, kind: "rsa" | "ec"): void {
  generateKey(openssl, `${base}.key`, kind);
  openssl(["req", "-new", "-utf8", "-config", "openssl.cnf", "-key", `${base}.key`, "-subj", subject, "-out", `${base}.csr`]);
  // -preserveDN keeps the subject's order; -startdate an hour back so a test's clock skew never
  // finds a certificate "not yet valid".
  const start = new Date(Date.now() - 3600_000).toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z";
  openssl(["ca", "-batch", "-config", "openssl.cnf", "-utf8", "-preserveDN", "-notext", "-startdate", start, "-days", "730", "-extensions", extensions, "-in", `${base}.csr`, "-out", `${base}.pem`]);
  fs.rmSync(path.join(dir, `${base}.csr`));
}

function identity(openssl: TOpenssl, dir: string, base: string, name: string, passphrase: string): TTestIdentity {
  openssl([
    "pkcs12", "-export", "-inkey", `${base}.key`, "-in", `${base}.pem`, "-certfile", "root.pem", "-name", name,
    "-keypbe", "AES-256-CBC", "-certpbe", "AES-256-CBC", "-macalg", "sha256", "-iter", "2048", "-passout", `pass:${passphrase}`, "-out", `${base}.p12`,
  ]);
  const certPem = fs.readFileSync(path.join(dir, `${base}.pem`), "utf8");
  return {
    name,
    certPem,
    certDer: pemToDer(certPem),
    keyPem: fs.readFileSync(path.join(dir, `${base}.key`), "utf8"),
    chainPems: [fs.readFileSync(path.join(dir, "root.pem"), "utf8")],
    pkcs12: fs.readFileSync(path.join(dir, `${base}.p12`)),
    passphrase,
    pkcs12Path: path.join(dir, `${base}.p12`),
  };
}

// The services' manifest for a CA made by createCa with a TSA and an OCSP responder issued.
function writeManifest(dir: string): void {
  fs.copyFileSync(path.join(dir, "root.pem"), path.join(dir, "tsa-chain.pem"));
  writePkiServicesManifest(dir, {
    version: 1,
    ca: { certificate: "root.pem", key: "root.key" },
    index: "ca/index.txt",
    tsa: { certificate: "tsa.pem", key: "tsa.key", chain: "tsa-chain.pem", policy: SERVED_TSA_POLICY },
    ocsp: { certificate: "ocsp.pem", key: "ocsp.key" },
  });
}

// A PKI with services, started first so the certificates can name the services' port.
async function createServedCa(dir: string, rootSubject: string) {
  fs.mkdirSync(dir, { recursive: true });
  // In a child process: pdfsig, spawned synchronously, fetches OCSP and CRLs from them.
  const services = await startPkiServicesProcess({ pkiDir: dir });
  try {
    const openssl = createCa(dir, services.baseUrl, rootSubject);
    const org = rootSubject.replace(/\/CN=.*$/, "");
    issue(openssl, dir, "tsa", `${org}/OU=Servicios de Confianza/CN=Autoridad de Sellado de Tiempo de Pruebas`, "v3_tsa", "rsa");
    issue(openssl, dir, "ocsp", `${org}/OU=Servicios de Confianza/CN=Respondedor OCSP de Pruebas`, "v3_ocsp", "rsa");
    writeManifest(dir);
    return { services, openssl };
  } catch (error) {
    await services.close();
    throw error;
  }
}

function listen(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/tsa`,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

async function forward(url: string, body: Buffer): Promise<Buffer> {
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/timestamp-query" }, body: new Uint8Array(body) });
  return Buffer.from(await r.arrayBuffer());
}

function reply(res: http.ServerResponse, body: Buffer) {
  res.writeHead(200, { "content-type": "application/timestamp-reply", "content-length": body.length });
  res.end(body);
}

// A query for the same nonce and digest algorithm, over other bytes.
function withOtherImprint(query: Buffer): Buffer {
  const req = pkijs.TimeStampReq.fromBER(new Uint8Array(query));
  const other = createHash("sha256").update("not the bytes that were sent").update(query).digest();
  req.messageImprint = new pkijs.MessageImprint({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: "2.16.840.1.101.3.4.2.1", algorithmParams: new asn1js.Null() }),
    hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(other) }),
  });
  return Buffer.from(req.toSchema().toBER());
}

// status rejection (2), failInfo badRequest, as a TSA that declines the request answers.
function rejection(): Buffer {
  const resp = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({
      status: pkijs.PKIStatus.rejection,
      statusStrings: [new asn1js.Utf8String({ value: "request refused by the test TSA" })],
      failInfo: new asn1js.BitString({ valueHex: new Uint8Array([0x80]), unusedBits: 7 }),
    }),
  });
  return Buffer.from(resp.toSchema().toBER());
}

// A TSA that misbehaves, for the refusal tests:
// - "wrong-imprint": a real token from `realTsaUrl`, but over other bytes (same nonce);
// - "untrusted-certificate": a real token, from a TSA whose root nobody trusts;
// - "refuses": a well-formed reply with status "rejection" and no token;
// - "down": an address where nothing listens.
export async function startFakeTsa(options: { mode: TFakeTsaMode; realTsaUrl?: string }): Promise<TFakeTsa> {
  switch (options.mode) {
    case "down": {
      const s = await listen(() => {});
      await s.close();
      return { url: s.url, close: async () => {} };
    }
    case "refuses":
      return listen((_req, res) => reply(res, rejection()));
    case "wrong-imprint": {
      const real = options.realTsaUrl;
      if (!real) throw new Error("wrong-imprint needs the real TSA's URL");
      return listen((req, res) => {
        void readBody(req)
          .then((q) => forward(real, withOtherImprint(q)))
          .then((r) => reply(res, r), () => res.writeHead(400).end());
      });
    }
    case "untrusted-certificate": {
      const dir = fs.mkdtempSync(path.join(tmpdir(), "certifica-untrusted-tsa-"));
      const { services } = await createServedCa(dir, "/C=GT/O=Organización Desconocida/CN=Raíz Ajena de Sellado Ñandú");
      const fake = await listen((req, res) => {
        void readBody(req)
          .then((q) => forward(services.tsaUrl, q))
          .then((r) => reply(res, r), () => res.writeHead(400).end());
      });
      return {
        url: fake.url,
        async close() {
          await fake.close();
          await services.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    }
  }
}

// A fresh served PKI (≈ 1 s of key generation); close() it in afterAll.
export async function createServedTestPki(): Promise<TServedTestPki> {
  const dir = fs.mkdtempSync(path.join(tmpdir(), "certifica-served-pki-"));
  const org = "/C=GT/O=Ministerio de Educación";
  const { services, openssl } = await createServedCa(dir, `${org}/CN=Raíz de Pruebas Firma Electrónica`);
  const fakes: TFakeTsa[] = [];
  try {
    issue(openssl, dir, "jose", `${org}/OU=Dirección Departamental de Educación Guatemala Norte/CN=José Pérez Gómez`, "v3_signer", "rsa");
    issue(openssl, dir, "ecdsa", `${org}/CN=Begoña Muñoz Peña`, "v3_signer", "ec");
    issue(openssl, dir, "revoked", `${org}/OU=Dirección Departamental de Educación Guatemala Norte/CN=Ramón Ordóñez Revocado`, "v3_signer", "rsa");
    openssl(["ca", "-config", "openssl.cnf", "-revoke", "revoked.pem", "-crl_reason", "keyCompromise"]);
    const rootPem = fs.readFileSync(path.join(dir, "root.pem"), "utf8");
    return {
      dir,
      services,
      tsa: { url: services.tsaUrl },
      rootPem,
      rootDer: pemToDer(rootPem),
      rootPath: path.join(dir, "root.pem"),
      trustedRoots: [Buffer.from(rootPem)],
      jose: identity(openssl, dir, "jose", "José Pérez Gómez", "clave-de-jose-2026"),
      ecdsa: identity(openssl, dir, "ecdsa", "Begoña Muñoz Peña", "clave-de-begona-2026"),
      revoked: identity(openssl, dir, "revoked", "Ramón Ordóñez Revocado", "clave-revocada-2026"),
      tsaIdentity: identity(openssl, dir, "tsa", "Autoridad de Sellado de Tiempo de Pruebas", "clave-tsa-2026"),
      ocspResponder: identity(openssl, dir, "ocsp", "Respondedor OCSP de Pruebas", "clave-ocsp-2026"),
      async startFakeTsa({ mode }) {
        const fake = await startFakeTsa({ mode, realTsaUrl: services.tsaUrl });
        fakes.push(fake);
        return fake;
      },
      async close() {
        await Promise.all(fakes.map((f) => f.close()));
        await services.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}
