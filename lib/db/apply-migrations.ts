import fs from "node:fs";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { log } from "../log";

// Migrations run through Prisma's WASM schema engine because the CLI's native engine cannot be
// downloaded on our machines. It writes the standard `_prisma_migrations` table, so
// `prisma migrate deploy` stays usable wherever the native engine is available.
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma/schema.prisma");

export function readMigrationsList(dir = MIGRATIONS_DIR) {
  const entries = fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: entries.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? ({ tag: "ok", value: fs.readFileSync(file, "utf8") } as const)
            : ({ tag: "error", value: "missing migration.sql" } as const),
        },
      };
    }),
  };
}

const FILTERS = { externalTables: [], externalEnums: [] };

type TSchemaEngineClass = typeof import("@prisma/schema-engine-wasm").SchemaEngine;
// Kept per process, not per evaluation of this module: the package's JS glue is loaded once (Node's
// module cache), while this module can be evaluated again in the same process (a dev server's
// reload, a test that resets its modules). Instantiating the WASM a second time would point the
// glue's cached views of the engine's memory at the new instance while the first one's objects
// still live: the engine then reads garbage ("unreachable", invalid UTF-8).
const ENGINE_CLASS = Symbol.for("certifica.schemaEngineClass");
const processWide = globalThis as { [ENGINE_CLASS]?: Promise<TSchemaEngineClass> };

// The package's entry imports the .wasm file as an ES module, which Node cannot do; instantiate
// it by hand against its JS glue, as Prisma's own CLI does.
function loadSchemaEngine(): Promise<TSchemaEngineClass> {
  processWide[ENGINE_CLASS] ??= instantiateSchemaEngine();
  return processWide[ENGINE_CLASS];
}

async function instantiateSchemaEngine(): Promise<TSchemaEngineClass> {
  const { createRequire } = await import("node:module");
  const require = createRequire(import.meta.url);
  const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Record<string, unknown> & {
    __wbg_set_wasm: (w: unknown) => void;
    SchemaEngine: TSchemaEngineClass;
  };
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  // The engine's timers (a 10 s one per connection it opens) are never cleared, only dropped: each
  // kept `npm run db:migrate` alive ≈ 10 s after its work was done. Unreferenced, they still fire
  // while anything else keeps the process up (the pool's sockets during a migration).
  const imports: Record<string, unknown> = { ...bg };
  for (const name of Object.keys(bg).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg.SchemaEngine;
}

async function loadEngine(factory: SqlMigrationAwareDriverAdapterFactory, datamodel: string) {
  const SchemaEngine = await loadSchemaEngine();
  // The engine's own trace, only when asked for (DEBUG_MIGRATIONS=1).
  const trace = (msg: string) => {
    if (process.env.DEBUG_MIGRATIONS) log.info("schema engine", { detail: msg });
  };
  return SchemaEngine.new({ datamodels: [[SCHEMA_PATH, datamodel]] }, trace, bindMigrationAwareSqlAdapterFactory(factory));
}

export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await loadEngine(factory, fs.readFileSync(SCHEMA_PATH, "utf8"));
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters: FILTERS });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

// The SQL that takes the schema from the snapshot of the last migration to the current schema.
export async function diffSchema(factory: SqlMigrationAwareDriverAdapterFactory, fromDatamodel: string | null, toDatamodel: string): Promise<string> {
  const engine = await loadEngine(factory, toDatamodel);
  try {
    const result = await engine.diff({
      from: fromDatamodel === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "previous.prisma", content: fromDatamodel }] },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: toDatamodel }] },
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
    return result.stdout ?? "";
  } finally {
    engine.free();
  }
}
