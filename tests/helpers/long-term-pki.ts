import { createHash, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";
import type { DocumentSigner } from "@/lib/signing/signer";
import { generateKey, opensslIn, REQ_SECTIONS, V3_SIGNER_EXTENSIONS, V3_TSA_EXTENSIONS } from "./openssl-cli";
import { createTestPki, pemToDer, type TTestPki } from "./pki-fixtures";

// Validation material made with the real OpenSSL tools, over the test PKI of pki-fixtures.ts: an
// RFC 3161 TSA (`openssl ts -reply`, certificate with extendedKeyUsage=critical,timeStamping),
// OCSP responses (`openssl ocsp` answering from the CA's index.txt, delegated responder with
// OCSPSigning and id-pkix-ocsp-nocheck), and the root's CRL (`openssl ca -gencrl`). A "revoked"
// signer is revoked in the index a day before the tests run. The validator is checked against
// artefacts it did not produce. No network: the tools run on files.

export type TLongTermPki = {
  pki: TTestPki;
  dir: string;
  tsa: { certDer: Buffer; certPem: string; name: string };
  ocspResponder: { certDer: Buffer };
  revoked: { certDer: Buffer; certPem: string; signer: DocumentSigner; revokedAt: Date };
  // A TSA issued by the untrusted root.
  untrustedTsaName: string;
  // An RFC 3161 token (DER ContentInfo) over `data`'s SHA-256, or over a given SHA-256 digest.
  timestamp(data: Buffer, options?: { tsa?: "good" | "untrusted"; digest?: Buffer }): Buffer;
  // A DER OCSPResponse for a certificate the root issued.
  ocsp(certPem: string): Buffer;
  // The root's DER CRL (lists the revoked signer).
  crl(): Buffer;
};

const CONFIG = (dir: string) => `
${REQ_SECTIONS}
[ v3_tsa ]
${V3_TSA_EXTENSIONS}
[ v3_ocsp ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, OCSPSigning
noCheck = ignored
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
[ v3_signer ]
${V3_SIGNER_EXTENSIONS}
[ ca ]
default_ca = root_ca
[ root_ca ]
database = ${dir}/index.txt
crlnumber = ${dir}/crlnumber
certificate = ${dir}/root.pem
private_key = ${dir}/root.key
default_md = sha256
default_crl_days = 30
[ tsa ]
default_tsa = good
${["good", "untrusted"]
  .map(
    (name) => `[ ${name} ]
serial = ${dir}/tsa-${name}.serial
crypto_device = builtin
signer_cert = ${dir}/tsa-${name}.pem
certs = ${dir}/tsa-${name}-chain.pem
signer_key = ${dir}/tsa-${name}.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`,
  )
  .join("")}
`;

let cached: TLongTermPki | undefined;

// Generated once per test process (≈ 1 s of key generation on top of createTestPki).
export function createLongTermPki(): TLongTermPki {
  if (cached) return cached;
  const pki = createTestPki();
  const dir = mkdtempSync(path.join(tmpdir(), "certifica-lt-pki-"));
  const run = opensslIn(dir);
  writeFileSync(path.join(dir, "openssl.cnf"), CONFIG(dir));
  for (const f of ["root.pem", "root.key", "untrusted-root.pem", "untrusted-root.key"]) writeFileSync(path.join(dir, f), readFileSync(path.join(pki.dir, f)));
  writeFileSync(path.join(dir, "crlnumber"), "1000\n");

  const issue = (base: string, subject: string, issuer: string, extensions: string) => {
    generateKey(run, `${base}.key`, "rsa");
    run(["req", "-new", "-utf8", "-config", "openssl.cnf", "-key", `${base}.key`, "-subj", subject, "-out", `${base}.csr`]);
    run([
      "x509", "-req", "-in", `${base}.csr`, "-CA", `${issuer}.pem`, "-CAkey", `${issuer}.key`, "-CAcreateserial", "-CAserial", `${issuer}.srl`,
      "-days", "730", "-sha256", "-extfile", "openssl.cnf", "-extensions", extensions, "-out", `${base}.pem`,
    ]);
    return readFileSync(path.join(dir, `${base}.pem`), "utf8");
  };
  const org = "/C=GT/O=Ministerio de Educación";
  const tsaName = "Autoridad de Sellado de Tiempo de Pruebas";
  const untrustedTsaName = "Sellos Ajenos Ñandú";
  issue("tsa-good", `${org}/CN=${tsaName}`, "root", "v3_tsa");
  issue("tsa-untrusted", `/C=GT/O=Organización Desconocida/CN=${untrustedTsaName}`, "untrusted-root", "v3_tsa");
  for (const [name, issuer] of [["good", "root"], ["untrusted", "untrusted-root"]]) {
    writeFileSync(path.join(dir, `tsa-${name}-chain.pem`), readFileSync(path.join(dir, `${issuer}.pem`)));
    writeFileSync(path.join(dir, `tsa-${name}.serial`), "01\n");
  }
  const ocspPem = issue("ocsp", `${org}/CN=Respondedor OCSP de Pruebas`, "root", "v3_ocsp");
  const revokedPem = issue("revoked", `${org}/CN=Firmante Revocado de Pruebas`, "root", "v3_signer");
  run(["pkcs12", "-export", "-inkey", "revoked.key", "-in", "revoked.pem", "-certfile", "root.pem", "-passout", "pass:revocado", "-out", "revoked.p12"]);

  // The CA's database: every certificate the root issued that a test asks about.
  const revokedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 24 * 3600_000);
  const asn1Time = (d: Date) => d.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z";
  const line = (pem: string, revoked?: Date) => {
    const x509 = new X509Certificate(pem);
    const serial = x509.serialNumber.toUpperCase();
    return [revoked ? "R" : "V", asn1Time(new Date(x509.validTo)), revoked ? asn1Time(revoked) : "", serial, "unknown", `/CN=${serial}`].join("\t");
  };
  const lines = [pki.jose.certPem, pki.ecdsa.certPem, readFileSync(path.join(dir, "tsa-good.pem"), "utf8")].map((p) => line(p));
  lines.push(line(revokedPem, revokedAt));
  writeFileSync(path.join(dir, "index.txt"), lines.join("\n") + "\n");

  let counter = 0;
  const temp = (suffix: string) => path.join(dir, `tmp-${++counter}${suffix}`);
  cached = {
    pki,
    dir,
    tsa: { certPem: readFileSync(path.join(dir, "tsa-good.pem"), "utf8"), certDer: pemToDer(readFileSync(path.join(dir, "tsa-good.pem"), "utf8")), name: tsaName },
    ocspResponder: { certDer: pemToDer(ocspPem) },
    revoked: {
      certDer: pemToDer(revokedPem),
      certPem: revokedPem,
      signer: openPkcs12Signer(readFileSync(path.join(dir, "revoked.p12")), "revocado"),
      revokedAt,
    },
    untrustedTsaName,
    timestamp(data, options = {}) {
      const query = temp(".tsq");
      const token = temp(".tst");
      const digest = options.digest ?? createHash("sha256").update(data).digest();
      run(["ts", "-query", "-digest", digest.toString("hex"), "-sha256", "-cert", "-out", query]);
      run(["ts", "-reply", "-config", "openssl.cnf", "-section", options.tsa ?? "good", "-queryfile", query, "-token_out", "-out", token]);
      return readFileSync(token);
    },
    ocsp(certPem) {
      const cert = temp(".pem");
      const request = temp(".ocq");
      const response = temp(".ocr");
      writeFileSync(cert, certPem);
      run(["ocsp", "-issuer", "root.pem", "-cert", cert, "-no_nonce", "-reqout", request]);
      run(["ocsp", "-index", "index.txt", "-rsigner", "ocsp.pem", "-rkey", "ocsp.key", "-CA", "root.pem", "-reqin", request, "-respout", response, "-ndays", "7"]);
      return readFileSync(response);
    },
    crl() {
      const pem = temp(".crl.pem");
      run(["ca", "-config", "openssl.cnf", "-gencrl", "-out", pem]);
      return run(["crl", "-in", pem, "-outform", "DER"]);
    },
  };
  return cached;
}
