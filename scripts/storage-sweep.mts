// `npm run storage:sweep [-- --dry-run] [--min-age-hours=24] [--tmp-min-age-hours=1]`: removes the
// stored files nothing references that are older than a day, and stale partial writes
// (lib/storage/sweep-storage.ts, decision 0030), on DATABASE_URL and the configured storage
// (STORAGE_DIR or UploadThing). Safe while the application serves (PostgreSQL; the embedded
// database is held by the server, so there it runs with the server stopped). Meant for a daily
// scheduler (docs/deployment/store.md). `--dry-run` lists what it would delete and deletes nothing.
// Exit 0: done (counts and bytes printed, and one JSON log line); 1: some files could not be
// removed (named; the next run retries); 2: it could not run.
// Runs with --conditions=react-server (package.json) so the server-only modules load.
import { parseArgs } from "node:util";
import { createPrisma } from "../lib/db/create-prisma";
import { claimDatabaseOrExit } from "../lib/db/claim-database-or-exit";
import { describeDatabaseTarget } from "../lib/db/database-url";
import { log } from "../lib/log";
import { createStorageFromEnv } from "../lib/storage/get-storage";
import { SWEEP_MIN_AGE_HOURS, SWEEP_TMP_MIN_AGE_HOURS, sweepStorage } from "../lib/storage/sweep-storage";
import { defaultUploadTmpDir } from "../lib/uploads/receive-to-temp-file";

const { values } = parseArgs({
  options: {
    "dry-run": { type: "boolean", default: false },
    "min-age-hours": { type: "string", default: String(SWEEP_MIN_AGE_HOURS) },
    "tmp-min-age-hours": { type: "string", default: String(SWEEP_TMP_MIN_AGE_HOURS) },
  },
});
const minAgeHours = Number(values["min-age-hours"]);
const tmpMinAgeHours = Number(values["tmp-min-age-hours"]);
// Below an hour a file stored a moment ago, whose row is being written, could go: refused.
if (!(minAgeHours >= 1) || !(tmpMinAgeHours >= 1)) {
  console.error("--min-age-hours y --tmp-min-age-hours deben ser números de al menos 1 (hora).");
  process.exit(2);
}
const dryRun = values["dry-run"] ?? false;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const { prisma, handle, close } = createPrisma();
claimDatabaseOrExit(handle);
let code = 0;
try {
  const storage = createStorageFromEnv();
  const started = Date.now();
  const r = await sweepStorage({
    db: prisma,
    storage,
    minAgeHours,
    tmpMinAgeHours,
    tmpDirs: storage.name === "local-disk" ? [defaultUploadTmpDir()] : [],
    dryRun,
    onRemove: dryRun ? (f) => console.log(`  borraría ${f.kind === "tmp" ? "temporal" : "archivo"} ${f.name} (${f.size} bytes)`) : undefined,
  });
  const verb = dryRun ? "se borrarían" : "borrados";
  console.log(
    `${describeDatabaseTarget(handle.target)}, almacenamiento ${storage.name}: ${r.scanned} archivos revisados; ` +
      `${verb} ${r.removed.files} sin referencia de más de ${minAgeHours} h (${mb(r.removed.bytes)}) y ` +
      `${r.tmpRemoved.files} temporales de más de ${tmpMinAgeHours} h (${mb(r.tmpRemoved.bytes)}); ` +
      `conservados ${r.keptReferenced} con referencia y ${r.keptYoung} recientes.`,
  );
  log.info("storage sweep", { ...r, failed: r.failed.length, durationMs: Date.now() - started });
  if (r.failed.length > 0) {
    console.error(`No se pudieron borrar ${r.failed.length} archivos (se reintentan en la próxima corrida): ${r.failed.join(", ")}`);
    code = 1;
  }
} catch (error) {
  console.error("No se pudo limpiar el almacenamiento:", error instanceof Error ? error.message : error);
  code = 2;
} finally {
  await close();
}
process.exit(code);
