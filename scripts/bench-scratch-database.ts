// The scratch PostgreSQL database each benchmark (bench-queues.mts, bench-stats.mts) seeds and
// times: created on TEST_DATABASE_URL's server, or on one started in a temporary directory
// (scripts/start-postgres.sh); or, with `reuseUrl`, a database a kept run seeded. `finish` drops
// it and stops the server it started, unless kept (its URL is printed) or reused.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// A server sized as a production one on this machine would be, not the test defaults (128 MB of
// shared buffers): a million cases' indexes fit in memory. JIT off, as docs recommend for short
// queries: compiling the dashboards' plans cost about 250 ms each, more than it saved.
export const BENCH_POSTGRES_SETTINGS = "-c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=32MB -c maintenance_work_mem=512MB -c max_wal_size=4GB -c random_page_cost=1.1 -c jit=off";

// The settings the figures were taken with, printed beside them (a server given by
// TEST_DATABASE_URL has its own).
export async function describePostgresSettings(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather') ORDER BY name`,
    );
    const { rows: [{ server_version: version }] } = await c.query<{ server_version: string }>("SHOW server_version");
    return `PostgreSQL ${version}: ${rows.map((r) => `${r.name}=${r.setting}`).join(", ")}`;
  } finally {
    await c.end();
  }
}

export type TScratchDatabase = { url: URL; reused: boolean; finish: (keep: boolean) => Promise<void> };

export async function openScratchDatabase(prefix: string, reuseUrl: string | undefined): Promise<TScratchDatabase> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let ownPostgres: string | null = null;
  if (!adminUrl) {
    ownPostgres = path.join(os.tmpdir(), `certifica-bench-pg-${randomBytes(4).toString("hex")}`);
    const port = String(55600 + Math.floor(Math.random() * 300));
    adminUrl = execFileSync("scripts/start-postgres.sh", [ownPostgres, port], { encoding: "utf8", env: { ...process.env, PG_EXTRA_OPTS: BENCH_POSTGRES_SETTINGS } }).trim();
  }
  const dbName = reuseUrl ? new URL(reuseUrl).pathname.slice(1) : `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (!reuseUrl) await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(reuseUrl ?? adminUrl);
  url.pathname = `/${dbName}`;
  return {
    url,
    reused: Boolean(reuseUrl),
    finish: async (keep) => {
      if (keep || reuseUrl) console.log(`\nBase conservada: ${url.toString()}`);
      else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
      if (ownPostgres && !keep) process.kill(Number(fs.readFileSync(path.join(ownPostgres, "postmaster.pid"), "utf8").split("\n")[0]));
    },
  };
}
