import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import type { TDatabaseTarget } from "@/lib/db/database-url";
import { lockDatabaseDir } from "@/lib/db/lock-database-dir";
import { FileNotFoundError, type FileStorage } from "@/lib/storage/file-storage";
import { BACKUP_FORMAT, MANIFEST_FILE, type TBackupManifest } from "./backup-manifest";
import { hashFile, hashTree, isEmptyDir } from "./hash-file";
import { findPostgresTool, serverMajorOf } from "./find-postgres-tool";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export type TCreateBackupOptions = {
  target: TDatabaseTarget;
  storage: FileStorage;
  dir: string;
  app: { name: string; version: string };
  now?: Date;
};

export const DUMP_FILE = "database.dump";
export const FILES_DIR = "files";
export const PGLITE_DIR = "pglite";

// Every stored file a row names (the sweep's list, lib/storage/sweep-storage.ts), and the applied
// migrations: read in the dump's own snapshot, so they describe exactly the dumped database.
const REFERENCED_KEYS_SQL = `
  SELECT "storageKey" AS key FROM "UploadedFile"
  UNION SELECT "storageKey" FROM "DocumentVersion"
  UNION SELECT "preparedStorageKey" FROM "PreparedSigning"
  UNION SELECT data->>'reportKey' FROM "AuditEvent" WHERE jsonb_typeof(data->'reportKey') = 'string'`;
const MIGRATIONS_SQL = `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;

// `npm run backup -- <dir>` (issue #15 §5, decision 0030): the database and the stored files, with a
// manifest of SHA-256s written last.
// - PostgreSQL: one REPEATABLE READ transaction exports its snapshot; pg_dump (custom format) dumps
//   exactly that snapshot while the application keeps serving, and the referenced keys and
//   migrations are read in it too. The stored files are copied after the dump (read through the
//   storage, which checks each file's hash): every file the dump references is there unless a
//   sweep removed it since because its row went too (listed as missingReferenced).
// - Embedded (PGlite): its folder is copied while this process holds its lock, so no server or
//   script writes it meanwhile; a running server makes the backup refuse (stop it first).
export async function createBackup(options: TCreateBackupOptions): Promise<TBackupManifest> {
  const { target, storage, app } = options;
  const dir = path.resolve(options.dir);
  if (!(await isEmptyDir(dir))) throw new BackupError(`La carpeta ${dir} no está vacía: indique una carpeta nueva para cada respaldo.`);
  if (!storage.list) throw new BackupError(`El almacenamiento ${storage.name} no permite listar sus archivos.`);
  await fs.mkdir(dir, { recursive: true });

  const db = target.kind === "postgres" ? await dumpPostgres(target.url, dir) : await copyPglite(target.dir, dir);

  const files: TBackupManifest["storage"]["files"] = [];
  const copied = new Set<string>();
  const copy = async (key: string) => {
    const bytes = await storage.get(key);
    const rel = path.join(FILES_DIR, key.slice(0, 2), key.slice(2, 4), key);
    await fs.mkdir(path.join(dir, path.dirname(rel)), { recursive: true });
    await fs.writeFile(path.join(dir, rel), bytes, { mode: 0o600 });
    files.push({ key, path: rel, size: bytes.length, sha256: key });
    copied.add(key);
  };
  for await (const f of storage.list()) await copy(f.key);
  const missingReferenced: string[] = [];
  for (const key of db.referencedKeys) {
    if (copied.has(key)) continue;
    try {
      await copy(key);
    } catch (e) {
      if (!(e instanceof FileNotFoundError)) throw e;
      missingReferenced.push(key);
    }
  }

  const manifest: TBackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: (options.now ?? new Date()).toISOString(),
    app,
    migrations: db.migrations,
    database: db.manifest,
    storage: { backend: storage.name, files: files.sort((a, b) => a.path.localeCompare(b.path)), missingReferenced: missingReferenced.sort() },
  };
  await fs.writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n", { mode: 0o600 });
  return manifest;
}

type TDumped = { manifest: TBackupManifest["database"]; referencedKeys: string[]; migrations: string[] };

// The password travels in PGPASSWORD, not on pg_dump's command line (visible to `ps`).
export function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

export function runTool(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new BackupError(`${path.basename(bin)} terminó con código ${code}: ${stderr.trim()}`))));
  });
}

async function dumpPostgres(url: string, dir: string): Promise<TDumped> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const { rows } = await client.query<{ snapshot: string; num: string; version: string }>(
      "SELECT pg_export_snapshot() AS snapshot, current_setting('server_version_num') AS num, current_setting('server_version') AS version",
    );
    const { snapshot, num, version } = rows[0];
    const tool = findPostgresTool("pg_dump", serverMajorOf(Number(num)));
    const conn = splitPassword(url);
    // The exporting transaction stays open until pg_dump has finished with its snapshot.
    await runTool(tool.bin, ["--format=custom", `--snapshot=${snapshot}`, `--file=${path.join(dir, DUMP_FILE)}`, `--dbname=${conn.url}`], conn.env);
    const keys = await client.query<{ key: string }>(REFERENCED_KEYS_SQL);
    const migrations = await client.query<{ migration_name: string }>(MIGRATIONS_SQL);
    await client.query("COMMIT");
    const dump = { path: DUMP_FILE, ...(await hashFile(path.join(dir, DUMP_FILE))) };
    return {
      manifest: { kind: "postgres", dump, serverVersion: version, pgDumpVersion: tool.version },
      referencedKeys: keys.rows.map((r) => r.key),
      migrations: migrations.rows.map((r) => r.migration_name),
    };
  } finally {
    await client.end();
  }
}

async function copyPglite(source: string, dir: string): Promise<TDumped> {
  if (await isEmptyDir(source)) throw new BackupError(`La base de datos embebida ${source} no existe o está vacía.`);
  // Throws DatabaseDirLockedError (its message says to stop the server) while a process holds it.
  const release = lockDatabaseDir(source);
  try {
    const db = new PGlite(source, { extensions: { pg_trgm } });
    let referencedKeys: string[];
    let migrations: string[];
    try {
      referencedKeys = (await db.query<{ key: string }>(REFERENCED_KEYS_SQL)).rows.map((r) => r.key);
      migrations = (await db.query<{ migration_name: string }>(MIGRATIONS_SQL)).rows.map((r) => r.migration_name);
    } finally {
      // Closed cleanly (checkpointed) before the copy, so the copy opens without recovery.
      await db.close();
    }
    const target = path.join(dir, PGLITE_DIR);
    await fs.cp(source, target, { recursive: true });
    return { manifest: { kind: "pglite", method: "folder-copy", files: await hashTree(target, dir) }, referencedKeys, migrations };
  } finally {
    release();
  }
}
