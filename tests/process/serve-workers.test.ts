import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, spawnServeProcess, startServeProcess, type TServeProcess } from "@/tests/helpers/serve-process";
import { createTestDatabase, type TTestDatabase } from "@/tests/helpers/test-database";

// SERVER_WORKERS (lib/http/run-server-workers.ts, docs/decisions/0035): scripts/serve.mts as the
// primary of two server processes on one port, as a real process on the production build and a
// real PostgreSQL. Both workers answer; one killed with SIGKILL is replaced while the other keeps
// answering; SIGTERM drains both and the primary leaves with 0 and no worker left behind. Refused
// at start, before any worker: more than one on the embedded database, or a number it cannot read;
// workers that cannot start stop the server with 1 instead of being restarted forever.

const AUTH_SECRET = "workers-test-secret-not-for-production-0123456789";
let db: TTestDatabase;
let root: string;
let env: NodeJS.ProcessEnv;
let server: TServeProcess | undefined;

type TLine = Record<string, unknown>;

// A GET on a connection of its own: node:cluster hands each new connection to the next worker.
function getOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { connection: "close" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const byMessage = (lines: TLine[], message: string) => lines.filter((l) => l.message === message);
const workerPids = (s: TServeProcess) => byMessage(s.lines(), "worker ready").map((l) => Number(l.pid));
// The pids that logged a request line for /api/salud since `from` lines.
function servedBy(s: TServeProcess, from: number): Set<number> {
  return new Set(
    s
      .lines()
      .slice(from)
      .filter((l) => l.message === "request" && l.route === "/api/salud")
      .map((l) => Number(l.pid)),
  );
}

// A start that is refused: the process's exit code and its JSON lines.
async function refusedStart(extra: Record<string, string>): Promise<{ code: number | null; lines: TLine[] }> {
  const spawned = spawnServeProcess({ ...env, ...extra }, await freePort());
  const { code } = await spawned.exited;
  return { code, lines: spawned.lines() };
}

beforeAll(async () => {
  db = await createTestDatabase();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-workers-"));
  env = {
    ...process.env,
    DATABASE_URL: db.url,
    STORAGE_DIR: path.join(root, "files"),
    PKI_DIR: path.join(root, "pki"),
    AUTH_SECRET,
    LOG_LEVEL: "info",
    READINESS_TIMEOUT_MS: "60000",
    SHUTDOWN_TIMEOUT_SECONDS: "25",
  };
}, 120_000);

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill("SIGKILL");
    for (const pid of workerPids(server)) if (isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  await db?.drop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe("SERVER_WORKERS=2 on PostgreSQL", () => {
  it("says ready once both workers listen, and both answer on the one port", async () => {
    server = await startServeProcess({ ...env, SERVER_WORKERS: "2" }, await freePort());
    const lines = server.lines();
    const ready = byMessage(lines, "ready");
    expect(ready).toHaveLength(1);
    expect(ready[0]).toMatchObject({ pid: server.child.pid, workers: 2 });
    const workers = workerPids(server);
    expect(new Set(workers).size).toBe(2);
    expect(workers).not.toContain(server.child.pid);
    // The primary serves nothing itself: it loads neither Next.js nor the database.
    expect(lines.filter((l) => l.pid === server!.child.pid).map((l) => l.message)).toEqual(["ready"]);

    const from = server.lines().length;
    const statuses = await Promise.all(Array.from({ length: 8 }, () => getOnNewConnection(`${server!.baseUrl}/api/salud`)));
    expect(statuses).toEqual(Array(8).fill(200));
    // Request lines are written once the response is done: they may arrive just after it.
    await expect.poll(() => [...servedBy(server!, from)].sort(), { timeout: 30_000 }).toEqual([...workers].sort());
    expect((await fetch(`${server.baseUrl}/api/salud/lista`)).status).toBe(200);
  }, 240_000);

  it("replaces a worker that dies while the other keeps answering", async () => {
    const s = server!;
    const [victim, survivor] = workerPids(s);
    process.kill(victim!, "SIGKILL");
    await expect.poll(() => byMessage(s.lines(), "worker stopped: replaced").length, { timeout: 30_000 }).toBe(1);
    const replaced = byMessage(s.lines(), "worker stopped: replaced")[0]!;
    expect(replaced).toMatchObject({ level: "error", workerPid: victim, signal: "SIGKILL", pid: s.child.pid });
    // Until the replacement listens, every connection goes to the worker that is left.
    const meanwhile = await Promise.all(Array.from({ length: 4 }, () => getOnNewConnection(`${s.baseUrl}/api/salud`)));
    expect(meanwhile).toEqual(Array(4).fill(200));

    const replacement = Number(replaced.replacementPid);
    await expect.poll(() => workerPids(s), { timeout: 120_000 }).toContain(replacement);
    expect(replacement).not.toBe(victim);
    const from = s.lines().length;
    const statuses = await Promise.all(Array.from({ length: 8 }, () => getOnNewConnection(`${s.baseUrl}/api/salud`)));
    expect(statuses).toEqual(Array(8).fill(200));
    await expect.poll(() => [...servedBy(s, from)].sort(), { timeout: 30_000 }).toEqual([replacement, survivor].sort());
    // Still one "ready": the supervisor's probe saw no restart of the server.
    expect(byMessage(s.lines(), "ready")).toHaveLength(1);
  }, 240_000);

  it("on SIGTERM drains every worker, then leaves with 0 and no worker behind", async () => {
    const s = server!;
    const workers = workerPids(s).filter(isAlive);
    expect(workers).toHaveLength(2);
    s.child.kill("SIGTERM");
    const exit = await s.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    const stopped = byMessage(s.lines(), "stopped");
    for (const pid of workers) expect(stopped.find((l) => l.pid === pid)).toMatchObject({ code: 0, databaseClosed: true });
    expect(stopped.at(-1)).toMatchObject({ pid: s.child.pid, code: 0, workers: 2 });
    for (const pid of workers) expect(isAlive(pid), `worker ${pid}`).toBe(false);
  }, 120_000);
});

describe("SERVER_WORKERS=2, workers that keep dying", () => {
  it("after 5 replacements within a minute the server stops with 1 instead of restarting forever", async () => {
    const s = await startServeProcess({ ...env, SERVER_WORKERS: "2" }, await freePort());
    try {
      // Each time, the newest worker dies (here at once, before it even listens).
      let victim = workerPids(s)[0]!;
      for (let i = 1; i <= 6; i++) {
        process.kill(victim, "SIGKILL");
        if (i === 6) break;
        await expect.poll(() => byMessage(s.lines(), "worker stopped: replaced").length, { timeout: 30_000 }).toBe(i);
        victim = Number(byMessage(s.lines(), "worker stopped: replaced")[i - 1]!.replacementPid);
      }
      expect(await s.exited).toEqual({ code: 1, signal: null });
      const lines = s.lines();
      expect(byMessage(lines, "worker stopped: replaced")).toHaveLength(5);
      expect(byMessage(lines, "workers keep stopping: server stopped")).toEqual([expect.objectContaining({ level: "error", replacements: 5 })]);
      expect(lines.at(-1)).toMatchObject({ pid: s.child.pid, message: "stopped", code: 1 });
      for (const pid of workerPids(s)) expect(isAlive(pid), `worker ${pid}`).toBe(false);
    } finally {
      if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
    }
  }, 240_000);
});

describe("SERVER_WORKERS refused", () => {
  it("more than one on the embedded database: exits 1 before starting any worker", async () => {
    const { code, lines } = await refusedStart({ SERVER_WORKERS: "2", DATABASE_URL: `pglite:${path.join(root, "pglite")}` });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ level: "error", message: "not started: SERVER_WORKERS", detail: expect.stringMatching(/necesita PostgreSQL/) })]);
    expect(fs.existsSync(path.join(root, "pglite"))).toBe(false);
  }, 60_000);

  it("a number it cannot read: exits 1 saying what it got", async () => {
    const { code, lines } = await refusedStart({ SERVER_WORKERS: "dos" });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ message: "not started: SERVER_WORKERS", detail: expect.stringContaining("«dos»") })]);
  }, 60_000);

  it("workers that cannot start stop the server with 1, not restarted forever", async () => {
    const { code, lines } = await refusedStart({ SERVER_WORKERS: "2", TRUSTED_PROXY_HOPS: "muchos" });
    expect(code).toBe(1);
    // Each worker refuses its setting; the first to stop makes the primary stop the other.
    const refusals = byMessage(lines, "not started: TRUSTED_PROXY_HOPS");
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    expect(refusals.length).toBeLessThanOrEqual(2);
    expect(byMessage(lines, "not started: a worker stopped while starting")).toHaveLength(1);
    expect(byMessage(lines, "worker stopped: replaced")).toHaveLength(0);
    expect(byMessage(lines, "ready")).toHaveLength(0);
    expect(lines.at(-1)).toMatchObject({ message: "stopped", code: 1 });
  }, 120_000);
});
