import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createPkcs12 } from "../../lib/pki/create-pkcs12";
import { generateRootCa } from "../../lib/pki/generate-root-ca";
import { issueSigningCertificate } from "../../lib/pki/issue-signing-certificate";
import { openPkcs12 } from "../../lib/pki/open-pkcs12";
import { readCertificate } from "../../lib/pki/read-certificate";
import type { TCertificateInfo, TCertificateWithKey } from "../../lib/pki/types";
import { DEMO_CERTIFICATES, ROOT_CA_FILES, ROOT_CA_PASSPHRASE, resolvePkiDir, type TDemoCertificate } from "./demo-accounts";

export type TDemoPkiCertificate = TDemoCertificate & { path: string; certPem: string; info: TCertificateInfo };

export type TDemoPki = {
  dir: string;
  rootPem: string;
  rootInfo: TCertificateInfo;
  certificates: TDemoPkiCertificate[];
  // Files written by this call (empty when everything was reused).
  written: string[];
};

const DAY = 24 * 3600 * 1000;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

function writeAtomically(file: string, data: string | Buffer, written: string[]) {
  if (fs.existsSync(file) && Buffer.compare(fs.readFileSync(file), Buffer.from(data)) === 0) return;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.renameSync(tmp, file);
  written.push(path.basename(file));
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

function issuedBy(certPem: string, rootPem: string): boolean {
  const cert = new X509Certificate(certPem);
  const root = new X509Certificate(rootPem);
  return cert.checkIssued(root) && cert.verify(root.publicKey);
}

// The test PKI of the demo: a root and one PKCS#12 per demo certificate, under PKI_DIR. Existing
// files are reused when they still fit (same holder, issued by the current root, dates right
// for their status), so the root and the registered fingerprints stay stable across restarts.
// Private keys exist only in memory and inside the passphrase-protected .p12 files.
export function ensureDemoPki(options: { pkiDir?: string; now?: Date; log?: (m: string) => void } = {}): TDemoPki {
  const dir = resolvePkiDir(options.pkiDir);
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const year = now.getUTCFullYear();
  const written: string[] = [];
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });

  const rootP12 = path.join(dir, ROOT_CA_FILES.p12);
  let root = tryOpen(rootP12, ROOT_CA_PASSPHRASE);
  if (root && !(new X509Certificate(root.certPem).ca && root.certificate.validity.notAfter.getTime() > now.getTime() + 365 * DAY)) {
    root = null;
  }
  if (!root) {
    log(`Generando la raíz de pruebas en ${dir}`);
    // Ten years, starting three years back so that the "expired" demo certificate lies inside it.
    root = generateRootCa({ validFrom: utc(year - 3, 0, 1), validTo: utc(year + 7, 0, 1) });
    writeAtomically(rootP12, createPkcs12({ holder: root, passphrase: ROOT_CA_PASSPHRASE, friendlyName: "Raíz de Pruebas Certifica" }), written);
  }
  writeAtomically(path.join(dir, ROOT_CA_FILES.pem), root.certPem, written);
  const rootPem = root.certPem;
  const rootFrom = root.certificate.validity.notBefore;
  const rootTo = root.certificate.validity.notAfter;

  const certificates = DEMO_CERTIFICATES.map((def): TDemoPkiCertificate => {
    const file = path.join(dir, def.file);
    const existing = tryOpen(file, def.passphrase);
    let holder: TCertificateWithKey | null = null;
    if (existing && issuedBy(existing.certPem, rootPem)) {
      const info = readCertificate(existing.certPem);
      const fits =
        def.status === "expired"
          ? info.validTo < now
          : info.validFrom <= now && info.validTo.getTime() > now.getTime() + 30 * DAY;
      const attr = (shortName: string) => info.subjectAttributes.find((a) => a.shortName === shortName)?.value;
      const sameHolder = attr("CN") === def.holderName && attr("OU") === def.unit && attr("serialNumber") === holderSerialNumber(def);
      if (fits && sameHolder) holder = existing;
    }
    if (!holder) {
      log(`Emitiendo el certificado de prueba ${def.file} (${def.holderName})`);
      const startOfToday = utc(year, now.getUTCMonth(), now.getUTCDate());
      const validFrom = def.status === "expired" ? new Date(Math.max(rootFrom.getTime(), utc(year - 3, 0, 1).getTime())) : new Date(startOfToday.getTime() - DAY);
      const validTo =
        def.status === "expired"
          ? new Date(utc(year - 1, 0, 1).getTime() - 1000)
          : new Date(Math.min(rootTo.getTime(), utc(year + 2, now.getUTCMonth(), now.getUTCDate()).getTime()));
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
      });
      writeAtomically(file, createPkcs12({ holder, chain: [root!.certificate], passphrase: def.passphrase, friendlyName: def.holderName }), written);
    }
    // The certificate alone, for uploading to the registry of authorized signers by hand.
    writeAtomically(path.join(dir, def.file.replace(/\.p12$/, ".cert.pem")), holder.certPem, written);
    return { ...def, path: file, certPem: holder.certPem, info: readCertificate(holder.certPem) };
  });

  return { dir, rootPem, rootInfo: readCertificate(rootPem), certificates, written };
}
