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

export type TScratchDatabase = { url: URL; reused: boolean; finish: (keep: boolean) => Promise<void> };

export async function openScratchDatabase(prefix: string, reuseUrl: string | undefined): Promise<TScratchDatabase> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let ownPostgres: string | null = null;
  if (!adminUrl) {
    ownPostgres = path.join(os.tmpdir(), `certifica-bench-pg-${randomBytes(4).toString("hex")}`);
    const port = String(55600 + Math.floor(Math.random() * 300));
    adminUrl = execFileSync("scripts/start-postgres.sh", [ownPostgres, port], { encoding: "utf8" }).trim();
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
