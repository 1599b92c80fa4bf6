// `npm run bench:stats`: the management dashboards' server time at 1 000 000 cases and 10 000 000
// audit events (issue #14 §2). On a scratch PostgreSQL database it applies the migrations, generates
// the cases as bench:queues does (scripts/bench-seed-cases.ts), then in SQL the audit trail: every
// submitted case's state transitions along its procedure's path (a few days apart), and other events
// (uploads, sign-ins) up to BENCH_STATS_EVENTS in all; closedAt/issuedAt follow the transitions. Then
// it times loadStatsTables — everything /atencion/estadisticas and /direccion/estadisticas compute —
// for each view: p50 and p95 of BENCH_STATS_RUNS runs (after one warm-up), against p95 ≤ 500 ms.
// Not a test: it prints figures, it asserts nothing. Never part of `npm test`.
//
// The generated events are NOT hash-chained (decision 0019's chain): they are written straight in
// SQL with the chain's CHECK constraint dropped, bench data only — chaining ten million events one
// lock at a time would measure the chain, not the dashboards.
//
// TEST_DATABASE_URL: an admin URL of a PostgreSQL server (a scratch database is created on it and
// dropped at the end); without it one is started in a temporary directory (scripts/start-postgres.sh).
// BENCH_STATS_CASES (default 1 000 000), BENCH_STATS_EVENTS (default 10 000 000). BENCH_STATS_KEEP=1
// keeps the database (its URL is printed) to read plans with EXPLAIN ANALYZE; BENCH_STATS_DATABASE_URL
// measures a database a kept run seeded (no seeding, nothing dropped).
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { allowServerOnlyModules } from "../prisma/seed/demo-walk";
import { describePostgresSettings, openScratchDatabase } from "./bench-scratch-database";
import { seedBenchCases } from "./bench-seed-cases";

const CASES = Number(process.env.BENCH_STATS_CASES ?? 1_000_000);
const EVENTS = Number(process.env.BENCH_STATS_EVENTS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_STATS_RUNS ?? 10);
const KEEP = process.env.BENCH_STATS_KEEP === "1";
const GOAL_MS = 500;

const REUSE = process.env.BENCH_STATS_DATABASE_URL;
const scratch = await openScratchDatabase("certifica_bench_stats", REUSE);
const dbUrl = scratch.url;

allowServerOnlyModules();
const [
  { createAdapterFactory },
  { applyMigrations },
  { createPrisma },
  { loadStatsTables },
  { parseStatsFilter },
  { resolveStatsScope },
  { ensureDefaultServiceLevels },
] = await Promise.all([
  import("../lib/db/create-adapter-factory"),
  import("../lib/db/apply-migrations"),
  import("../lib/db/create-prisma"),
  import("../lib/stats/load-stats-tables"),
  import("../lib/stats/stats-filter"),
  import("../lib/stats/resolve-stats-scope"),
  import("../lib/service-levels/ensure-default-service-levels"),
]);

// The states each case passed through, by its current state (and whether a DIDEDUC reviews its
// procedure): a quarter of the DIDEDUC cases rejected went through a correction first.
const PATH = `CASE
  WHEN c.state = 'MANAGER_REVIEW' THEN ARRAY['MANAGER_REVIEW']
  WHEN c.procedure = 'TRANSLATOR_REGISTRATION' AND c.state = 'REJECTED' THEN ARRAY['MANAGER_REVIEW', 'REJECTED']
  WHEN c.state = 'REGISTERED' THEN ARRAY['MANAGER_REVIEW', 'REGISTERED']
  WHEN c."dideducId" IS NOT NULL THEN CASE c.state
    WHEN 'DIDEDUC_REVIEW' THEN ARRAY['DIDEDUC_REVIEW']
    WHEN 'NEEDS_CORRECTION' THEN ARRAY['DIDEDUC_REVIEW', 'NEEDS_CORRECTION']
    WHEN 'DIDEDUC_SIGNATURE' THEN ARRAY['DIDEDUC_REVIEW', 'DIDEDUC_SIGNATURE']
    WHEN 'CENTRAL_REVIEW' THEN ARRAY['DIDEDUC_REVIEW', 'DIDEDUC_SIGNATURE', 'CENTRAL_REVIEW']
    WHEN 'REJECTED' THEN ARRAY['DIDEDUC_REVIEW', 'NEEDS_CORRECTION', 'DIDEDUC_REVIEW', 'REJECTED']
    WHEN 'ISSUED' THEN ARRAY['DIDEDUC_REVIEW', 'DIDEDUC_SIGNATURE', 'CENTRAL_REVIEW', 'ISSUED']
    ELSE ARRAY['DIDEDUC_REVIEW', 'DIDEDUC_SIGNATURE', 'CENTRAL_REVIEW', 'ISSUED', 'REVOKED'] END
  ELSE CASE c.state
    WHEN 'NEEDS_CORRECTION' THEN ARRAY['CENTRAL_REVIEW', 'NEEDS_CORRECTION']
    WHEN 'CENTRAL_REVIEW' THEN ARRAY['CENTRAL_REVIEW']
    WHEN 'REJECTED' THEN ARRAY['CENTRAL_REVIEW', 'REJECTED']
    WHEN 'ISSUED' THEN ARRAY['CENTRAL_REVIEW', 'ISSUED']
    ELSE ARRAY['CENTRAL_REVIEW', 'ISSUED', 'REVOKED'] END
END`;

