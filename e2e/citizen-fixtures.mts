// Puts D.1.1 cases of the demo citizen in the states the citizen's case page must show (correction
// requested, rejected with guidance, issued), through the real domain and workflow: the staff
// screens are tested in e2e/staff-d11.spec.ts, this only prepares what the citizen then reads.
// Database and file store of the e2e server (scripts/e2e-server.mts: same names per port); needs
// the PostgreSQL e2e database (PGlite allows one process). Prints the created cases as JSON.
//
//   tsx --tsconfig e2e/staff-fixtures.tsconfig.json e2e/citizen-fixtures.mts '{"cases":[{"lastNames":"…","outcome":"correction"}]}'
import { generateCertification } from "../lib/cases/generate-certification";
import { signAndIssue, signCertification } from "../lib/cases/signing/sign-case-with-signer";
import { transition } from "../lib/workflow/transition";
import { actor, certifyOptions, close, db, demoSigner, storage, submitEducationalRecord } from "./helpers/fixture-db";

type TOutcome = "correction" | "guidance" | "issued";
type TSpec = { lastNames: string; outcome: TOutcome };
const { cases } = JSON.parse(process.argv[2] ?? "{}") as { cases: TSpec[] };

const CORRECTION_REASON = "El certificado de sexto primaria no se lee: escanéelo de nuevo, anverso y reverso.";
const GUIDANCE = {
  reason: "No encontramos su expediente en los registros de la Dirección Departamental.",
  supervision: { name: "Supervisión Educativa de Mixco", phone: "2435-1122", address: "5a. Calle 2-10, zona 1, Mixco" },
};

try {
  const citizen = await actor("ciudadana@demo.certifica.gt");
  const reviewer = await actor("revisora.guatemala-norte@demo.certifica.gt");
  const signer = await actor("firmante.guatemala-norte@demo.certifica.gt");
  const assistant = await actor("asistente.central@demo.certifica.gt");
  const gn = await db.dideduc.findUniqueOrThrow({ where: { code: "guatemala-norte" } });
  const out: { id: string; number: string; lastNames: string; state: string }[] = [];
  for (const spec of cases) {
    let row = await submitEducationalRecord(citizen, gn.id, { firstNames: "Lucía", lastNames: spec.lastNames }, { apply: async () => ({ submittedAt: new Date() }) });
    if (spec.outcome === "correction") {
      row = await transition(row.id, "reject_for_correction", reviewer, { reason: CORRECTION_REASON }, row.version, { db });
    } else if (spec.outcome === "guidance") {
      row = await transition(row.id, "reject_with_guidance", reviewer, GUIDANCE, row.version, { db });
    } else {
      const checklist = { studies: true, authorities: true, signaturesAndSeals: true, studentName: true, gradeLevels: true };
      const generated = await generateCertification({ actor: reviewer, caseId: row.id, expectedVersion: row.version, checklist }, { db, storage });
      const signed = await signCertification({ actor: signer, caseId: row.id, expectedVersion: generated.version, signer: await demoSigner("signer-guatemala-norte") }, certifyOptions);
      await signAndIssue({ actor: assistant, caseId: row.id, expectedVersion: signed.version, signer: await demoSigner("central-assistant") }, certifyOptions);
      row = await db.case.findUniqueOrThrow({ where: { id: row.id } });
    }
    out.push({ id: row.id, number: row.number, lastNames: spec.lastNames, state: row.state });
  }
  process.stdout.write(JSON.stringify(out));
} finally {
  await close();
}
