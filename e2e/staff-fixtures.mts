// Creates D.1.1 cases for the staff browser tests directly through the domain (createDraftCase, a
// stored scan, transition "submit", generateCertification), in the database and file store of
// the e2e server (scripts/e2e-server.mts: same names per port). Runs in its own process under
// tsx with "server-only" mapped to a stub (e2e/staff-fixtures.tsconfig.json); only possible on a
// PostgreSQL e2e database (PGlite allows one process). Prints the created cases as JSON.
//
//   tsx --tsconfig e2e/staff-fixtures.tsconfig.json e2e/staff-fixtures.mts '{"cases":[{"lastNames":"…","generate":true}]}'
import { generateCertification } from "../lib/cases/generate-certification";
import { actor, close, db, storage, submitEducationalRecord } from "./helpers/fixture-db";

type TSpec = { lastNames: string; generate?: boolean };
const { cases } = JSON.parse(process.argv[2] ?? "{}") as { cases: TSpec[] };

try {
  const citizen = await actor("ciudadana@demo.certifica.gt");
  const reviewer = await actor("revisora.guatemala-norte@demo.certifica.gt");
  const gn = await db.dideduc.findUniqueOrThrow({ where: { code: "guatemala-norte" } });
  const out: { id: string; number: string; lastNames: string; state: string }[] = [];
  for (const spec of cases) {
    let row = await submitEducationalRecord(citizen, gn.id, { firstNames: "Ana Sofía", lastNames: spec.lastNames });
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
