// Applies the checked-in migrations to DATABASE_URL (or the embedded default).
import { createAdapterFactory } from "../lib/db/create-adapter-factory";
import { applyMigrations } from "../lib/db/apply-migrations";
import { claimDatabaseOrExit } from "../lib/db/claim-database-or-exit";
import { describeDatabaseTarget } from "../lib/db/database-url";

const handle = createAdapterFactory();
claimDatabaseOrExit(handle);
try {
  const applied = await applyMigrations(handle.factory);
  console.log(`${describeDatabaseTarget(handle.target)}: ${applied.length ? `migraciones aplicadas: ${applied.join(", ")}` : "al día"}`);
} finally {
  await handle.close();
}
