import { createPrivateKey, X509Certificate } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import forge from "node-forge";
import type { TRevocationPointers } from "../../lib/pki/build-revocation-pointer-extensions";
import { createPkcs12 } from "../../lib/pki/create-pkcs12";
import { formatCaIndexEntry } from "../../lib/pki/format-ca-index-entry";
import { generateRootCa } from "../../lib/pki/generate-root-ca";
import { issueOcspResponderCertificate } from "../../lib/pki/issue-ocsp-responder-certificate";
import { issueSigningCertificate } from "../../lib/pki/issue-signing-certificate";
import { issueTsaCertificate } from "../../lib/pki/issue-tsa-certificate";
import { openPkcs12 } from "../../lib/pki/open-pkcs12";
import { readCertificate } from "../../lib/pki/read-certificate";
import { readRevocationPointers } from "../../lib/pki/read-revocation-pointers";
import { PKI_SERVICES_MANIFEST_FILE, pkiServiceUrls } from "../../lib/pki/services/types";
import { writePkiServicesManifest } from "../../lib/pki/services/write-pki-services-manifest";
import type { TCertificateInfo, TCertificateWithKey, TDistinguishedName } from "../../lib/pki/types";
import {
  DEMO_CERTIFICATES,
  DEMO_OCSP_RESPONDER,
  DEMO_TSA,
  DEMO_TSA_POLICY,
  ROOT_CA_FILES,
  ROOT_CA_PASSPHRASE,
  defaultPkiServicesBaseUrl,
  resolvePkiDir,
  type TDemoCertificate,
} from "./demo-accounts";

export type TDemoPkiCertificate = TDemoCertificate & { path: string; certPem: string; info: TCertificateInfo };
export type TDemoServiceCertificate = { path: string; certPem: string; info: TCertificateInfo };

export type TDemoPki = {
  dir: string;
  rootPem: string;
  rootInfo: TCertificateInfo;
  certificates: TDemoPkiCertificate[];
  // The services' own certificates (see lib/pki/services).
  tsa: TDemoServiceCertificate;
  ocspResponder: TDemoServiceCertificate;
  // The base URL the certificates name for their CRL and OCSP (the PKI services').
  servicesBaseUrl: string;
  // Files written by this call (empty when everything was reused).
  written: string[];
};

// OpenSSL's CA database for the demo root (lib/pki/services reads it for OCSP and the CRL).
export const DEMO_CA_INDEX = "ca/index.txt";

const DAY = 24 * 3600 * 1000;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

// `written` gets the file's path relative to `base` (default: its own directory).
function writeAtomically(file: string, data: string | Buffer, written: string[], base = path.dirname(file)) {
  if (fs.existsSync(file) && Buffer.compare(fs.readFileSync(file), Buffer.from(data)) === 0) return;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.renameSync(tmp, file);
  written.push(path.relative(base, file));
}

// ETSI EN 319 412-1 semantics identifier: "IDC" + country + "-" + national identity number (CUI).
function holderSerialNumber(def: TDemoCertificate): string {
  return `IDCGT-${def.cui}`;
}

function tryOpen(file: string, passphrase: string): TCertificateWithKey | null {
  if (!fs.existsSync(file)) return null;
  try {
    return openPkcs12(fs.readFileSync(file), passphrase);
  } catch {
    return null;
  }
}

// Whether a certificate names exactly these CRL and OCSP addresses (undefined: none at all).
function pointsTo(certPem: string, pointers: TRevocationPointers | undefined): boolean {
  const found = readRevocationPointers(Buffer.from(new X509Certificate(certPem).raw));
  const expected = pointers ? { crlUrls: [pointers.crlUrl], ocspUrls: [pointers.ocspUrl] } : { crlUrls: [], ocspUrls: [] };
  return JSON.stringify(found) === JSON.stringify(expected);
}

function issuedBy(certPem: string, rootPem: string): boolean {
  const cert = new X509Certificate(certPem);
  const root = new X509Certificate(rootPem);
  return cert.checkIssued(root) && cert.verify(root.publicKey);
}

