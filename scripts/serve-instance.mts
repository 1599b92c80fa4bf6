// One server process (started by scripts/serve.mts, alone or as one of SERVER_WORKERS): Next.js's
// documented custom server (`next({ dev: false })` and its request handler) behind a plain
// node:http server that, on every request, stamps the socket's address and the X-Forwarded-For as
// it arrived into private headers (lib/http/stamp-peer-address), replacing any a client sent. The
// app reads the client's address from them through TRUSTED_PROXY_HOPS trusted proxies. `next start`
// cannot do this: it fills X-Forwarded-For with the socket's address only when the client sent
// none, so a forged header hid the real address.
// Also: one JSON log line per request with its id (X-Request-Id, which the app quotes on an
// unexpected error), and a bounded drain on SIGTERM (docs/deployment/ops.md). Everything this
// process writes is a JSON line of lib/log.ts, its start and its refusals to start included.
// Needs a build (`next build`); listens on PORT (3000) on every interface, as `next start` does.
import cluster from "node:cluster";
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { closeServerDatabase } from "../lib/db/close-server-database";
import { assignRequestId, REQUEST_ID_HEADER } from "../lib/http/assign-request-id";
import { createRenderGate, isGatedRequest } from "../lib/http/create-render-gate";
import { logRoutePath } from "../lib/http/log-route-path";
import { readDrainTimeoutMs } from "../lib/http/read-drain-timeout-ms";
import { readTrustedProxyHops } from "../lib/http/read-trusted-proxy-hops";
import { markPeerAddressServer, stampPeerAddress } from "../lib/http/stamp-peer-address";
import { unlinkRunImmediates } from "../lib/http/unlink-run-immediates";
import { attachRequestIds, log } from "../lib/log";
import { routeConsoleToLog } from "../lib/route-console-to-log";
import { watchServerInstance } from "../lib/storage/watch-server-instance";

// tsx (which runs this file) turns Node's source maps on, and Node then parses and keeps the map of
// every server chunk Next loads, sources included: about 170 MB of a 270 MB heap at rest. `next
// start` leaves them off too; NODE_OPTIONS=--enable-source-maps turns them back on for debugging.
if (!`${process.env.NODE_OPTIONS ?? ""} ${process.execArgv.join(" ")}`.includes("--enable-source-maps")) process.setSourceMapsEnabled(false);

// Before Next.js loads, which captures setImmediate once (lib/http/unlink-run-immediates.ts): without
// it, a steady load kept every finished render reachable until the load stopped.
const immediatesUnlinked = unlinkRunImmediates();
const { default: next } = await import("next");

// The request being served: every line written while serving it carries its id, ours (a signing's,
// a mail's) and what a library prints with console.*.
const servingRequest = new AsyncLocalStorage<string>();
attachRequestIds(() => servingRequest.getStore());
// Next.js's own lines ("✓ Running next.config.ts…", an error it prints itself) are JSON lines too.
routeConsoleToLog(log);

if (!immediatesUnlinked) log.warn("Next.js loaded before setImmediate was wrapped: finished renders may stay in memory under load");

const port = Number(process.env.PORT ?? 3000);
const drainTimeoutMs = readDrainTimeoutMs(process.env);

let hops: number;
try {
  // A wrong value must stop the start, not make every client look like the proxy.
  hops = readTrustedProxyHops(process.env);
} catch (e) {
  log.error("not started: TRUSTED_PROXY_HOPS", { detail: (e as Error).message });
  process.exit(1);
}

// How many page renders run at once (lib/http/create-render-gate.ts); the rest wait their turn.
const renderGate = createRenderGate({
  concurrency: positiveInteger("RENDER_CONCURRENCY", 8),
  maxWaitMs: positiveInteger("RENDER_QUEUE_TIMEOUT_SECONDS", 30) * 1000,
  onRejected: (req) => log.warn("render queue timeout", { requestId: req.headers[REQUEST_ID_HEADER], method: req.method, route: logRoutePath(req.url) }),
});