if (!REUSE) {
  const migrate = createAdapterFactory(dbUrl.toString());
  await applyMigrations(migrate.factory);
  await migrate.close();

  const t0 = performance.now();
  const seed = new pg.Client({ connectionString: dbUrl.toString() });
  await seed.connect();
  const step = async (label: string, sql: string) => {
    const t = performance.now();
    const r = await seed.query(sql);
    console.log(`  ${label}: ${r.rowCount ?? ""} filas, ${((performance.now() - t) / 1000).toFixed(0)} s`);
  };
  try {
    console.log(`Generando ${CASES.toLocaleString("es-GT")} solicitudes y ${EVENTS.toLocaleString("es-GT")} eventos de auditoría…`);
    // Bulk load: indexes built once afterwards; foreign keys known to hold (generated against them).
    const { rows: indexes } = await seed.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('Case', 'AuditEvent') AND indexname NOT LIKE '%_pkey'`,
    );
    for (const ix of indexes) await seed.query(`DROP INDEX "${ix.indexname}"`);
    await seed.query("SET session_replication_role = replica");
    await seed.query("SET maintenance_work_mem = '256MB'");
    await seed.query("SELECT setseed(0.142)");
    let t = performance.now();
    await seedBenchCases(seed, CASES);
    console.log(`  solicitudes: ${((performance.now() - t) / 1000).toFixed(0)} s`);
    // Bench data only: unchained events (see the header), so the chain's check goes first.
    await seed.query(`ALTER TABLE "AuditEvent" DROP CONSTRAINT IF EXISTS "AuditEvent_chained"`);
    // Step i of a case's path: 3(i−1) to 3i days after its submission (never after now).
    await step(
      "transiciones",
      `INSERT INTO "AuditEvent"("caseId", action, "fromState", "toState", "createdAt")
       SELECT c.id, 'bench.transition', (CASE WHEN p.i = 1 THEN 'DRAFT' ELSE (${PATH})[p.i - 1] END)::"CaseState", p.st::"CaseState",
         LEAST(now(), c."submittedAt" + ((p.i - 1) * 3 + random() * 3) * interval '1 day')
       FROM "Case" c CROSS JOIN LATERAL unnest(${PATH}) WITH ORDINALITY AS p(st, i)
       WHERE c.state <> 'DRAFT'`,
    );
    // What transition() writes with each state change (decision 0024): when the state it leaves
    // was entered, and the case's procedure and DIDEDUC.
    await step(
      "contexto de las transiciones",
      `UPDATE "AuditEvent" e SET "stageEnteredAt" = d.entered, "procedure" = d."procedure", "dideducId" = d."dideducId", "hashForm" = 2
       FROM (SELECT t.id, lag(t."createdAt") OVER (PARTITION BY t."caseId" ORDER BY t."createdAt", t.id) AS entered, c."procedure", c."dideducId"
             FROM "AuditEvent" t JOIN "Case" c ON c.id = t."caseId" WHERE t.action = 'bench.transition') d
       WHERE e.id = d.id`,
    );
    const { rows: [{ n }] } = await seed.query<{ n: string }>(`SELECT count(*) n FROM "AuditEvent"`);
    const others = Math.max(0, EVENTS - Number(n));
    // Everything else the trail holds: uploads and views on random cases, sign-ins with no case.
    await step(
      "otros eventos",
      `INSERT INTO "AuditEvent"("caseId", action, "createdAt")
       SELECT CASE WHEN r < 0.8 THEN 'c' || (1 + floor(random() * ${CASES})::int) END,
         CASE WHEN r < 0.5 THEN 'file.upload' WHEN r < 0.8 THEN 'case.view' ELSE 'auth.sign_in' END,
         now() - random() * interval '5 years'
       FROM (SELECT random() r FROM generate_series(1, ${others})) g`,
    );
    await step(
      "fechas de cierre",
      `UPDATE "Case" c SET "closedAt" = e.last, "issuedAt" = CASE WHEN c.state IN ('ISSUED', 'REVOKED') THEN e.last END
       FROM (SELECT "caseId", max("createdAt") last FROM "AuditEvent" WHERE action = 'bench.transition' GROUP BY "caseId") e
       WHERE e."caseId" = c.id AND c.state IN ('REJECTED', 'ISSUED', 'REVOKED', 'REGISTERED')`,
    );
    await seed.query("SET session_replication_role = DEFAULT");
    t = performance.now();
    for (const ix of indexes) await seed.query(ix.indexdef);
    console.log(`  índices: ${((performance.now() - t) / 1000).toFixed(0)} s`);
    t = performance.now();
    await seed.query("VACUUM ANALYZE");
    console.log(`  VACUUM ANALYZE: ${((performance.now() - t) / 1000).toFixed(0)} s`);
    console.log(`Generación total: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await seed.end();
  }
}

