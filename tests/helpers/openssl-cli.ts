import { execFileSync } from "node:child_process";
import path from "node:path";

// What the test PKIs made with the openssl CLI share (pki-fixtures.ts, long-term-pki.ts,
// served-test-pki.ts): how openssl runs on their directory, how keys are made, and the openssl.cnf
// sections that are the same in each. Each PKI still writes its own openssl.cnf around them.

// openssl in `dir`, reading the openssl.cnf there; its output (stdout) back.
export type TOpenssl = (args: string[], input?: Buffer) => Buffer;

export function opensslIn(dir: string): TOpenssl {
  return (args, input) => execFileSync("openssl", args, { cwd: dir, input, env: { ...process.env, OPENSSL_CONF: path.join(dir, "openssl.cnf") }, stdio: "pipe" });
}

// An RSA 2048 or ECDSA P-256 private key (PEM) in `file`.
export function generateKey(openssl: TOpenssl, file: string, kind: "rsa" | "ec"): void {
  if (kind === "rsa") openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", file]);
  else openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", file]);
}

// Subjects come whole from -subj, in UTF-8 (the names carry accents on purpose: forge #847).
export const REQ_SECTIONS = `[ req ]
distinguished_name = dn
string_mask = utf8only
utf8 = yes
prompt = no
[ dn ]`;

export const V3_CA_EXTENSIONS = `basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always`;

// A signer: non-repudiation, e-mail protection and document signing (1.3.6.1.5.5.7.3.36).
export const V3_SIGNER_EXTENSIONS = `basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection, 1.3.6.1.5.5.7.3.36
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer`;

// A TSA: RFC 3161 wants timeStamping as its only, critical, extended key usage.
export const V3_TSA_EXTENSIONS = `basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer`;
