import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { TDatabaseTarget } from "@/lib/db/database-url";
import { lockDatabaseDir } from "@/lib/db/lock-database-dir";
import type { FileStorage } from "@/lib/storage/file-storage";
import { MANIFEST_FILE, ZBackupManifest, type TBackupFileEntry, type TBackupManifest } from "./backup-manifest";
import { BackupError, PGLITE_DIR, runTool, splitPassword } from "./create-backup";
import { findPostgresTool, serverMajorOf, toolMajorOf } from "./find-postgres-tool";
import { hashFile, isEmptyDir } from "./hash-file";

export type TRestoreBackupOptions = { dir: string; target: TDatabaseTarget; storage: FileStorage };

// `npm run restore -- <dir>` (issue #15 §5): into an EMPTY database (no table in its public schema, or
// an embedded folder that does not exist yet) and an EMPTY storage, refused otherwise. Every file's
// SHA-256 is checked against the manifest before anything is written; then pg_restore in one
// transaction (or the embedded folder copied back), then the stored files put() back, each landing
// under the key it had.
export async function restoreBackup(options: TRestoreBackupOptions): Promise<TBackupManifest> {
  const dir = path.resolve(options.dir);
  const { target, storage } = options;
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, MANIFEST_FILE), "utf8");
  } catch {
    throw new BackupError(`${dir} no tiene ${MANIFEST_FILE}: no es un respaldo completo de Certifica.`);
  }
  const parsed = ZBackupManifest.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new BackupError(`${MANIFEST_FILE} no es un manifiesto de respaldo válido: ${parsed.error.message}`);
  const manifest = parsed.data;

  if (manifest.database.kind !== target.kind) {
    throw new BackupError(
      `El respaldo es de una base ${manifest.database.kind === "postgres" ? "PostgreSQL" : "embebida (PGlite)"} y DATABASE_URL indica ` +
        `${target.kind === "postgres" ? "PostgreSQL" : "la base embebida"}: restaure en una base del mismo tipo.`,
    );
  }

  // 1. Every hash first: a damaged backup writes nothing.
  const dbFiles = manifest.database.kind === "postgres" ? [manifest.database.dump] : manifest.database.files;
  for (const entry of [...dbFiles, ...manifest.storage.files]) await checkEntry(dir, entry);
  for (const f of manifest.storage.files) {
    if (f.sha256 !== f.key) throw new BackupError(`El archivo ${f.path} no tiene la clave de su contenido.`);
  }

  // 2. Empty targets only.
  if (!storage.list) throw new BackupError(`El almacenamiento ${storage.name} no permite listar sus archivos.`);
  for await (const _ of storage.list()) {
    void _;
    throw new BackupError(`El almacenamiento de destino (${storage.name}) ya tiene archivos: restaure en un almacenamiento vacío.`);
  }

  if (target.kind === "postgres") {
    await restorePostgres(target.url, path.join(dir, (manifest.database as Extract<TBackupManifest["database"], { kind: "postgres" }>).dump.path), manifest);
  } else {
    await restorePglite(dir, target.dir);
  }

  // 3. The stored files, back under the same keys.
  for (const f of manifest.storage.files) {
    // Streamed: a scan may be 20 MB, and there may be many.
    const stored = await storage.put(createReadStream(path.join(dir, f.path)));
    if (stored.key !== f.key) throw new BackupError(`El archivo ${f.path} se guardó como ${stored.key}, no como ${f.key}.`);
  }
  return manifest;
}

// Within the backup folder (a manifest cannot point elsewhere), and with the recorded size and hash.
async function checkEntry(dir: string, entry: TBackupFileEntry): Promise<void> {
  const file = path.resolve(dir, entry.path);
  if (!file.startsWith(dir + path.sep)) throw new BackupError(`El manifiesto nombra un archivo fuera del respaldo: ${entry.path}`);
  let actual: { sha256: string; size: number };
  try {
    actual = await hashFile(file);
  } catch {
    throw new BackupError(`Falta el archivo ${entry.path} del respaldo.`);
  }
  if (actual.sha256 !== entry.sha256 || actual.size !== entry.size) {
    throw new BackupError(`El archivo ${entry.path} del respaldo está dañado: su SHA-256 es ${actual.sha256}, el manifiesto dice ${entry.sha256}.`);
  }
}

async function restorePostgres(url: string, dump: string, manifest: TBackupManifest): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let serverMajor: number;
  try {
    const { rows } = await client.query<{ n: number; num: string }>(
      `SELECT count(*)::int AS n, current_setting('server_version_num') AS num
         FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'public'`,
    );
    if (rows[0].n > 0) throw new BackupError("La base de datos de destino no está vacía: restaure en una base recién creada (createdb).");
    serverMajor = serverMajorOf(Number(rows[0].num));
  } finally {
    await client.end();
  }
  // A custom-format dump needs a pg_restore at least as new as the pg_dump that wrote it.
  const dumpMajor = (manifest.database.kind === "postgres" ? toolMajorOf(manifest.database.pgDumpVersion) : null) ?? 0;
  const tool = findPostgresTool("pg_restore", Math.max(serverMajor, dumpMajor));
  const conn = splitPassword(url);
  await runTool(tool.bin, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${conn.url}`, dump], conn.env);
}

async function restorePglite(dir: string, targetDir: string): Promise<void> {
  if (!(await isEmptyDir(targetDir))) throw new BackupError(`La carpeta de la base embebida ${targetDir} no está vacía: indique una carpeta nueva con DATABASE_URL=pglite:<carpeta>.`);
  await fs.mkdir(path.dirname(targetDir), { recursive: true });
  const release = lockDatabaseDir(targetDir);
  try {
    await fs.cp(path.join(dir, PGLITE_DIR), targetDir, { recursive: true });
  } finally {
    release();
  }
}

