// `npm run bench:queues`: the staff queues' server time at a million cases (issue #14). On a scratch
// PostgreSQL database it applies the migrations, generates 1 000 000 cases in SQL (generate_series:
// 26 DIDEDUCs, Guatemala Norte 12 %; 6 procedures; the states each procedure goes through, most of
// them finished; applicants' and students' names skewed as real ones are, a few first names and
// surnames very common) with one audit event each (the entry into its current state), then times
// listCaseQueue, the function behind /dideduc, /direccion and /atencion, for each view: p50 and p95
// of BENCH_QUEUES_RUNS runs (after two warm-up runs), against the goal p95 ≤ 100 ms.
// Not a test: it prints figures, it asserts nothing. Never part of `npm test`.
//
// TEST_DATABASE_URL: an admin URL of a PostgreSQL server (a scratch database is created on it and
// dropped at the end); without it one is started in a temporary directory (scripts/start-postgres.sh).
// BENCH_QUEUES_CASES (default 1 000 000). BENCH_QUEUES_KEEP=1 keeps the database (its URL is
// printed) to read plans with EXPLAIN ANALYZE. BENCH_QUEUES_WITHOUT_INDEXES=1 drops the indexes of
// the queue_indexes migration first: the "before" column of docs/decisions/0021.
// BENCH_QUEUES_DATABASE_URL: measure a database a kept run seeded (no seeding, nothing dropped).
// Then the same views as whole pages over HTTP, one at a time and with 50 people at once
// (scripts/bench/queues-http-load.mts; needs a `next build`); BENCH_QUEUES_HTTP=0 skips it.
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { allowServerOnlyModules } from "../prisma/seed/demo-walk";
import { describePostgresSettings, openScratchDatabase } from "./bench-scratch-database";
import { seedBenchCases } from "./bench-seed-cases";

const CASES = Number(process.env.BENCH_QUEUES_CASES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_QUEUES_RUNS ?? 20);
const KEEP = process.env.BENCH_QUEUES_KEEP === "1";
const WITHOUT_INDEXES = process.env.BENCH_QUEUES_WITHOUT_INDEXES === "1";
const GOAL_MS = 100;
// The indexes prisma/migrations/*_queue_indexes adds (dropped for the "before" figures).
const QUEUE_INDEXES = [
  "Case_submittedAt_createdAt_id_state_procedure_idx",
  "Case_dideducId_submittedAt_createdAt_id_state_procedure_idx",
  "Case_state_submittedAt_createdAt_id_procedure_idx",
  "Case_dideducId_state_submittedAt_createdAt_id_procedure_idx",
  "Case_number_trgm_idx",
];

const REUSE = process.env.BENCH_QUEUES_DATABASE_URL;
const scratch = await openScratchDatabase("certifica_bench_queues", REUSE);
const dbUrl = scratch.url;

allowServerOnlyModules();
const [{ createAdapterFactory }, { applyMigrations }, { createPrisma }, { listCaseQueue }] = await Promise.all([
  import("../lib/db/create-adapter-factory"),
  import("../lib/db/apply-migrations"),
  import("../lib/db/create-prisma"),
  import("../lib/cases/list-case-queue"),
]);

if (!REUSE) {
  const migrate = createAdapterFactory(dbUrl.toString());
  await applyMigrations(migrate.factory);
  await migrate.close();


const t0 = performance.now();
const seed = new pg.Client({ connectionString: dbUrl.toString() });
await seed.connect();
try {
  process.stdout.write(`Generando ${CASES.toLocaleString("es-GT")} solicitudes…`);
  // Bulk load: built once after the insert, an index costs a fraction of a million row-by-row
  // updates, and the foreign keys are known to hold (the rows are generated against them).
  const { rows: indexes } = await seed.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('Case', 'AuditEvent') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const ix of indexes) await seed.query(`DROP INDEX "${ix.indexname}"`);
  await seed.query("SET session_replication_role = replica");
  await seed.query("SET maintenance_work_mem = '256MB'");
  await seed.query("SELECT setseed(0.14)");
  await seedBenchCases(seed, CASES);
  // The entry into the current state, some days after the submission (not after now). Written
  // unchained, straight in SQL: this is a scratch database for timing the queues, and chaining a
  // million events one lock at a time (lib/audit/append-audit-event.ts) would measure the chain, not
  // the queues; its check constraint goes first.
  await seed.query(`ALTER TABLE "AuditEvent" DROP CONSTRAINT IF EXISTS "AuditEvent_chained"`);
  await seed.query(`
    INSERT INTO "AuditEvent"("caseId", action, "toState", "createdAt")
    SELECT id, 'bench', state, LEAST(now(), "submittedAt" + random() * interval '30 days') FROM "Case" WHERE state <> 'DRAFT'`);
  // The last of them stands as the chain's head: the first real append (a sign-in of the HTTP
  // load) links to it instead of chaining a million unchained events inside its transaction.
  await seed.query(`UPDATE "AuditEvent" SET hash = 'bench-head-' || id WHERE id = (SELECT max(id) FROM "AuditEvent")`);
  await seed.query(`
    INSERT INTO "User"(id, email, name, "passwordHash", roles, "dideducId", "updatedAt") VALUES
      ('reviewer', 'revisora@bench.test', 'Revisora GN', 'x', '{DIDEDUC_REVIEWER}', 'd1', now()),
      ('signer', 'director@bench.test', 'Director GN', 'x', '{DIDEDUC_SIGNER}', 'd1', now()),
      ('assistant', 'asistente@bench.test', 'Asistente', 'x', '{CENTRAL_ASSISTANT}', NULL, now()),
      ('manager', 'encargado@bench.test', 'Encargado', 'x', '{CENTRAL_MANAGER}', NULL, now())`);
  await seed.query("SET session_replication_role = DEFAULT");
  for (const ix of indexes) if (!(WITHOUT_INDEXES && QUEUE_INDEXES.includes(ix.indexname))) await seed.query(ix.indexdef);
  await seed.query("VACUUM ANALYZE");
  console.log(` ${((performance.now() - t0) / 1000).toFixed(0)} s${WITHOUT_INDEXES ? " (sin los índices de queue_indexes)" : ""}`);
} finally {
  await seed.end();
}
}

