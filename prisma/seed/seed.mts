// `npm run db:seed`: loads the demo data into DATABASE_URL (or the embedded default) and prints
// the demo accounts. Safe to run again. Run `npm run db:migrate` first; with PGlite, only while
// the app is stopped (it is refused, with a message, while another process has it open).
import { claimDatabaseOrExit } from "../../lib/db/claim-database-or-exit";
import { createPrisma } from "../../lib/db/create-prisma";
import { describeDatabaseTarget } from "../../lib/db/database-url";
import { startPkiServices } from "../../lib/pki/services/start-pki-services";
import type { TPkiServices } from "../../lib/pki/services/types";
import { DEFAULT_PKI_SERVICES_PORT, resolvePkiDir } from "./demo-accounts";
import { formatDemoAccountsTable, formatDemoSecondFactor } from "./format-demo-accounts";
import { seedDatabase } from "./seed-database";

const { prisma, handle, close } = createPrisma();
claimDatabaseOrExit(handle);
// The demo cases are signed and timestamped: without TSA_URL, against the demo PKI's services on
// the port `npm start` uses (the certificates name it), for the seed's duration only.
let pkiServices: TPkiServices | null = null;
try {
  if (!process.env.TSA_URL?.trim()) {
    const port = Number(process.env.PKI_SERVICES_PORT || DEFAULT_PKI_SERVICES_PORT);
    pkiServices = await startPkiServices({ pkiDir: resolvePkiDir(), port }).catch((e: Error) => {
      throw new Error(`No se pudieron iniciar los servicios de la PKI de demostración en 127.0.0.1:${port} (${e.message}); ¿está la aplicación en marcha?`);
    });
    process.env.TSA_URL = pkiServices.tsaUrl;
    delete process.env.TSA_USERNAME;
    delete process.env.TSA_PASSWORD;
  }
  console.log(`Base de datos: ${describeDatabaseTarget(handle.target)}`);
  const { pki } = await seedDatabase(prisma, { log: (m) => console.log(`  ${m}`), demoCases: true, servicesBaseUrl: pkiServices?.baseUrl });
  console.log(`\nCuentas de demostración (la raíz de pruebas es ${pki.dir}/root-ca.pem):`);
  console.log(formatDemoAccountsTable(pki.dir));
  console.log(`\n${formatDemoSecondFactor()}`);
} finally {
  await pkiServices?.close();
  await close();
}
