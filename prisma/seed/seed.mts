// `npm run db:seed`: loads the demo data into DATABASE_URL (or the embedded default) and prints
// the demo accounts. Safe to run again. Run `npm run db:migrate` first; with PGlite, only while
// the app is stopped (it is refused, with a message, while another process has it open).
import { claimDatabaseOrExit } from "../../lib/db/claim-database-or-exit";
import { createPrisma } from "../../lib/db/create-prisma";
import { describeDatabaseTarget } from "../../lib/db/database-url";
import { formatDemoAccountsTable, formatDemoSecondFactor } from "./format-demo-accounts";
import { seedDatabase } from "./seed-database";

const { prisma, handle, close } = createPrisma();
claimDatabaseOrExit(handle);
try {
  console.log(`Base de datos: ${describeDatabaseTarget(handle.target)}`);
  const { pki } = await seedDatabase(prisma, { log: (m) => console.log(`  ${m}`), demoCases: true });
  console.log(`\nCuentas de demostración (la raíz de pruebas es ${pki.dir}/root-ca.pem):`);
  console.log(formatDemoAccountsTable(pki.dir));
  console.log(`\n${formatDemoSecondFactor()}`);
} finally {
  await close();
}