const { prisma: db, close } = createPrisma(dbUrl.toString());
const actor = (id: string, roles: string[], dideducId: string | null) => ({ id, roles, dideducId }) as never;
const reviewer = actor("reviewer", ["DIDEDUC_REVIEWER"], "d1");
const signer = actor("signer", ["DIDEDUC_SIGNER"], "d1");
const assistant = actor("assistant", ["CENTRAL_ASSISTANT"], null);
const manager = actor("manager", ["CENTRAL_MANAGER"], null);
const cuiOfCommonApplicant = (await db.user.findUniqueOrThrow({ where: { id: "u77" } })).cui!;

type TView = { name: string; input: Parameters<typeof listCaseQueue>[0] };
const VIEWS: TView[] = [
  { name: "Revisión DIDEDUC, por defecto (Requiere mi acción)", input: { actor: reviewer, segment: "dideduc", mine: true } },
  { name: "Revisión DIDEDUC, todos los estados", input: { actor: reviewer, segment: "dideduc" } },
  { name: "Revisión DIDEDUC, página 500 de todos", input: { actor: reviewer, segment: "dideduc", page: 500 } },
  { name: "Dirección, por defecto (Requiere mi acción)", input: { actor: signer, segment: "direccion", mine: true } },
  { name: "Central, por defecto (Requiere mi acción)", input: { actor: assistant, segment: "atencion", mine: true } },
  { name: "Central del Encargado, por defecto", input: { actor: manager, segment: "atencion", mine: true } },
  { name: "Central, todos los estados", input: { actor: assistant, segment: "atencion" } },
  { name: "Central, página 500 (por defecto)", input: { actor: assistant, segment: "atencion", mine: true, page: 500 } },
  { name: "Central, página 500 (todos)", input: { actor: assistant, segment: "atencion", page: 500 } },
  { name: 'Central, buscar "maria lopez"', input: { actor: assistant, segment: "atencion", q: "maria lopez" } },
  { name: 'Central, buscar "maria lopez" (mi acción)', input: { actor: assistant, segment: "atencion", mine: true, q: "maria lopez" } },
  { name: 'Central, buscar "ixchel barrios"', input: { actor: assistant, segment: "atencion", q: "ixchel barrios" } },
  { name: "Central, buscar CUI", input: { actor: assistant, segment: "atencion", q: cuiOfCommonApplicant } },
  { name: 'Central, buscar número "000009"', input: { actor: assistant, segment: "atencion", q: "000009" } },
  { name: 'Central, buscar número "EE-2024-0001"', input: { actor: assistant, segment: "atencion", q: "EE-2024-0001" } },
  { name: "Central, filtro DIDEDUC (Guatemala Norte)", input: { actor: assistant, segment: "atencion", dideducId: "d1" } },
  { name: "Central, filtro DIDEDUC (mi acción)", input: { actor: assistant, segment: "atencion", mine: true, dideducId: "d5" } },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
try {
  console.log(`\nCarga del equipo (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} en ${os.cpus().length} núcleos`);
  console.log(await describePostgresSettings(dbUrl.toString()));
  console.log(`${"Vista".padEnd(48)} ${"filas".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  meta p95 ≤ ${GOAL_MS} ms`);
  for (const view of VIEWS) {
    const times: number[] = [];
    let result: Awaited<ReturnType<typeof listCaseQueue>> | null = null;
    for (let i = 0; i < RUNS + 2; i++) {
      const start = performance.now();
      result = await listCaseQueue(view.input, { db });
      if (i >= 2) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    const total = result!.capped ? `>${result!.total}` : String(result!.total);
    console.log(`${view.name.padEnd(48)} ${total.padStart(8)} ${percentile(times, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}  ${p95 <= GOAL_MS ? "cumple" : "NO CUMPLE"}`);
  }
  if (process.env.BENCH_QUEUES_HTTP !== "0") await (await import("./bench/queues-http-load")).runQueuesHttpLoad(dbUrl.toString());
} finally {
  await close();
  await scratch.finish(KEEP);
}
