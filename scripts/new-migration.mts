// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// schema as of the last migration (its snapshot) and prisma/schema.prisma.
import fs from "node:fs";
import path from "node:path";
import { createAdapterFactory } from "../lib/db/create-adapter-factory";
import { diffSchema, MIGRATIONS_DIR, SCHEMA_PATH } from "../lib/db/apply-migrations";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Uso: npm run db:migration:new -- <nombre>");
  process.exit(2);
}
const snapshotPath = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
const previous = fs.existsSync(snapshotPath) ? fs.readFileSync(snapshotPath, "utf8") : null;
const current = fs.readFileSync(SCHEMA_PATH, "utf8");

// Diffing two datamodels needs no real database; a throwaway in-memory PGlite satisfies the engine.
const handle = createAdapterFactory("pglite:.data/tmp-migration-diff");
try {
  const sql = await diffSchema(handle.factory, previous, current);
  if (!sql.trim() || /empty migration/i.test(sql)) {
    console.log("El esquema no cambió: no se creó ninguna migración.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.writeFileSync(snapshotPath, current);
    const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
    if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
    console.log(`Migración creada: ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await handle.close();
  fs.rmSync(path.resolve(".data/tmp-migration-diff"), { recursive: true, force: true });
}
