// What the e2e fixture scripts (staff-fixtures.mts, citizen-fixtures.mts) share: the database and
// file store of the e2e server of this port (scripts/e2e-server.mts: same names per port), the demo
// accounts as the workflow sees them, and a submitted D.1.1 request of the demo citizen for
// Guatemala Norte with a stored two-page scan. Only on a PostgreSQL e2e database (PGlite allows
// one process).
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { X509Certificate } from "node:crypto";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { createDraftCase } from "../../lib/cases/create-draft-case";
import { createPrisma } from "../../lib/db/create-prisma";
import { readRevocationPointers } from "../../lib/pki/read-revocation-pointers";
import { openPkcs12Signer } from "../../lib/signing/pkcs12-signer";
import type { DocumentSigner } from "../../lib/signing/signer";
import { LocalDiskStorage } from "../../lib/storage/local-disk-storage";
import { transition } from "../../lib/workflow/transition";
import { DEMO_CERTIFICATES } from "../../prisma/seed/demo-accounts";

const port = process.env.E2E_PORT ?? "3210";
const base = process.env.TEST_DATABASE_URL;
if (!base) throw new Error("TEST_DATABASE_URL no está definida: el servidor e2e usa PGlite y no admite otro proceso.");
const url = new URL(base);
url.pathname = port === "3210" ? "/certifica_e2e" : `/certifica_e2e_${port}`;
export const dataDir = path.resolve(port === "3210" ? ".data/e2e" : `.data/e2e-${port}`);

const opened = createPrisma(url.toString());
export const db = opened.prisma;
export const close = opened.close;
export const storage = new LocalDiskStorage(path.join(dataDir, "files"));

export async function actor(email: string) {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, roles: u.roles, dideducId: u.dideducId };
}

const pkiDir = process.env.PKI_DIR ? path.resolve(process.env.PKI_DIR) : path.join(dataDir, "pki");

// Signing needs the TSA and the roots of the e2e server's PKI, and the Playwright process that runs
// this script does not know where the server started its PKI services: their address is in every
// demo certificate (AIA OCSP "<base>/ocsp"), and the TSA is served beside it ("<base>/tsa").
function serverPkiServicesBase(): string {
  const certPem = readFileSync(path.join(pkiDir, DEMO_CERTIFICATES[0].file.replace(/\.p12$/, ".cert.pem")), "utf8");
  const ocsp = readRevocationPointers(Buffer.from(new X509Certificate(certPem).raw)).ocspUrls[0];
  if (!ocsp?.endsWith("/ocsp")) throw new Error(`El certificado de demostración no nombra el OCSP de los servicios PKI: ${ocsp ?? "ninguno"}`);
  return ocsp.slice(0, -"/ocsp".length);
}

// The certify operations' options for this server: its database, files, TSA and trusted root.
export const certifyOptions = {
  db,
  storage,
  tsa: { url: process.env.TSA_URL?.trim() || `${serverPkiServicesBase()}/tsa` },
  trustedRoots: [readFileSync(path.join(pkiDir, "root-ca.pem"))],
};

// A demo PKCS#12 of this server's PKI (prisma/seed/demo-accounts.ts names them), ready to sign with.
export async function demoPkcs12(key: string): Promise<{ pkcs12: Buffer; passphrase: string }> {
  const cert = DEMO_CERTIFICATES.find((c) => c.key === key);
  if (!cert) throw new Error(`Certificado de demostración desconocido: ${key}`);
  return { pkcs12: await fs.readFile(path.join(pkiDir, cert.file)), passphrase: cert.passphrase };
}

// The same demo certificate's key opened in this fixture process, to sign through the app's own
// prepare → sign → complete path (signCaseWithSigner) as the browser would.
export async function demoSigner(key: string): Promise<DocumentSigner> {
  const { pkcs12, passphrase } = await demoPkcs12(key);
  return openPkcs12Signer(pkcs12, passphrase);
}

// A two-page PDF (anverso, reverso) that reads `label`.
export async function scan(label: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const side of ["anverso", "reverso"]) doc.addPage([612, 792]).drawText(`${label} - ${side}`, { x: 72, y: 700, size: 16, font });
  return Buffer.from(await doc.save());
}

type TActor = Awaited<ReturnType<typeof actor>>;

// The citizen's D.1.1 request with its scan, submitted (options go to the submit transition).
export async function submitEducationalRecord(
  citizen: TActor,
  dideducId: string,
  student: { firstNames: string; lastNames: string },
  submitOptions: Omit<Parameters<typeof transition>[5], "db"> = {},
) {
  const draft = await createDraftCase(
    citizen,
    {
      procedure: "EDUCATIONAL_RECORD",
      dideducId,
      formData: {
        modality: "ESCOLAR",
        documentKinds: ["CERTIFICADOS_ESTUDIO"],
        student,
        studies: [{ level: "Sexto primaria", year: 2009, institution: "Escuela Oficial Urbana Mixta, zona 6" }],
        signedBy: "DIDEDUC",
      },
    },
    { db },
  );
  const stored = await storage.put(await scan(`Certificado ${draft.number}`));
  await db.uploadedFile.create({
    data: { caseId: draft.id, uploaderId: citizen.id, kind: "SCAN", originalName: "certificado-sexto.pdf", sha256: stored.sha256, size: stored.size, pages: 2, storageKey: stored.key },
  });
  return transition(draft.id, "submit", citizen, {}, draft.version, { ...submitOptions, db });
}