// The test PKI of the demo: a root, one PKCS#12 per demo certificate, a TSA and an OCSP responder
// certificate, and OpenSSL's CA database (ca/index.txt) listing what the root issued, with the
// "revoked" demo certificate revoked, all under PKI_DIR, plus the manifest lib/pki/services reads.
// Signer and TSA certificates name the services (`servicesBaseUrl`) as their CRL distribution
// point and OCSP address. Existing files are reused when they still fit (same holder, issued by
// the current root, dates right for their status, same addresses), so the root and the registered
// fingerprints stay stable across restarts. Private keys exist only in memory, inside the
// passphrase-protected .p12 files and, for the TSA (`openssl ts` reads nothing else), in an
// encrypted PKCS#8 PEM.
export function ensureDemoPki(options: { pkiDir?: string; now?: Date; log?: (m: string) => void; servicesBaseUrl?: string } = {}): TDemoPki {
  const dir = resolvePkiDir(options.pkiDir);
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const servicesBaseUrl = (options.servicesBaseUrl ?? defaultPkiServicesBaseUrl()).replace(/\/+$/, "");
  const { crlUrl, ocspUrl } = pkiServiceUrls(servicesBaseUrl);
  const pointers: TRevocationPointers = { crlUrl, ocspUrl };
  const year = now.getUTCFullYear();
  const written: string[] = [];
  fs.mkdirSync(path.join(dir, "ca"), { recursive: true, mode: 0o700 });

  const rootP12 = path.join(dir, ROOT_CA_FILES.p12);
  let root = tryOpen(rootP12, ROOT_CA_PASSPHRASE);
  if (root && !(new X509Certificate(root.certPem).ca && root.certificate.validity.notAfter.getTime() > now.getTime() + 365 * DAY)) {
    root = null;
  }
  let newRoot = false;
  if (!root) {
    log(`Generando la raíz de pruebas en ${dir}`);
    // Ten years, starting three years back so that the "expired" demo certificate lies inside it.
    root = generateRootCa({ validFrom: utc(year - 3, 0, 1), validTo: utc(year + 7, 0, 1) });
    writeAtomically(rootP12, createPkcs12({ holder: root, passphrase: ROOT_CA_PASSPHRASE, friendlyName: "Raíz de Pruebas Certifica" }), written);
    newRoot = true;
  }
  writeAtomically(path.join(dir, ROOT_CA_FILES.pem), root.certPem, written);
  const rootPem = root.certPem;
  const rootFrom = root.certificate.validity.notBefore;
  const rootTo = root.certificate.validity.notAfter;
  const startOfToday = utc(year, now.getUTCMonth(), now.getUTCDate());
  // Current certificates: from yesterday (clock skew) for two years, inside the root's validity.
  const currentFrom = new Date(startOfToday.getTime() - DAY);
  const currentTo = new Date(Math.min(rootTo.getTime(), utc(year + 2, now.getUTCMonth(), now.getUTCDate()).getTime()));
  const fitsNow = (info: TCertificateInfo) => info.validFrom <= now && info.validTo.getTime() > now.getTime() + 30 * DAY;
  const attr = (info: TCertificateInfo, shortName: string) => info.subjectAttributes.find((a) => a.shortName === shortName)?.value;

  const certificates = DEMO_CERTIFICATES.map((def): TDemoPkiCertificate => {
    const file = path.join(dir, def.file);
    const existing = tryOpen(file, def.passphrase);
    let holder: TCertificateWithKey | null = null;
    if (existing && issuedBy(existing.certPem, rootPem)) {
      const info = readCertificate(existing.certPem);
      const fits = def.status === "expired" ? info.validTo < now : fitsNow(info);
      const sameHolder = attr(info, "CN") === def.holderName && attr(info, "OU") === def.unit && attr(info, "serialNumber") === holderSerialNumber(def);
      if (fits && sameHolder && pointsTo(existing.certPem, pointers)) holder = existing;
    }
    if (!holder) {
      log(`Emitiendo el certificado de prueba ${def.file} (${def.holderName})`);
      const validFrom = def.status === "expired" ? new Date(Math.max(rootFrom.getTime(), utc(year - 3, 0, 1).getTime())) : currentFrom;
      const validTo = def.status === "expired" ? new Date(utc(year - 1, 0, 1).getTime() - 1000) : currentTo;
      holder = issueSigningCertificate({
        issuer: root!,
        subject: {
          commonName: def.holderName,
          serialNumber: holderSerialNumber(def),
          organizationalUnit: def.unit,
          organization: "Ministerio de Educación",
          country: "GT",
        },
        validFrom,
        validTo,
        email: def.accountEmail,
        revocation: pointers,
      });
      writeAtomically(file, createPkcs12({ holder, chain: [root!.certificate], passphrase: def.passphrase, friendlyName: def.holderName }), written);
    }
    // The certificate alone, for uploading to the registry of authorized signers by hand.
    writeAtomically(path.join(dir, def.file.replace(/\.p12$/, ".cert.pem")), holder.certPem, written);
    return { ...def, path: file, certPem: holder.certPem, info: readCertificate(holder.certPem) };
  });

  // The services' certificates: reused on the same terms as a signer's.
  function ensureServiceCertificate(
    def: { file: string; passphrase: string; subject: TDistinguishedName },
    issue: (validFrom: Date, validTo: Date) => TCertificateWithKey,
    expectedPointers: TRevocationPointers | undefined,
  ): TCertificateWithKey {
    const file = path.join(dir, def.file);
    const existing = tryOpen(file, def.passphrase);
    let holder: TCertificateWithKey | null = null;
    if (existing && issuedBy(existing.certPem, rootPem)) {
      const info = readCertificate(existing.certPem);
      if (fitsNow(info) && attr(info, "CN") === def.subject.commonName && pointsTo(existing.certPem, expectedPointers)) holder = existing;
    }
    if (!holder) {
      log(`Emitiendo el certificado de prueba ${def.file} (${def.subject.commonName})`);
      holder = issue(currentFrom, currentTo);
      writeAtomically(file, createPkcs12({ holder, chain: [root!.certificate], passphrase: def.passphrase, friendlyName: def.subject.commonName }), written);
    }
    writeAtomically(path.join(dir, def.file.replace(/\.p12$/, ".cert.pem")), holder.certPem, written);
    return holder;
  }
  const tsa = ensureServiceCertificate(
    DEMO_TSA,
    (validFrom, validTo) => issueTsaCertificate({ issuer: root!, subject: DEMO_TSA.subject, validFrom, validTo, revocation: pointers }),
    pointers,
  );
  const ocspResponder = ensureServiceCertificate(
    DEMO_OCSP_RESPONDER,
    (validFrom, validTo) => issueOcspResponderCertificate({ issuer: root!, subject: DEMO_OCSP_RESPONDER.subject, validFrom, validTo }),
    undefined,
  );
  // `openssl ts -reply` loads its key from a PEM file only: encrypted, rewritten only when it no
  // longer opens to the TSA certificate's key (its encryption is salted, so never byte-equal).
  const tsaKeyFile = path.join(dir, DEMO_TSA.keyFile);
  const tsaPublic = createPrivateKey(forge.pki.privateKeyToPem(tsa.privateKey)).export({ type: "pkcs1", format: "der" });
  let tsaKeyFits = false;
  try {
    const onDisk = createPrivateKey({ key: fs.readFileSync(tsaKeyFile), passphrase: DEMO_TSA.passphrase });
    tsaKeyFits = Buffer.compare(onDisk.export({ type: "pkcs1", format: "der" }), tsaPublic) === 0;
  } catch {
    tsaKeyFits = false;
  }
  if (!tsaKeyFits) {
    const encrypted = createPrivateKey(forge.pki.privateKeyToPem(tsa.privateKey)).export({
      type: "pkcs8",
      format: "pem",
      cipher: "aes-256-cbc",
      passphrase: DEMO_TSA.passphrase,
    });
    writeAtomically(tsaKeyFile, encrypted.toString(), written);
  }

  writeCaIndex(newRoot, [...certificates.map((c) => ({ pem: c.certPem, revoked: c.status === "revoked" })), { pem: tsa.certPem, revoked: false }, { pem: ocspResponder.certPem, revoked: false }]);
  if (
    writePkiServicesManifest(dir, {
      version: 1,
      ca: { certificate: ROOT_CA_FILES.pem, key: ROOT_CA_FILES.p12, passphrase: ROOT_CA_PASSPHRASE },
      index: DEMO_CA_INDEX,
      tsa: {
        certificate: DEMO_TSA.file.replace(/\.p12$/, ".cert.pem"),
        key: DEMO_TSA.keyFile,
        passphrase: DEMO_TSA.passphrase,
        chain: ROOT_CA_FILES.pem,
        policy: DEMO_TSA_POLICY,
      },
      ocsp: { certificate: DEMO_OCSP_RESPONDER.file.replace(/\.p12$/, ".cert.pem"), key: DEMO_OCSP_RESPONDER.file, passphrase: DEMO_OCSP_RESPONDER.passphrase },
    })
  ) {
    written.push(PKI_SERVICES_MANIFEST_FILE);
  }

  // Every certificate this root issued stays listed (a replaced one is still valid until it
  // expires, as at a real CA); a new root starts a new database. The revoked demo certificate is
  // revoked (keyCompromise) from the start of its validity's first full day, before anything is
  // signed with it.
  function writeCaIndex(fresh: boolean, current: { pem: string; revoked: boolean }[]) {
    const indexFile = path.join(dir, DEMO_CA_INDEX);
    const lines = !fresh && fs.existsSync(indexFile) ? fs.readFileSync(indexFile, "utf8").split("\n").filter(Boolean) : [];
    const serialOf = (line: string) => line.split("\t")[3];
    for (const c of current) {
      const validFrom = new Date(new X509Certificate(c.pem).validFrom);
      const revokedAt = new Date(Math.min(now.getTime(), validFrom.getTime() + DAY));
      const line = formatCaIndexEntry(c.pem, c.revoked ? { at: revokedAt, reason: "keyCompromise" } : undefined);
      const i = lines.findIndex((l) => serialOf(l) === serialOf(line));
      // A revocation already recorded keeps its date.
      if (i < 0) lines.push(line);
      else if (c.revoked !== lines[i].startsWith("R")) lines[i] = line;
    }
    writeAtomically(indexFile, lines.map((l) => `${l}\n`).join(""), written, dir);
    writeAtomically(path.join(dir, `${DEMO_CA_INDEX}.attr`), "unique_subject = no\n", written, dir);
  }

  const service = (file: string, h: TCertificateWithKey): TDemoServiceCertificate => ({ path: path.join(dir, file), certPem: h.certPem, info: readCertificate(h.certPem) });
  return {
    dir,
    rootPem,
    rootInfo: readCertificate(rootPem),
    certificates,
    tsa: service(DEMO_TSA.file, tsa),
    ocspResponder: service(DEMO_OCSP_RESPONDER.file, ocspResponder),
    servicesBaseUrl,
    written,
  };
}
