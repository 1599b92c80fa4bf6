// `npm run audit:verify`: recomputes the audit trail's hash chain (lib/audit, docs/decisions/0019)
// on DATABASE_URL (or the embedded default, like the other scripts) and names the first broken
// link. Exit 0: the chain is whole (the last link's id and hash are printed: keep them, a later run
// must still reach that link with that hash); exit 1: a link is broken; exit 2: it could not run.
// Runs with --conditions=react-server (package.json) so the server-only modules load.
import { createPrisma } from "../lib/db/create-prisma";
import { claimDatabaseOrExit } from "../lib/db/claim-database-or-exit";
import { describeDatabaseTarget } from "../lib/db/database-url";
import { verifyAuditChain } from "../lib/audit/verify-audit-chain";

const { prisma, handle, close } = createPrisma();
claimDatabaseOrExit(handle);
let code = 0;
try {
  const started = Date.now();
  const r = await verifyAuditChain(prisma);
  const target = describeDatabaseTarget(handle.target);
  if (r.legacyChained) console.log(`${target}: los eventos anteriores a la cadena se encadenaron ahora, en orden de id.`);
  if (r.firstBreak) {
    const b = r.firstBreak;
    console.error(`${target}: CADENA ROTA en el evento #${b.id} (${b.createdAt.toISOString()}), tras ${r.checked} eventos íntegros.`);
    console.error(`  ${b.message}`);
    console.error(`  esperado: ${b.expected ?? "—"}`);
    console.error(`  hallado:  ${b.found ?? "—"}`);
    code = 1;
  } else if (r.head) {
    console.log(`${target}: cadena íntegra, ${r.checked} eventos en ${Date.now() - started} ms.`);
    console.log(`  último eslabón: #${r.head.id} (${r.head.createdAt.toISOString()}) ${r.head.hash}`);
  } else {
    console.log(`${target}: la bitácora está vacía.`);
  }
} catch (error) {
  console.error("No se pudo verificar la bitácora:", error instanceof Error ? error.message : error);
  code = 2;
} finally {
  await close();
}
process.exit(code);
