// Puts D.1.1 cases of the demo citizen in the states the citizen's case page must show (correction
// requested, rejected with guidance, issued), through the real domain and workflow: the staff
// screens are tested in e2e/staff-d11.spec.ts, this only prepares what the citizen then reads.
// Database and file store of the e2e server (scripts/e2e-server.mts: same names per port); needs
// the PostgreSQL e2e database (PGlite allows one process). Prints the created cases as JSON.
//
//   tsx --tsconfig e2e/staff-fixtures.tsconfig.json e2e/citizen-fixtures.mts '{"cases":[{"lastNames":"…","outcome":"correction"}]}'
import fs from "node:fs/promises";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { createDraftCase } from "../lib/cases/create-draft-case";
import { generateCertification } from "../lib/cases/generate-certification";
import { signAndIssue } from "../lib/cases/sign-and-issue";
import { signCertification } from "../lib/cases/sign-certification";
import { createPrisma } from "../lib/db/create-prisma";
import { LocalDiskStorage } from "../lib/storage/local-disk-storage";
import { transition } from "../lib/workflow/transition";
import { DEMO_CERTIFICATES } from "../prisma/seed/demo-accounts";

type TOutcome = "correction" | "guidance" | "issued";
type TSpec = { lastNames: string; outcome: TOutcome };
const { cases } = JSON.parse(process.argv[2] ?? "{}") as { cases: TSpec[] };

const CORRECTION_REASON = "El certificado de sexto primaria no se lee: escanéelo de nuevo, anverso y reverso.";
const GUIDANCE = {
  reason: "No encontramos su expediente en los registros de la Dirección Departamental.",
  supervision: { name: "Supervisión Educativa de Mixco", phone: "2435-1122", address: "5a. Calle 2-10, zona 1, Mixco" },
};

const port = process.env.E2E_PORT ?? "3210";
const base = process.env.TEST_DATABASE_URL;
if (!base) throw new Error("TEST_DATABASE_URL no está definida: el servidor e2e usa PGlite y no admite otro proceso.");
const url = new URL(base);
url.pathname = port === "3210" ? "/certifica_e2e" : `/certifica_e2e_${port}`;
const dataDir = path.resolve(port === "3210" ? ".data/e2e" : `.data/e2e-${port}`);
const pkiDir = process.env.PKI_DIR ? path.resolve(process.env.PKI_DIR) : path.join(dataDir, "pki");

const { prisma: db, close } = createPrisma(url.toString());
const storage = new LocalDiskStorage(path.join(dataDir, "files"));

async function scan(label: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const side of ["anverso", "reverso"]) doc.addPage([612, 792]).drawText(`${label} - ${side}`, { x: 72, y: 700, size: 16, font });
  return Buffer.from(await doc.save());
}

async function actor(email: string) {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, roles: u.roles, dideducId: u.dideducId };
}

async function certificate(key: string): Promise<{ pkcs12: Buffer; passphrase: string }> {
  const cert = DEMO_CERTIFICATES.find((c) => c.key === key);
  if (!cert) throw new Error(`Certificado de demostración desconocido: ${key}`);
  return { pkcs12: await fs.readFile(path.join(pkiDir, cert.file)), passphrase: cert.passphrase };
}

try {
  const citizen = await actor("ciudadana@demo.certifica.gt");
  const reviewer = await actor("revisora.guatemala-norte@demo.certifica.gt");
  const signer = await actor("firmante.guatemala-norte@demo.certifica.gt");
  const assistant = await actor("asistente.central@demo.certifica.gt");
  const gn = await db.dideduc.findUniqueOrThrow({ where: { code: "guatemala-norte" } });
  const out: { id: string; number: string; lastNames: string; state: string }[] = [];
  for (const spec of cases) {
    const draft = await createDraftCase(
      citizen,
      {
        procedure: "EDUCATIONAL_RECORD",
        dideducId: gn.id,
        formData: {
          modality: "ESCOLAR",
          documentKinds: ["CERTIFICADOS_ESTUDIO"],
          student: { firstNames: "Lucía", lastNames: spec.lastNames },
          studies: [{ level: "Sexto primaria", year: 2009, institution: "Escuela Oficial Urbana Mixta, zona 6" }],
        },
      },
      { db },
    );
    const stored = await storage.put(await scan(`Certificado ${draft.number}`));
    await db.uploadedFile.create({
      data: { caseId: draft.id, uploaderId: citizen.id, kind: "SCAN", originalName: "certificado-sexto.pdf", sha256: stored.sha256, size: stored.size, pages: 2, storageKey: stored.key },
    });
    let row = await transition(draft.id, "submit", citizen, {}, draft.version, { db, apply: async () => ({ submittedAt: new Date() }) });
    if (spec.outcome === "correction") {
      row = await transition(row.id, "reject_for_correction", reviewer, { reason: CORRECTION_REASON }, row.version, { db });
    } else if (spec.outcome === "guidance") {
      row = await transition(row.id, "reject_with_guidance", reviewer, GUIDANCE, row.version, { db });
    } else {
      const checklist = { studies: true, authorities: true, signaturesAndSeals: true, studentName: true, grades: true };
      const generated = await generateCertification({ actor: reviewer, caseId: row.id, expectedVersion: row.version, checklist }, { db, storage });
      const signed = await signCertification({ actor: signer, caseId: row.id, expectedVersion: generated.version, ...(await certificate("signer-guatemala-norte")) }, { db, storage });
      await signAndIssue({ actor: assistant, caseId: row.id, expectedVersion: signed.version, ...(await certificate("central-assistant")) }, { db, storage });
      row = await db.case.findUniqueOrThrow({ where: { id: row.id } });
    }
    out.push({ id: row.id, number: row.number, lastNames: spec.lastNames, state: row.state });
  }
  process.stdout.write(JSON.stringify(out));
} finally {
  await close();
}
