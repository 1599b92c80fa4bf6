// A revoked certification for the verification page's browser tests, made through the domain in
// the e2e server's database and file store (e2e/helpers/fixture-db.ts): a D.1.1 request of the demo
// citizen, generated, signed by the DIDEDUC, signed and issued by the central office, then revoked
// by the coordinator (category "error en los datos"). The demo seed's own issued case is left
// alone (other specs need it issued). Writes the issued PDF to <dir>/revocada.pdf and prints
// {"code", "number", "pdf"} as JSON. Only on a PostgreSQL e2e database.
//
//   tsx --tsconfig e2e/staff-fixtures.tsconfig.json e2e/verification-fixtures.mts <dir> '<last names>'
import fs from "node:fs/promises";
import path from "node:path";
import { generateCertification } from "../lib/cases/generate-certification";
import { signAndIssue, signCertification } from "../lib/cases/signing/sign-case-with-signer";
import { transition } from "../lib/workflow/transition";
import { actor, certifyOptions, close, db, demoSigner, storage, submitEducationalRecord } from "./helpers/fixture-db";

const [dir, lastNames] = process.argv.slice(2);
if (!dir || !lastNames) throw new Error("Uso: verification-fixtures.mts <carpeta> '<apellidos>'");

try {
  const citizen = await actor("ciudadana@demo.certifica.gt");
  const reviewer = await actor("revisora.guatemala-norte@demo.certifica.gt");
  const signer = await actor("firmante.guatemala-norte@demo.certifica.gt");
  const assistant = await actor("asistente.central@demo.certifica.gt");
  const coordinator = await actor("coordinadora.central@demo.certifica.gt");
  const gn = await db.dideduc.findUniqueOrThrow({ where: { code: "guatemala-norte" } });

  let row = await submitEducationalRecord(citizen, gn.id, { firstNames: "Ana Lucía", lastNames });
  const checklist = { studies: true, authorities: true, signaturesAndSeals: true, studentName: true, gradeLevels: true };
  await generateCertification({ actor: reviewer, caseId: row.id, expectedVersion: row.version, checklist }, { db, storage });
  row = await db.case.findUniqueOrThrow({ where: { id: row.id } });
  await signCertification({ actor: signer, caseId: row.id, expectedVersion: row.version, signer: await demoSigner("signer-guatemala-norte") }, certifyOptions);
  row = await db.case.findUniqueOrThrow({ where: { id: row.id } });
  await signAndIssue({ actor: assistant, caseId: row.id, expectedVersion: row.version, signer: await demoSigner("central-assistant"), ip: null }, certifyOptions);
  row = await db.case.findUniqueOrThrow({ where: { id: row.id } });
  await transition(row.id, "revoke", coordinator, { category: "DATA_ERROR", note: "Nota interna de prueba: apellido mal escrito", confirmNumber: row.number }, row.version, { db });

  const doc = await db.documentVersion.findFirstOrThrow({ where: { caseId: row.id, stage: "ISSUED" } });
  await fs.mkdir(dir, { recursive: true });
  const pdf = path.join(dir, "revocada.pdf");
  await fs.writeFile(pdf, await storage.get(doc.storageKey));
  process.stdout.write(JSON.stringify({ code: row.verificationCode, number: row.number, pdf }));
} finally {
  await close();
}
