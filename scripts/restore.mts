// `npm run restore -- <carpeta>`: restores a backup of `npm run backup` into the EMPTY database of
// DATABASE_URL (a new PostgreSQL database, or a pglite:<carpeta> that does not exist yet) and the
// EMPTY storage (STORAGE_DIR or UploadThing), after checking every file's SHA-256 against the
// manifest (lib/backup/restore-backup.ts). Then run `npm run db:migrate` if this version of the
// application has migrations the backup lacks. Exit 0: restored; 1: refused (damaged backup,
// target not empty, pg_restore missing); 2: failed.
// Runs with --conditions=react-server (package.json) so the server-only modules load.
import { BackupError } from "../lib/backup/create-backup";
import { PostgresToolError } from "../lib/backup/find-postgres-tool";
import { restoreBackup } from "../lib/backup/restore-backup";
import { describeDatabaseTarget, resolveDatabaseTarget } from "../lib/db/database-url";
import { DatabaseDirLockedError } from "../lib/db/lock-database-dir";
import { createStorageFromEnv } from "../lib/storage/get-storage";

const dir = process.argv[2];
if (!dir) {
  console.error("Uso: npm run restore -- <carpeta del respaldo>");
  process.exit(1);
}
let code = 0;
try {
  const target = resolveDatabaseTarget();
  const storage = createStorageFromEnv();
  const m = await restoreBackup({ dir, target, storage });
  console.log(
    `Restaurado en ${describeDatabaseTarget(target)} y el almacenamiento ${storage.name}: respaldo del ${m.createdAt} (${m.app.name} ${m.app.version}), ` +
      `${m.migrations.length} migraciones, ${m.storage.files.length} archivos; cada SHA-256 coincidió con el manifiesto.`,
  );
} catch (error) {
  const refused = error instanceof BackupError || error instanceof PostgresToolError || error instanceof DatabaseDirLockedError;
  console.error(refused ? (error as Error).message : `No se pudo restaurar: ${error instanceof Error ? error.message : String(error)}`);
  code = refused ? 1 : 2;
}
process.exit(code);
