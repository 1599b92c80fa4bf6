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
import { readServerWorkers } from "../lib/http/read-server-workers";
import { log } from "../lib/log";

if (cluster.isPrimary) {
  const setting = readServerWorkers(process.env);
  if (!setting.ok) {
    log.error("not started: SERVER_WORKERS", { detail: setting.message });
    process.exit(1);
  }
  if (setting.workers > 1) {
    const { runServerWorkers } = await import("../lib/http/run-server-workers");
    runServerWorkers({ workers: setting.workers, drainTimeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_SECONDS || 25) * 1000 });
  } else {
    await import("./serve-instance.mjs");
  }
} else {
  await import("./serve-instance.mjs");
}
