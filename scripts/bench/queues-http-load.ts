// The staff queues over HTTP at a million cases (issue #14 §1: "the 50-user mixed load without
// timeouts"), on the database bench-queues.mts seeded. It adds staff accounts with real passwords
// (10 DIDEDUC reviewers of Guatemala Norte, 5 central assistants with their second factor), starts
// the production server (scripts/serve.mts, a `next build` must exist) on that database, signs each
// account in through Auth.js's credentials endpoint as a browser would, then:
//  1. each queue view, 20 requests one at a time (after BENCH_QUEUES_HTTP_WARMUP (5) rounds over
//     every view as every person, and 2 more of the view): p50/p95 of the page's whole
//     server time (request to last byte on localhost), against the goal p95 ≤ 100 ms;
//  2. 50 connections for BENCH_QUEUES_HTTP_SECONDS (20) s with autocannon, every connection cycling
//     through those views as different people: requests per second, p50/p90/p99, errors, timeouts
//     and non-2xx answers (a redirect to /ingresar would be a lost session: counted as an error).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { generateSync } from "otplib";
import { serverEnv, serverNodeArgs } from "../server-command.mjs";

type TView = { name: string; path: string; as: "reviewer" | "assistant" };
const VIEWS: TView[] = [
  { name: "/dideduc por defecto (Requiere mi acción)", path: "/dideduc", as: "reviewer" },
  { name: "/dideduc todos los estados", path: "/dideduc?estado=todos", as: "reviewer" },
  { name: "/dideduc página 500 de todos", path: "/dideduc?estado=todos&pagina=500", as: "reviewer" },
  { name: '/dideduc buscar "maria lopez"', path: "/dideduc?estado=todos&q=maria+lopez", as: "reviewer" },
  { name: "/atencion por defecto (Requiere mi acción)", path: "/atencion", as: "assistant" },
  { name: "/atencion página 500", path: "/atencion?pagina=500", as: "assistant" },
  { name: "/atencion todos, página 500", path: "/atencion?estado=todos&pagina=500", as: "assistant" },
  { name: '/atencion buscar "maria lopez"', path: "/atencion?estado=todos&q=maria+lopez", as: "assistant" },
  { name: '/atencion buscar número "000009"', path: "/atencion?estado=todos&q=000009", as: "assistant" },
  { name: "/atencion filtro DIDEDUC", path: "/atencion?estado=todos&dideduc=d1", as: "assistant" },
];
const GOAL_MS = 100;
const RUNS = 20;
const PASSWORD = "Bench-Colas-2026";
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function waitForServer(base: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error("el servidor se detuvo al arrancar");
    try {
      const r = await fetch(`${base}/ingresar`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("el servidor no respondió en 2 minutos");
}

// Auth.js's credentials callback with its CSRF double-submit: the session cookie, or an error.
async function postCredentials(base: string, fields: Record<string, string>): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: `${base}/` }).toString(),
  });
  const session = r.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token=") && !c.startsWith("authjs.session-token=;"));
  if (!session) throw new Error(`no se abrió la sesión (${r.status} ${r.headers.get("location")})`);
  return session.split(";")[0];
}

