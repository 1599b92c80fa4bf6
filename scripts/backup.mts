// `npm run backup -- <carpeta>`: the database of DATABASE_URL (pg_dump, custom format, one snapshot;
// or, embedded, its folder copied while no process holds it) and every stored file (STORAGE_DIR or
// UploadThing), with manifest.json (SHA-256 of each file and of the dump, app version, migrations,
// time) written last (lib/backup/create-backup.ts, decision 0030). The folder must be new or empty.
// Exit 0: done; 1: refused (folder not empty, embedded database in use, pg_dump missing); 2: failed.
// Runs with --conditions=react-server (package.json) so the server-only modules load.
import fs from "node:fs";
import { BackupError, createBackup } from "../lib/backup/create-backup";
import { PostgresToolError } from "../lib/backup/find-postgres-tool";
import { describeDatabaseTarget, resolveDatabaseTarget } from "../lib/db/database-url";
import { DatabaseDirLockedError } from "../lib/db/lock-database-dir";
import { createStorageFromEnv } from "../lib/storage/get-storage";

const dir = process.argv[2];
if (!dir) {
  console.error("Uso: npm run backup -- <carpeta nueva>");
  process.exit(1);
}
const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { name: string; version: string };
let code = 0;
try {
  const target = resolveDatabaseTarget();
  const started = Date.now();
  const m = await createBackup({ target, storage: createStorageFromEnv(), dir, app: { name: pkg.name, version: pkg.version } });
  const bytes = m.storage.files.reduce((n, f) => n + f.size, 0);
  const how =
    m.database.kind === "postgres"
      ? `pg_dump (formato custom, una instantánea) con ${m.database.pgDumpVersion}, servidor ${m.database.serverVersion}`
      : "copia de la carpeta de la base embebida, hecha con su candado tomado (ningún proceso la tenía abierta)";
  console.log(`Respaldo de ${describeDatabaseTarget(target)} en ${dir}: ${how}.`);
  console.log(
    `  ${m.migrations.length} migraciones; ${m.storage.files.length} archivos del almacenamiento ${m.storage.backend} (${(bytes / 1024 / 1024).toFixed(1)} MB); ` +
      `manifest.json con el SHA-256 de cada archivo; ${Date.now() - started} ms.`,
  );
  if (m.storage.missingReferenced.length > 0) {
    console.warn(`  Aviso: ${m.storage.missingReferenced.length} archivos referenciados ya no estaban en el almacenamiento: ${m.storage.missingReferenced.join(", ")}`);
  }
} catch (error) {
  const refused = error instanceof BackupError || error instanceof PostgresToolError || error instanceof DatabaseDirLockedError;
  console.error(refused ? (error as Error).message : `No se pudo respaldar: ${error instanceof Error ? error.message : String(error)}`);
  code = refused ? 1 : 2;
}
process.exit(code);
