import cluster, { type Worker } from "node:cluster";
import { log } from "@/lib/log";

export type TServerWorkersOptions = {
  workers: number;
  // How long the workers' drain may take (SHUTDOWN_TIMEOUT_SECONDS); past it and a margin, the
  // workers still running are killed.
  drainTimeoutMs: number;
  // Replacements allowed within REPLACEMENT_WINDOW_MS before the whole server stops: a worker that
  // keeps dying (memory exhausted at every start, a broken disk) is the supervisor's to see, not
  // something to hide behind endless restarts.
  maxReplacements?: number;
};

const REPLACEMENT_WINDOW_MS = 60_000;
// After the workers' own bound: their drain, then closing Next.js and the database.
const KILL_MARGIN_MS = 15_000;

// The primary of `SERVER_WORKERS` > 1 (scripts/serve.mts): it serves nothing itself and loads
// neither Next.js nor the database. It forks the workers (each runs scripts/serve-instance.mts
// with this process's Node options and environment; node:cluster hands each new connection to one
// of them in turn) and says "ready" once every worker listens, as a single process does, so the
// launchers and the supervisor wait for the same line.
// - A worker that dies while serving is logged and replaced. One that dies before the server was
//   ready (a setting refused, the port taken) stops the server with 1: every worker would fail alike.
// - SIGTERM / SIGINT reach every worker, which drain as a single process does; the primary leaves
//   when the last one has, with 0 only if every one drained cleanly.
export function runServerWorkers({ workers, drainTimeoutMs, maxReplacements = 5 }: TServerWorkersOptions): void {
  // Our own list: node:cluster may still list a worker when its "exit" arrives (until its channel
  // has closed too), so cluster.workers cannot say when the last one is gone.
  const live = new Set<Worker>();
  const listening = new Set<number>();
  const replacedAt: number[] = [];
  let stopping: { code: number } | null = null;
  let announced = false;

  const fork = () => {
    const worker = cluster.fork();
    live.add(worker);
    return worker;
  };

  cluster.on("listening", (worker) => {
    listening.add(worker.id);
    if (!announced && listening.size === workers) {
      announced = true;
      log.info("ready", { url: `http://localhost:${process.env.PORT ?? 3000}`, workers });
    }
  });

  cluster.on("exit", (worker: Worker, code: number | null, signal: NodeJS.Signals | null) => {
    live.delete(worker);
    const everListened = listening.delete(worker.id);
    const clean = code === 0;
    if (stopping) {
      if (!clean) stopping.code = 1;
      if (live.size === 0) leave(stopping.code);
      return;
    }
    // Before the server was ever ready every worker would fail alike; a replacement that fails to
    // start later counts as a replacement.
    if (!everListened && !announced) {
      log.error("not started: a worker stopped while starting", { workerPid: worker.process.pid, code, signal });
      stopAll("SIGTERM", 1);
      return;
    }
    const now = Date.now();
    while (replacedAt.length > 0 && now - replacedAt[0]! > REPLACEMENT_WINDOW_MS) replacedAt.shift();
    if (replacedAt.length >= maxReplacements) {
      log.error("workers keep stopping: server stopped", { workerPid: worker.process.pid, code, signal, replacements: replacedAt.length, windowMs: REPLACEMENT_WINDOW_MS });
      stopAll("SIGTERM", 1);
      return;
    }
    replacedAt.push(now);
    const replacement = fork();
    log.error("worker stopped: replaced", { workerPid: worker.process.pid, code, signal, replacementPid: replacement.process.pid });
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      log.info("shutting down", { signal, workers: live.size });
      stopAll(signal, 0);
    });
  }

  for (let i = 0; i < workers; i++) fork();

  function stopAll(signal: NodeJS.Signals, code: number): void {
    stopping = { code };
    if (live.size === 0) return leave(code);
    // A worker already gone by the time the signal is sent is fine: its exit is counted above.
    for (const worker of live) worker.process.kill(signal);
    setTimeout(() => {
      log.error("shutdown: workers still running were killed", { workerPids: [...live].map((w) => w.process.pid) });
      for (const worker of live) worker.process.kill("SIGKILL");
      if (stopping) stopping.code = 1;
    }, drainTimeoutMs + KILL_MARGIN_MS).unref();
  }

  function leave(code: number): never {
    log.info("stopped", { code, workers });
    process.exit(code);
  }
}
