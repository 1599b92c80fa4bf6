// `npm run bench:http`: the public verification page against a page that reads nothing, over HTTP on
// the production server (scripts/serve.mts), on the embedded database (PGlite) and on PostgreSQL
// (issue #15 §2, §3). Not a test: it prints figures against the goals, it asserts nothing. Never
// part of `npm test`.
//
// Data: a scratch PostgreSQL database (scripts/bench-scratch-database.ts: on TEST_DATABASE_URL's
// server, else one started in a temporary directory) seeded with the demo seed (its demo cases are
// walked through the real workflow, so several certifications are issued, signed and timestamped by
// the demo PKI's services). The embedded database is a copy of those same rows (pg_dump --inserts),
// not a second signing run. BENCH_HTTP_DATABASE_URL: a database a kept run seeded (BENCH_HTTP_KEEP=1).
//
// Clients: the public pages are limited per client address (lib/http/rate-limit.ts, 60/min). The
// QR page is opened by many people, each a few times, so the server runs as behind one reverse
// proxy (TRUSTED_PROXY_HOPS=1) and every request carries the X-Forwarded-For of one of
// BENCH_HTTP_CLIENTS (5 000) addresses, in turn: a few requests a minute each. Every answer that is
// not a 2xx, and every page that says "too many requests" (the page answers 200 then), counts as
// an error.
//
// Per database: /ingresar then /verificar/<code>, 50 connections for BENCH_HTTP_SECONDS (12) s each
// on the same server (ratio verificar/ingresar: goal ≥ 0.6, p99 < 500 ms), BENCH_HTTP_ROUNDS (3)
// times in turn; every round is printed, and the goals are judged on the median round (this machine's
// speed swings by ±40 % within minutes: one 12 s draw says little, and alternating the two routes
// keeps their ratio fair). Then 200 connections for
// BENCH_HTTP_LONG_SECONDS (60) s on /verificar (goal 0 errors) while the server's RSS is sampled
// (goal peak < 600 MB), and its RSS BENCH_HTTP_SETTLE_SECONDS (20) s after. Last, `npm start` on the
// PostgreSQL copy: the RSS of its launcher once the server answers (goal ≤ 50 MB, or exited).
// BENCH_HTTP_TARGETS=pglite,postgres,postgres-workers (default all three); postgres-workers is the
// same PostgreSQL server with SERVER_WORKERS=BENCH_HTTP_WORKERS (default: this machine's cores)
// processes on one port (lib/http/run-server-workers.ts): its CPU and RSS are the sum over the
// primary and the workers, and the largest process's RSS is printed too. BENCH_HTTP_START=0 skips
// `npm start`.
// BENCH_HTTP_NODE_OPTIONS: extra node flags for the server (e.g. --heap-prof).
// Needs a production build; builds one (`next build`) when the sources changed since the last.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { allowServerOnlyModules } from "../prisma/seed/demo-walk";
import { BUILD_STAMP_FILE, sourceStamp } from "./build-stamp";
import { describePostgresSettings, openScratchDatabase } from "./bench-scratch-database";
import { serverEnv, serverHeapMb, serverNodeArgs } from "./server-command.mjs";

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 12);
const LONG_SECONDS = Number(process.env.BENCH_HTTP_LONG_SECONDS ?? 60);
const SETTLE_SECONDS = Number(process.env.BENCH_HTTP_SETTLE_SECONDS ?? 20);
const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_HTTP_ROUNDS ?? 3)));
const CLIENTS = Number(process.env.BENCH_HTTP_CLIENTS ?? 5000);
const KEEP = process.env.BENCH_HTTP_KEEP === "1";
const TARGETS = (process.env.BENCH_HTTP_TARGETS ?? "pglite,postgres,postgres-workers").split(",").map((t) => t.trim());
const WORKERS = Number(process.env.BENCH_HTTP_WORKERS ?? os.availableParallelism());
const GOALS = { ratio: 0.6, p99Ms: 500, peakMb: 600, launcherMb: 50 };

const mb = (kb: number) => Math.round(kb / 1024);
const yes = (ok: boolean) => (ok ? "cumple" : "NO CUMPLE");

// 1. A build of the current sources.
if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync(BUILD_STAMP_FILE) || fs.readFileSync(BUILD_STAMP_FILE, "utf8") !== sourceStamp()) {
  console.log("Compilando la aplicación (next build): no hay compilación de las fuentes actuales…");
  const stamp = sourceStamp();
  const r = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(BUILD_STAMP_FILE, stamp);
}

