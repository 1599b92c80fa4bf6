import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PKI_SERVICES_STATE_DIR, type TPkiServicesManifest } from "./types";

export type TServicesState = {
  // Paths relative to the PKI directory, which is the cwd of every openssl child.
  config: string;
  stateDir: string;
};

const CRL_DAYS = 7;

function writeIfChanged(file: string, text: string) {
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

// OpenSSL's CA (for -gencrl) and TSA (for ts -reply) configuration, made from the manifest: one
// file, rewritten only when the manifest changes. Serial and CRL number start at random values so
// a reset state directory never repeats a TSA serial or a CRL number the CA already used.
export function prepareServicesState(pkiDir: string, m: TPkiServicesManifest): TServicesState {
  const stateDir = PKI_SERVICES_STATE_DIR;
  fs.mkdirSync(path.join(pkiDir, stateDir, "tmp"), { recursive: true, mode: 0o700 });
  const tsaSerial = path.join(stateDir, "tsa-serial");
  const crlNumber = path.join(stateDir, "crlnumber");
  for (const f of [tsaSerial, crlNumber]) {
    const abs = path.join(pkiDir, f);
    if (!fs.existsSync(abs)) fs.writeFileSync(abs, `${(randomBytes(8)[0] & 0x7f).toString(16).padStart(2, "0")}${randomBytes(7).toString("hex")}\n`.toUpperCase());
  }
  // Several demo certificates share a subject (a director's renewed and revoked ones).
  const attr = path.join(pkiDir, `${m.index}.attr`);
  if (!fs.existsSync(attr)) fs.writeFileSync(attr, "unique_subject = no\n");

  const config = path.join(stateDir, "openssl.cnf");
  writeIfChanged(
    path.join(pkiDir, config),
    `# Written by lib/pki/services from pki-services.json (relative paths: openssl runs in the PKI directory).
[ ca ]
default_ca = pki_ca

[ pki_ca ]
database = ${m.index}
certificate = ${m.ca.certificate}
private_key = ${m.ca.key}
crlnumber = ${crlNumber}
default_md = sha256
default_crl_days = ${CRL_DAYS}
unique_subject = no
crl_extensions = crl_ext

[ crl_ext ]
authorityKeyIdentifier = keyid:always

[ tsa ]
default_tsa = tsa_config

[ tsa_config ]
serial = ${tsaSerial}
signer_cert = ${m.tsa.certificate}
certs = ${m.tsa.chain}
signer_key = ${m.tsa.key}
signer_digest = sha256
default_policy = ${m.tsa.policy}
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = yes
ess_cert_id_alg = sha256
`,
  );
  return { config, stateDir };
}
