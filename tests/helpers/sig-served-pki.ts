// TEMPORARY (Part SIG): a served openssl test PKI for the timestamp, revocation and DSS tests,
// until tests/helpers/served-test-pki.ts (Part PKI) lands; then this file goes.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { pemToDer } from "./pki-fixtures";

export type TSigIdentity = { certPem: string; certDer: Buffer; keyPem: string; chainDer: Buffer[]; pkcs12: Buffer; passphrase: string };

export type TSigServedPki = {
  dir: string;
  baseUrl: string;
  tsaUrl: string;
  rootPem: string;
  rootDer: Buffer;
  trustedRoots: Buffer[];
  jose: TSigIdentity;
  ecdsa: TSigIdentity;
  revoked: TSigIdentity;
  // No CRL distribution point nor OCSP address.
  bare: TSigIdentity;
  tsa: TSigIdentity;
  fakeTsaUrl(mode: "wrong-imprint" | "untrusted-certificate" | "refuses" | "down"): string;
  // Counts requests per route, to prove what was (not) asked.
  hits: Record<string, number>;
  // Makes a route answer 503 until set back to false.
  failing: Set<string>;
  close(): Promise<void>;
};

const config = (dir: string, base: string) => `
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/newcerts
certificate = ${dir}/root.pem
private_key = ${dir}/root.key
serial = ${dir}/serial
crlnumber = ${dir}/crlnumber
default_md = sha256
default_days = 730
default_crl_days = 7
policy = policy_any
unique_subject = no
utf8 = yes
string_mask = utf8only
[ policy_any ]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[ req ]
distinguished_name = dn
string_mask = utf8only
utf8 = yes
prompt = no
[ dn ]
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ v3_signer ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
crlDistributionPoints = URI:${base}/crl/root.crl
authorityInfoAccess = OCSP;URI:${base}/ocsp
[ v3_bare ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
[ v3_tsa ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
crlDistributionPoints = URI:${base}/crl/root.crl
authorityInfoAccess = OCSP;URI:${base}/ocsp
[ v3_ocsp ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, OCSPSigning
noCheck = ignored
[ tsa ]
default_tsa = tsa_good
[ tsa_good ]
serial = ${dir}/tsa-serial
signer_cert = ${dir}/tsa.pem
certs = ${dir}/root.pem
signer_key = ${dir}/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ess_cert_id_chain = yes
ess_cert_id_alg = sha256
[ tsa_untrusted ]
serial = ${dir}/tsa-serial
signer_cert = ${dir}/tsa-untrusted.pem
certs = ${dir}/other-root.pem
signer_key = ${dir}/tsa-untrusted.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256
ess_cert_id_chain = yes
ess_cert_id_alg = sha256
`;

function openssl(dir: string, args: string[], input?: Buffer): Buffer {
  return execFileSync("openssl", args, { cwd: dir, env: { ...process.env, OPENSSL_CONF: path.join(dir, "openssl.cnf") }, input, stdio: ["pipe", "pipe", "pipe"] });
}