export async function runQueuesHttpLoad(dbUrl: string): Promise<void> {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.log("\nCarga HTTP: no hay compilación de producción (.next): ejecute `npx next build` y vuelva a correr.");
    return;
  }
  const authSecret = `bench-${Math.random().toString(36).slice(2)}-0123456789abcdef`;
  process.env.AUTH_SECRET = authSecret;
  const [{ createPrisma }, { hashPassword }, { encryptTotpSecret }, { authenticateCredentials }] = await Promise.all([
    import("../../lib/db/create-prisma"),
    import("../../lib/auth/hash-password"),
    import("../../lib/auth/totp/encrypt-totp-secret"),
    import("../../lib/auth/authenticate-credentials"),
  ]);
  const { prisma: db, close } = createPrisma(dbUrl);
  const hash = await hashPassword(PASSWORD);
  const reviewers = Array.from({ length: 10 }, (_, i) => `revisora-http-${i}@bench.test`);
  const assistants = Array.from({ length: 5 }, (_, i) => `asistente-http-${i}@bench.test`);
  for (const email of reviewers) {
    await db.user.upsert({ where: { email }, update: {}, create: { email, name: "Revisora HTTP", passwordHash: hash, roles: ["DIDEDUC_REVIEWER"], dideducId: "d1" } });
  }
  for (const email of assistants) {
    const u = await db.user.upsert({ where: { email }, update: {}, create: { email, name: "Asistente HTTP", passwordHash: hash, roles: ["CENTRAL_ASSISTANT"] } });
    await db.user.update({ where: { id: u.id }, data: { totpSecret: encryptTotpSecret(TOTP_SECRET, u.id), totpEnabledAt: new Date(), totpLastStep: null } });
  }

  const port = String(3900 + Math.floor(Math.random() * 90));
  const base = `http://localhost:${port}`;
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-bench-http-"));
  const server = spawn(process.execPath, serverNodeArgs(), {
    stdio: ["ignore", "ignore", "inherit"],
    env: serverEnv({ ...process.env, NODE_ENV: "production", PORT: port, DATABASE_URL: dbUrl, STORAGE_DIR: storage, AUTH_SECRET: authSecret, APP_BASE_URL: base, TSA_URL: "http://127.0.0.1:9/tsa" }),
  });
  try {
    await waitForServer(base, server);
    const cookies: Record<TView["as"], string[]> = { reviewer: [], assistant: [] };
    for (const email of reviewers) cookies.reviewer.push(await postCredentials(base, { email, password: PASSWORD }));
    for (const email of assistants) {
      const step = await authenticateCredentials({ email, password: PASSWORD, ip: null }, { db });
      const challenge = (step as { challenge?: string }).challenge;
      if (!challenge) throw new Error(`sin reto de segundo factor para ${email}`);
      cookies.assistant.push(await postCredentials(base, { challenge, code: generateSync({ secret: TOTP_SECRET }) }));
    }

    // A server in service has compiled its hot paths long ago: every view, as every person, a few
    // times before anything is timed (the first requests of a fresh process run unoptimized code).
    const warmup = Number(process.env.BENCH_QUEUES_HTTP_WARMUP ?? 5);
    for (let round = 0; round < warmup; round++) {
      for (const view of VIEWS) for (const cookie of cookies[view.as]) await (await fetch(`${base}${view.path}`, { headers: { cookie }, redirect: "manual" })).text();
    }
    console.log(`\nCarga del equipo (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} en ${os.cpus().length} núcleos`);
    console.log(`\nPáginas completas por HTTP (servidor de producción, ${RUNS} solicitudes seguidas por vista, tras ${warmup} rondas de calentamiento)`);
    console.log(`${"Vista".padEnd(48)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  meta p95 ≤ ${GOAL_MS} ms`);
    for (const view of VIEWS) {
      const cookie = cookies[view.as][0];
      const times: number[] = [];
      for (let i = 0; i < RUNS + 2; i++) {
        const start = performance.now();
        const r = await fetch(`${base}${view.path}`, { headers: { cookie }, redirect: "manual" });
        const body = await r.text();
        if (r.status !== 200 || !body.includes("<table")) throw new Error(`${view.path}: ${r.status} ${r.headers.get("location") ?? ""}`);
        if (i >= 2) times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      console.log(`${view.name.padEnd(48)} ${percentile(times, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}  ${p95 <= GOAL_MS ? "cumple" : "NO CUMPLE"}`);
    }

    const seconds = Number(process.env.BENCH_QUEUES_HTTP_SECONDS ?? 20);
    // Every view as each person who works it, interleaved: a connection cycles through all of them.
    const requests = VIEWS.flatMap((v, i) => cookies[v.as].map((cookie, j) => ({ i: i + j * VIEWS.length, method: "GET" as const, path: v.path, headers: { cookie } })))
      .sort((a, b) => a.i - b.i)
      .map(({ i: _i, ...r }) => r);
    const result = await autocannon({ url: base, connections: 50, duration: seconds, timeout: 10, requests });
    const non2xx = result.non2xx;
    console.log(
      `\n50 personas a la vez durante ${seconds} s, vistas mezcladas: ${result.requests.average.toFixed(1)} solicitudes/s, ` +
        `p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, ` +
        `errores ${result.errors}, tiempos agotados (10 s) ${result.timeouts}, respuestas no 2xx ${non2xx} ` +
        `→ ${result.errors === 0 && result.timeouts === 0 && non2xx === 0 ? "sin tiempos agotados ni errores: cumple" : "NO CUMPLE"}`,
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await close();
    fs.rmSync(storage, { recursive: true, force: true });
  }
}