markPeerAddressServer();
const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();
// Before listening: on local-disk storage the running instances do not share, stop here.
const instance = await watchServerInstance();
if (!instance.ok) {
  log.error("not started: storage not shared", { detail: instance.message });
  process.exit(1);
}
const stopWatchingInstance = instance.stop;

let closing = false;
// Responses not yet done, so that a drain can ask each to close its connection when it is.
const inFlight = new Set<http.ServerResponse>();
const server = http.createServer((req, res) => {
  const started = performance.now();
  stampPeerAddress(req);
  const requestId = assignRequestId(req, res, { trustUpstream: hops > 0 });
  const route = logRoutePath(req.url);
  // Draining after SIGTERM: answer what arrives on an open connection, then close it.
  if (closing) res.shouldKeepAlive = false;
  inFlight.add(res);
  // One line per request, when its response is done (or the client went away first).
  res.once("close", () => {
    inFlight.delete(res);
    if (closing) server.closeIdleConnections();
    const fields = { requestId, method: req.method, route, status: res.statusCode, durationMs: Math.round((performance.now() - started) * 10) / 10 };
    // A client that goes away first (a cancelled prefetch, a closed tab) is ordinary, not a warning.
    log.info("request", res.writableFinished ? fields : { ...fields, aborted: true });
  });
  const run = () =>
    servingRequest.run(requestId, () => handle(req, res)).catch((error: unknown) => {
      log.error("request failed", { requestId, method: req.method, route, error });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  if (isGatedRequest(req.method, req.url)) renderGate.admit(req, res, run);
  else void run();
});
// Node closes an idle kept-alive connection after 5 s. A client that reuses it at that moment (a
// load balancer's pool, Playwright's request context) gets ECONNRESET: the usual rule behind a load
// balancer is that the app keeps idle connections longer than the balancer does (60 s on the common
// ones), so the balancer always closes first. Headers must be allowed a little longer still.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on("error", (error) => {
  log.error("not started: the port cannot be opened", { port, error });
  process.exit(1);
});
server.listen(port, () => {
  // npm start (scripts/start.mjs) waits for "ready" before printing its welcome; the process tests
  // (tests/helpers/serve-process.ts) for this line. One of several workers leaves it to the primary,
  // which says it once every worker listens.
  log.info(cluster.isWorker ? "worker ready" : "ready", { url: `http://localhost:${port}`, trustedProxyHops: hops });
});

// SIGTERM (a supervisor stopping or replacing this instance) and SIGINT (Ctrl-C): stop accepting
// connections, let the requests in flight finish (at most SHUTDOWN_TIMEOUT_SECONDS, then their
// connections are cut), close Next.js and the database, and leave: 0 after a clean drain. A signing
// in flight therefore completes; one cut by the timeout (or by kill -9) leaves the case as it was,
// because its one transaction never committed (lib/cases/signing/README.md).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    log.info("shutting down", { signal, drainTimeoutMs });
    void shutDown(signal);
  });
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    log.error(`not started: ${name}`, { detail: `${name} debe ser un entero positivo (se recibió «${raw}»).` });
    process.exit(1);
  }
  return n;
}

async function shutDown(signal: NodeJS.Signals): Promise<never> {
  let cut = false;
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      cut = true;
      server.closeAllConnections();
      resolve();
    }, drainTimeoutMs);
  });
  await Promise.race([drained, timedOut]);
  clearTimeout(timer);
  let code = cut ? 1 : 0;
  let databaseClosed = false;
  try {
    await stopWatchingInstance();
    await app.close();
    databaseClosed = await closeServerDatabase();
  } catch (error) {
    log.error("shutdown failed", { error });
    code = 1;
  }
  if (cut) log.warn("shutdown: requests still running were cut", { drainTimeoutMs });
  log.info("stopped", { signal, code, databaseClosed });
  process.exit(code);
}