const { prisma: db, close } = createPrisma(dbUrl.toString());
// The seed's targets and holidays, as a real installation has them: without targets the SLA table
// (a second grouping of the stays) is not computed at all.
await ensureDefaultServiceLevels(db);
const actor = (roles: string[], dideducId: string | null) => ({ id: "bench", name: "bench", email: "bench@bench.test", roles, dideducId, delegatedRoles: [] }) as never;
const manager = actor(["CENTRAL_MANAGER"], null);
const director = actor(["DIDEDUC_SIGNER"], "d1");
const now = new Date();
const lastMonths = (n: number) => {
  const d = new Date(now.getTime() - 6 * 3600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - (n - 1));
  return d.toISOString().slice(0, 7);
};

type TView = { name: string; segment: "atencion" | "direccion"; who: never; params: Record<string, string> };
const VIEWS: TView[] = [
  { name: "Central, por defecto (6 meses)", segment: "atencion", who: manager, params: {} },
  { name: "Central, 12 meses", segment: "atencion", who: manager, params: { desde: lastMonths(12) } },
  { name: "Central, 36 meses", segment: "atencion", who: manager, params: { desde: lastMonths(36) } },
  { name: "Central, Guatemala Norte", segment: "atencion", who: manager, params: { dideduc: "d1" } },
  { name: "Central, DIDEDUC 7 + Título antes de 2005", segment: "atencion", who: manager, params: { dideduc: "d7", tramite: "DIPLOMA_BEFORE_2005" } },
  { name: "Central, Expediente educativo", segment: "atencion", who: manager, params: { tramite: "EDUCATIONAL_RECORD" } },
  { name: "Dirección GN, por defecto", segment: "direccion", who: director, params: {} },
  { name: "Dirección GN, 12 meses + Expediente", segment: "direccion", who: director, params: { desde: lastMonths(12), tramite: "EDUCATIONAL_RECORD" } },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
try {
  // Figures depend on what else runs: the load is printed with them.
  console.log(`\nCarga del equipo (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} en ${os.cpus().length} núcleos`);
  console.log(await describePostgresSettings(dbUrl.toString()));
  console.log(`${"Vista".padEnd(44)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  meta p95 ≤ ${GOAL_MS} ms`);
  for (const view of VIEWS) {
    const scope = resolveStatsScope(view.who, view.segment, parseStatsFilter(view.params, now).filter);
    if (!scope.ok) throw new Error(`refused: ${view.name}`);
    const times: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const start = performance.now();
      await loadStatsTables(scope.filter, scope.central, { db, now });
      if (i >= 1) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    console.log(`${view.name.padEnd(44)} ${percentile(times, 50).toFixed(0).padStart(8)} ${p95.toFixed(0).padStart(8)}  ${p95 <= GOAL_MS ? "cumple" : "NO CUMPLE"}`);
  }
} finally {
  await close();
  await scratch.finish(KEEP);
}
