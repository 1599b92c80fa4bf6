// The production HTTP server. With SERVER_WORKERS unset or 1 this process is the server
// (scripts/serve-instance.mts: Next.js behind node:http, its request log, its drain on SIGTERM).
// With SERVER_WORKERS=N (PostgreSQL only) it is the primary of N such processes on one port, one
// per core (lib/http/run-server-workers.ts, docs/decisions/0035); each is started again from this
// file by node:cluster, with the same Node options.
//
//   NODE_ENV=production node --import tsx scripts/serve.mts
//
// Only what the primary needs is imported statically: it never loads Next.js nor the database.
import cluster from "node:cluster";
import { readDrainTimeoutMs } from "../lib/http/read-drain-timeout-ms";
import { readServerWorkers } from "../lib/http/read-server-workers";
import { log } from "../lib/log";

// A worker is a server process: the primary checked the setting before forking it.
const setting = cluster.isPrimary ? readServerWorkers(process.env) : ({ ok: true, workers: 1 } as const);
if (!setting.ok) {
  log.error("not started: SERVER_WORKERS", { detail: setting.message });
  process.exit(1);
}
if (setting.workers > 1) {
  const { runServerWorkers } = await import("../lib/http/run-server-workers");
  runServerWorkers({ workers: setting.workers, drainTimeoutMs: readDrainTimeoutMs(process.env) });
} else {
  await import("./serve-instance.mjs");
}