// 2. Data: the demo seed on a scratch PostgreSQL database, copied into an embedded one.
const work = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-bench-http-"));
const pkiDir = path.join(work, "pki");
const storageDir = path.join(work, "files");
const REUSE = process.env.BENCH_HTTP_DATABASE_URL;
const scratch = await openScratchDatabase("certifica_bench_http", REUSE);
const pgUrl = scratch.url.toString();
allowServerOnlyModules();
const [{ createPrisma }, { applyMigrations }, { createAdapterFactory }, { seedDatabase }, { startPkiServices }, { LocalDiskStorage }] = await Promise.all([
  import("../lib/db/create-prisma"),
  import("../lib/db/apply-migrations"),
  import("../lib/db/create-adapter-factory"),
  import("../prisma/seed/seed-database"),
  import("../lib/pki/services/start-pki-services"),
  import("../lib/storage/local-disk-storage"),
]);

if (!REUSE) {
  const pki = await startPkiServices({ pkiDir, port: 0 });
  process.env.TSA_URL = pki.tsaUrl;
  const { prisma, handle, close } = createPrisma(pgUrl);
  try {
    await applyMigrations(handle.factory);
    const t0 = performance.now();
    process.stdout.write("Sembrando la base de demostración (solicitudes emitidas por el flujo real)…");
    await seedDatabase(prisma, { pkiDir, servicesBaseUrl: pki.baseUrl, demoCases: true, storage: new LocalDiskStorage(storageDir), log: () => {} });
    console.log(` ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await close();
    await pki.close();
  }
}
const codes = await (async () => {
  const { prisma, close } = createPrisma(pgUrl);
  try {
    const rows = await prisma.case.findMany({ where: { state: "ISSUED", verificationCode: { not: null } }, select: { verificationCode: true }, orderBy: { issuedAt: "asc" } });
    return rows.map((r) => r.verificationCode!);
  } finally {
    await close();
  }
})();
if (codes.length === 0) throw new Error("la base no tiene certificaciones emitidas");
const code = codes[0];
console.log(`Certificaciones emitidas: ${codes.length}; se consulta ${code}`);

let pgliteDir: string | null = null;
if (TARGETS.includes("pglite")) {
  pgliteDir = path.join(work, "pglite");
  const h = createAdapterFactory(`pglite:${pgliteDir}`);
  try {
    await applyMigrations(h.factory);
    // The seeded rows, as INSERTs, into the migrated embedded database (triggers off during the
    // load: the rows are consistent already, in whatever order pg_dump writes the tables).
    const dump = execFileSync(
      "pg_dump",
      ["--data-only", "--inserts", "--disable-triggers", "--no-owner", "--exclude-table=_prisma_migrations", "--exclude-table=RateLimitCounter", pgUrl],
      // stderr: pg_dump warns of the circular foreign keys the disabled triggers take care of.
      { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] },
    )
      .split("\n")
      // Settings a newer pg_dump writes that the embedded server may not know.
      .filter((l) => !/^SET (transaction_timeout|default_table_access_method)/.test(l) && !l.startsWith("\\"))
      .join("\n");
    await h.factory.connect().then((a) => a.executeScript(dump));
  } finally {
    await h.close();
  }
}

// 3. The runs.
type TLoad = { rps: number; p50: number; p99: number; errors: number; requests: number; cpuMs: number };

// /proc/<pid>/stat's fields after the command's name (state, ppid, pgrp, …, utime, stime: the
// 3rd, 4th, 5th, …, 14th and 15th of the file), or null for a process already gone.
function procStat(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  } catch {
    return null;
  }
}

// The running processes whose stat fields match.
function pidsWhere(match: (stat: string[]) => boolean): number[] {
  return fs
    .readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .map(Number)
    .filter((pid) => {
      const stat = procStat(pid);
      return stat !== null && match(stat);
    });
}

// The server's processes: the one started, and its children (SERVER_WORKERS' workers).
function processTree(pid: number): number[] {
  return [pid, ...pidsWhere((stat) => Number(stat[1]) === pid)];
}

// The server's CPU time so far (user + system, ms, over its processes), in clock ticks (100 a second
// on Linux). On a machine other work also loads, CPU per request is the figure that does not depend
// on it; throughput and latency do. (PostgreSQL's own CPU is in its processes, not here; the
// embedded database's is.)
function cpuMs(pid: number): number {
  let total = 0;
  for (const stat of processTree(pid).map(procStat)) if (stat) total += (Number(stat[11]) + Number(stat[12])) * 10;
  return total;
}

let clientCounter = 0;
function nextClientAddress(): string {
  const i = clientCounter++ % CLIENTS;
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

async function load(base: string, urlPath: string, connections: number, duration: number, pid: number): Promise<TLoad> {
  let limited = 0;
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url: base,
    connections,
    duration,
    timeout: 10,
    requests: [
      {
        method: "GET",
        path: urlPath,
        setupRequest: (req: Record<string, unknown>) => ({ ...req, headers: { ...(req.headers as object), "x-forwarded-for": nextClientAddress() } }),
        onResponse: (_status: number, body: string) => {
          if (body.includes('data-testid="rate-limited"')) limited++;
        },
      },
    ],
  } as unknown as autocannon.Options);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    // autocannon counts a timeout among its errors too.
    errors: result.errors + result.non2xx + limited,
    cpuMs: result.requests.total > 0 ? (cpuMs(pid) - cpuBefore) / result.requests.total : 0,
  };
}

// Summed over the server's processes, and the largest of them.
function summedRssKb(pids: number[]): { total: number; largest: number } {
  const each = pids.map((p) => rssKb(p) ?? 0);
  return { total: each.reduce((a, b) => a + b, 0), largest: Math.max(0, ...each) };
}

function rssKb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

async function waitFor(base: string, child: ChildProcess, pathToTry: string): Promise<void> {
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error("el servidor se detuvo al arrancar");
    try {
      const r = await fetch(`${base}${pathToTry}`);
      await r.text();
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("el servidor no respondió en 2 minutos");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Each figure's median over the rounds; the errors and requests are the rounds' sums.
function medianLoad(loads: TLoad[]): TLoad {
  return {
    rps: median(loads.map((l) => l.rps)),
    p50: median(loads.map((l) => l.p50)),
    p99: median(loads.map((l) => l.p99)),
    cpuMs: median(loads.map((l) => l.cpuMs)),
    errors: loads.reduce((a, l) => a + l.errors, 0),
    requests: loads.reduce((a, l) => a + l.requests, 0),
  };
}

const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));
const fmt = (l: TLoad) =>
  `${l.rps.toFixed(1).padStart(7)} sol/s  p50 ${String(l.p50).padStart(4)} ms  p99 ${String(l.p99).padStart(5)} ms  errores ${l.errors} de ${l.requests}  CPU del servidor ${l.cpuMs.toFixed(1)} ms/sol`;
const summary: string[] = [];

async function benchTarget(label: string, databaseUrl: string, workers = 1): Promise<void> {
  const port = String(3700 + Math.floor(Math.random() * 90));
  const base = `http://localhost:${port}`;
  const extra = (process.env.BENCH_HTTP_NODE_OPTIONS ?? "").split(" ").filter(Boolean);
  const server = spawn(process.execPath, [...extra, ...serverNodeArgs()], {
    stdio: ["ignore", "ignore", "inherit"],
    env: serverEnv({
      ...process.env,
      NODE_ENV: "production",
      PORT: port,
      DATABASE_URL: databaseUrl,
      STORAGE_DIR: storageDir,
      AUTH_SECRET: "bench-http-0123456789abcdef0123456789abcdef",
      APP_BASE_URL: base,
      TSA_URL: "http://127.0.0.1:9/tsa",
      TRUSTED_PROXY_HOPS: "1",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      SERVER_WORKERS: String(workers),
    }),
  });
  try {
    await waitFor(base, server, `/verificar/${code}`);
    // A server in service has compiled its hot paths long ago.
    await load(base, "/ingresar", 10, 3, server.pid!);
    await load(base, `/verificar/${code}`, 10, 3, server.pid!);
    await sleep(2);
    // Listed once: the sampler below reads only these (a worker replaced meanwhile would show as
    // errors in the run, not as memory).
    const pids = processTree(server.pid!);
    const idleTree = summedRssKb(pids);
    const idle = idleTree.total;
    console.log(`\n${label}: RSS del servidor en reposo ${mb(idle)} MB${workers > 1 ? ` (${workers + 1} procesos; el mayor ${mb(idleTree.largest)} MB)` : ""}`);
    console.log(`  50 conexiones × ${SECONDS} s, ${ROUNDS} ${ROUNDS === 1 ? "ronda" : "rondas"} (ingresar y verificar en turno)`);
    const rounds: { ingresar: TLoad; verificar: TLoad }[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      const ingresar = await load(base, "/ingresar", 50, SECONDS, server.pid!);
      const verificar = await load(base, `/verificar/${code}`, 50, SECONDS, server.pid!);
      rounds.push({ ingresar, verificar });
      console.log(`    ronda ${r}: /ingresar          ${fmt(ingresar)}`);
      console.log(`             /verificar/<código> ${fmt(verificar)}`);
      console.log(`             razón ${(verificar.rps / ingresar.rps).toFixed(2)}; p99 verificar ÷ p99 ingresar ${(verificar.p99 / ingresar.p99).toFixed(2)}`);
    }
    // The median of each figure over the rounds (not one round's figures: each is a draw).
    const ingresar = medianLoad(rounds.map((r) => r.ingresar));
    const verificar = medianLoad(rounds.map((r) => r.verificar));
    const ratio = median(rounds.map((r) => r.verificar.rps / r.ingresar.rps));
    const met = rounds.filter((r) => r.verificar.rps / r.ingresar.rps >= GOALS.ratio && r.verificar.p99 < GOALS.p99Ms).length;
    if (ROUNDS > 1) {
      console.log(`    mediana de ${ROUNDS} rondas:`);
      console.log(`      /ingresar          ${fmt(ingresar)}`);
      console.log(`      /verificar/<código> ${fmt(verificar)}`);
    }
    const cpuRatio = verificar.cpuMs > 0 ? ingresar.cpuMs / verificar.cpuMs : 0;
    console.log(`    razón por CPU del servidor (ingresar ms/sol ÷ verificar ms/sol) ${cpuRatio.toFixed(2)}: lo que la razón sería con el equipo solo para este servidor`);
    console.log(
      `    razón verificar/ingresar ${ratio.toFixed(2)} (meta ≥ ${GOALS.ratio}): ${yes(ratio >= GOALS.ratio)}; p99 ${verificar.p99} ms (meta < ${GOALS.p99Ms}): ${yes(verificar.p99 < GOALS.p99Ms)}` +
        (ROUNDS > 1 ? `; rondas que cumplen ambas metas: ${met} de ${ROUNDS}` : ""),
    );
    // With 50 connections always waiting on an answer, the mean wait is 50 ÷ throughput (Little's
    // law) however the server orders them: on a slow machine p99 follows throughput, not the page.
    // The same figure for /ingresar, on the same server in the same run, says how much is the page's.
    console.log(
      `    espera media por la ley de Little (50 ÷ sol/s): ingresar ${Math.round(50_000 / ingresar.rps)} ms, verificar ${Math.round(50_000 / verificar.rps)} ms; ` +
        `p99 verificar ÷ p99 ingresar ${(verificar.p99 / ingresar.p99).toFixed(2)}`,
    );

    let peak = 0;
    let peakLargest = 0;
    const sampler = setInterval(() => {
      const now = summedRssKb(pids);
      peak = Math.max(peak, now.total);
      peakLargest = Math.max(peakLargest, now.largest);
    }, 200);
    const long = await load(base, `/verificar/${code}`, 200, LONG_SECONDS, server.pid!);
    clearInterval(sampler);
    console.log(`  200 conexiones × ${LONG_SECONDS} s en /verificar: ${fmt(long)} → ${yes(long.errors === 0)}`);
    console.log(
      workers > 1
        ? `    RSS pico, suma de los ${workers + 1} procesos ${mb(peak)} MB (meta < ${GOALS.peakMb}): ${yes(mb(peak) < GOALS.peakMb)}; el mayor proceso ${mb(peakLargest)} MB: ${yes(mb(peakLargest) < GOALS.peakMb)}`
        : `    RSS pico ${mb(peak)} MB (meta < ${GOALS.peakMb}): ${yes(mb(peak) < GOALS.peakMb)}`,
    );
    await sleep(SETTLE_SECONDS);
    const after = summedRssKb(pids).total;
    console.log(`    RSS ${SETTLE_SECONDS} s después ${mb(after)} MB (en reposo ${mb(idle)} MB)`);
    summary.push(
      `${label.padEnd(10)} ${ROUNDS > 1 ? `mediana de ${ROUNDS} rondas (${met} cumplen): ` : ""}ingresar ${ingresar.rps.toFixed(0)} sol/s · verificar ${verificar.rps.toFixed(0)} sol/s (p50 ${verificar.p50} ms, p99 ${verificar.p99} ms; p99 de ingresar ${ingresar.p99} ms) · razón ${ratio.toFixed(2)} (por CPU ${cpuRatio.toFixed(2)}; CPU ${ingresar.cpuMs.toFixed(1)} / ${verificar.cpuMs.toFixed(1)} ms/sol) · ` +
        `200 con.: ${long.rps.toFixed(0)} sol/s, p99 ${long.p99} ms, ${long.errors} errores · RSS ${mb(idle)} → pico ${mb(peak)} → ${mb(after)} MB${workers > 1 ? ` (suma; mayor proceso ${mb(peakLargest)} MB)` : ""}`,
    );
  } finally {
    server.kill("SIGTERM");
    // A server that died of a signal (an abort on out-of-memory) has no exit code, only a signal.
    if (server.exitCode === null && server.signalCode === null) await new Promise((r) => server.once("exit", r));
  }
}

// `npm start`'s processes once it serves: which stay, and their RSS.
async function benchStart(): Promise<void> {
  const port = String(3800 + Math.floor(Math.random() * 90));
  const base = `http://localhost:${port}`;
  // `npm start`'s command without its first step, ensure-deps.mjs (which installs dependencies when
  // the lockfile is newer than node_modules: in a fresh worktree it would run `npm ci` here), run by
  // a shell as npm runs it.
  const startScript = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start.replace(/^node scripts\/ensure-deps\.mjs && /, "");
  const { NODE_ENV: _nodeEnv, ...startEnv } = process.env;
  const npm = spawn("sh", ["-c", startScript], {
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
    env: { ...startEnv, PATH: `${path.resolve("node_modules/.bin")}:${process.env.PATH}`, PORT: port, DATABASE_URL: pgUrl, STORAGE_DIR: storageDir, PKI_DIR: pkiDir, PKI_SERVICES_PORT: String(3890 + Math.floor(Math.random() * 9)), APP_BASE_URL: base, TSA_URL: "" } as unknown as NodeJS.ProcessEnv,
  });
  let out = "";
  npm.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  try {
    for (let i = 0; i < 600 && !out.includes("Cuentas de demostración"); i++) {
      if (npm.exitCode !== null) throw new Error(`npm start terminó (${npm.exitCode}):\n${out}`);
      await sleep(0.25);
    }
    await waitFor(base, npm, "/ingresar");
    await sleep(3);
    // Every process of the group npm leads, with its command line.
    const procs = pidsWhere((stat) => Number(stat[2]) === npm.pid).map((pid) => ({ pid, rss: rssKb(pid) ?? 0, cmd: fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim() }));
    console.log(`\nnpm start (PostgreSQL; \`${startScript}\`), procesos vivos una vez que sirve:`);
    for (const p of procs) console.log(`  ${String(p.pid).padStart(7)} ${String(mb(p.rss)).padStart(5)} MB  ${p.cmd.slice(0, 110)}`);
    const launcher = procs.filter((p) => /scripts\/start\.m[jt]s/.test(p.cmd));
    const heaviest = Math.max(0, ...launcher.map((p) => mb(p.rss)));
    console.log(
      launcher.length === 0
        ? "  El lanzador (scripts/start) ya terminó: cumple"
        : `  Lanzador (scripts/start): ${heaviest} MB (meta ≤ ${GOALS.launcherMb} MB o terminado): ${yes(heaviest <= GOALS.launcherMb)}`,
    );
    summary.push(`npm start  lanzador ${launcher.length === 0 ? "terminado" : `${heaviest} MB`}`);
  } finally {
    try {
      process.kill(-npm.pid!, "SIGINT");
    } catch {
      // already gone
    }
    if (npm.exitCode === null) await new Promise((r) => npm.once("exit", r));
  }
}

try {
  if (!REUSE) console.log(await describePostgresSettings(pgUrl));
  console.log(`Carga del equipo antes (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} en ${os.cpus().length} núcleos; ${CLIENTS} direcciones de cliente`);
  const heapMb = serverHeapMb();
  console.log(`Servidor: ${serverNodeArgs().join(" ")} (montón de V8: ${heapMb === null ? "límite propio de V8" : `${heapMb} MB`}, SERVER_HEAP_MB)`);
  if (pgliteDir) await benchTarget("Embebida", `pglite:${pgliteDir}`);
  if (TARGETS.includes("postgres")) await benchTarget("PostgreSQL", pgUrl);
  if (TARGETS.includes("postgres-workers")) await benchTarget(`PostgreSQL, ${WORKERS} procesos`, pgUrl, WORKERS);
  if (process.env.BENCH_HTTP_START !== "0") await benchStart();
  console.log(`Carga del equipo después (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}`);
  console.log(`\nResumen\n${summary.map((s) => `  ${s}`).join("\n")}`);
} finally {
  await scratch.finish(KEEP);
  if (!KEEP) fs.rmSync(work, { recursive: true, force: true });
}