function issue(dir: string, base: string, subject: string, extensions: string, kind: "rsa" | "ec" = "rsa", ca = "root") {
  if (kind === "rsa") openssl(dir, ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", `${base}.key`]);
  else openssl(dir, ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", `${base}.key`]);
  openssl(dir, ["req", "-new", "-utf8", "-config", "openssl.cnf", "-key", `${base}.key`, "-subj", subject, "-out", `${base}.csr`]);
  if (ca === "root") {
    openssl(dir, ["ca", "-batch", "-utf8", "-config", "openssl.cnf", "-extensions", extensions, "-notext", "-in", `${base}.csr`, "-out", `${base}.pem`]);
  } else {
    openssl(dir, ["x509", "-req", "-in", `${base}.csr`, "-CA", `${ca}.pem`, "-CAkey", `${ca}.key`, "-CAcreateserial", "-days", "730", "-sha256", "-extfile", "openssl.cnf", "-extensions", extensions, "-out", `${base}.pem`]);
  }
}

function identity(dir: string, base: string, passphrase = "clave-2026"): TSigIdentity {
  openssl(dir, ["pkcs12", "-export", "-inkey", `${base}.key`, "-in", `${base}.pem`, "-certfile", "root.pem", "-name", base, "-passout", `pass:${passphrase}`, "-out", `${base}.p12`]);
  const certPem = readFileSync(path.join(dir, `${base}.pem`), "utf8");
  return {
    certPem,
    certDer: pemToDer(certPem),
    keyPem: readFileSync(path.join(dir, `${base}.key`), "utf8"),
    chainDer: [pemToDer(readFileSync(path.join(dir, "root.pem"), "utf8"))],
    pkcs12: readFileSync(path.join(dir, `${base}.p12`)),
    passphrase,
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function createSigServedPki(): Promise<TSigServedPki> {
  const dir = mkdtempSync(path.join(tmpdir(), "certifica-sig-pki-"));
  const hits: Record<string, number> = {};
  const failing = new Set<string>();
  let seq = 0;
  const tmp = (ext: string) => path.join(dir, `io-${process.pid}-${seq++}-${randomBytes(3).toString("hex")}.${ext}`);

  const handlers: Partial<Record<string, (body: Buffer) => Buffer>> = {
    "/tsa": (body) => tsReply("tsa_good", body),
    "/tsa-untrusted": (body) => tsReply("tsa_untrusted", body),
    "/tsa-wrong-imprint": (body) => {
      const request = pkijs.TimeStampReq.fromBER(new Uint8Array(body));
      request.messageImprint.hashedMessage = new asn1js.OctetString({ valueHex: new Uint8Array(randomBytes(32)) });
      return tsReply("tsa_good", Buffer.from(request.toSchema().toBER(false)));
    },
    "/tsa-other-nonce": (body) => {
      const request = pkijs.TimeStampReq.fromBER(new Uint8Array(body));
      request.nonce = new asn1js.Integer({ value: 42 });
      return tsReply("tsa_good", Buffer.from(request.toSchema().toBER(false)));
    },
    "/tsa-refuses": () => Buffer.from(new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 2 }) }).toSchema().toBER(false)),
    "/ocsp": (body) => {
      const reqFile = tmp("der");
      const respFile = tmp("der");
      writeFileSync(reqFile, body);
      openssl(dir, ["ocsp", "-index", "index.txt", "-rsigner", "ocsp.pem", "-rkey", "ocsp.key", "-CA", "root.pem", "-reqin", reqFile, "-respout", respFile, "-ndays", "1"]);
      return readFileSync(respFile);
    },
    "/crl/root.crl": () => {
      const pem = openssl(dir, ["ca", "-config", "openssl.cnf", "-gencrl"]);
      return openssl(dir, ["crl", "-outform", "DER"], pem);
    },
  };
  function tsReply(section: string, query: Buffer): Buffer {
    const q = tmp("tsq");
    const r = tmp("tsr");
    writeFileSync(q, query);
    openssl(dir, ["ts", "-reply", "-config", "openssl.cnf", "-section", section, "-queryfile", q, "-out", r]);
    return readFileSync(r);
  }

  const server: Server = createServer(async (req, res) => {
    let route = (req.url ?? "").split("?")[0];
    let getBody: Buffer | null = null;
    // RFC 6960 appendix A.1: GET /ocsp/<url-encoded base64 of the request> (NSS tries it first).
    if (req.method === "GET" && route.startsWith("/ocsp/")) {
      getBody = Buffer.from(decodeURIComponent(route.slice("/ocsp/".length)), "base64");
      route = "/ocsp";
    }
    hits[route] = (hits[route] ?? 0) + 1;
    try {
      const body = getBody ?? (await readBody(req));
      const handler = handlers[route];
      if (!handler || failing.has(route)) {
        res.writeHead(handler ? 503 : 404).end();
        return;
      }
      const out = handler(body);
      const type = route === "/ocsp" ? "application/ocsp-response" : route.startsWith("/crl") ? "application/pkix-crl" : "application/timestamp-reply";
      res.writeHead(200, { "content-type": type, "content-length": out.length }).end(out);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  writeFileSync(path.join(dir, "openssl.cnf"), config(dir, baseUrl));
  mkdirSync(path.join(dir, "newcerts"));
  writeFileSync(path.join(dir, "index.txt"), "");
  writeFileSync(path.join(dir, "serial"), "1000\n");
  writeFileSync(path.join(dir, "crlnumber"), "1000\n");
  writeFileSync(path.join(dir, "tsa-serial"), "01\n");
  const org = "/C=GT/O=Ministerio de Educación";
  openssl(dir, ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "root.key"]);
  openssl(dir, ["req", "-new", "-x509", "-utf8", "-config", "openssl.cnf", "-key", "root.key", "-subj", `${org}/CN=Raíz de Pruebas Sellos`, "-days", "3650", "-sha256", "-extensions", "v3_ca", "-out", "root.pem"]);
  openssl(dir, ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other-root.key"]);
  openssl(dir, ["req", "-new", "-x509", "-utf8", "-config", "openssl.cnf", "-key", "other-root.key", "-subj", "/C=GT/O=Desconocida/CN=Raíz Ajena", "-days", "3650", "-sha256", "-extensions", "v3_ca", "-out", "other-root.pem"]);
  issue(dir, "jose", `${org}/CN=José Pérez Gómez`, "v3_signer");
  issue(dir, "ecdsa", `${org}/CN=Begoña Muñoz Peña`, "v3_signer", "ec");
  issue(dir, "revoked", `${org}/CN=Firmante Revocado`, "v3_signer");
  issue(dir, "bare", `${org}/CN=Firmante Sin Revocación`, "v3_bare");
  issue(dir, "tsa", `${org}/CN=Sello de Tiempo de Pruebas`, "v3_tsa");
  issue(dir, "ocsp", `${org}/CN=Respondedor OCSP de Pruebas`, "v3_ocsp");
  issue(dir, "tsa-untrusted", "/C=GT/O=Desconocida/CN=Sellos Ajenos", "v3_tsa", "rsa", "other-root");
  openssl(dir, ["ca", "-config", "openssl.cnf", "-revoke", "revoked.pem", "-crl_reason", "keyCompromise"]);

  const rootPem = readFileSync(path.join(dir, "root.pem"), "utf8");
  return {
    dir,
    baseUrl,
    tsaUrl: `${baseUrl}/tsa`,
    rootPem,
    rootDer: pemToDer(rootPem),
    trustedRoots: [pemToDer(rootPem)],
    jose: identity(dir, "jose"),
    ecdsa: identity(dir, "ecdsa"),
    revoked: identity(dir, "revoked"),
    bare: identity(dir, "bare"),
    tsa: identity(dir, "tsa"),
    fakeTsaUrl: (mode) =>
      mode === "down" ? "http://127.0.0.1:9/tsa" : `${baseUrl}/${{ "wrong-imprint": "tsa-wrong-imprint", "untrusted-certificate": "tsa-untrusted", refuses: "tsa-refuses" }[mode]}`,
    hits,
    failing,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
