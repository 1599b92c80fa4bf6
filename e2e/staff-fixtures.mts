// Creates D.1.1 cases for the staff browser tests directly through the domain (createDraftCase, a
// stored scan, transition "submit", generateCertification), in the database and file store of
// the e2e server (scripts/e2e-server.mts: same names per port). Runs in its own process under
// tsx with "server-only" mapped to a stub (e2e/staff-fixtures.tsconfig.json); only possible on a
// PostgreSQL e2e database (PGlite allows one process). Prints the created cases as JSON.
//
//   tsx --tsconfig e2e/staff-fixtures.tsconfig.json e2e/staff-fixtures.mts '{"cases":[{"lastNames":"…","generate":true}]}'
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { createDraftCase } from "../lib/cases/create-draft-case";
import { generateCertification } from "../lib/cases/generate-certification";
import { createPrisma } from "../lib/db/create-prisma";
import { LocalDiskStorage } from "../lib/storage/local-disk-storage";
import { transition } from "../lib/workflow/transition";

type TSpec = { lastNames: string; generate?: boolean };
const { cases } = JSON.parse(process.argv[2] ?? "{}") as { cases: TSpec[] };

const port = process.env.E2E_PORT ?? "3210";
const base = process.env.TEST_DATABASE_URL;
if (!base) throw new Error("TEST_DATABASE_URL no está definida: el servidor e2e usa PGlite y no admite otro proceso.");
const url = new URL(base);
url.pathname = port === "3210" ? "/certifica_e2e" : `/certifica_e2e_${port}`;
const dataDir = path.resolve(port === "3210" ? ".data/e2e" : `.data/e2e-${port}`);

const { prisma: db, close } = createPrisma(url.toString());
const storage = new LocalDiskStorage(path.join(dataDir, "files"));

async function scan(label: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const side of ["anverso", "reverso"]) {
    doc.addPage([612, 792]).drawText(`${label} - ${side}`, { x: 72, y: 700, size: 16, font });
  }
  return Buffer.from(await doc.save());
}

async function actor(email: string) {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, roles: u.roles, dideducId: u.dideducId };
}

try {
  const citizen = await actor("ciudadana@demo.certifica.gt");
  const reviewer = await actor("revisora.guatemala-norte@demo.certifica.gt");
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
          student: { firstNames: "Ana Sofía", lastNames: spec.lastNames },
          studies: [{ level: "Sexto primaria", year: 2009, institution: "Escuela Oficial Urbana Mixta, zona 6" }],
        },
      },
      { db },
    );
    const stored = await storage.put(await scan(`Certificado ${draft.number}`));
    await db.uploadedFile.create({
      data: {
        caseId: draft.id,
        uploaderId: citizen.id,
        kind: "SCAN",
        originalName: "certificado-sexto.pdf",
        sha256: stored.sha256,
        size: stored.size,
        pages: 2,
        storageKey: stored.key,
      },
    });
    let row = await transition(draft.id, "submit", citizen, {}, draft.version, { db });
    if (spec.generate) {
      const checklist = { studies: true, authorities: true, signaturesAndSeals: true, studentName: true, grades: true };
      await generateCertification({ actor: reviewer, caseId: row.id, expectedVersion: row.version, checklist }, { db, storage });
      row = await db.case.findUniqueOrThrow({ where: { id: row.id } });
    }
    out.push({ id: row.id, number: row.number, lastNames: spec.lastNames, state: row.state });
  }
  process.stdout.write(JSON.stringify(out));
} finally {
  await close();
}
