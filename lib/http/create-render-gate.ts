import type { IncomingMessage, ServerResponse } from "node:http";

// Admission control for page renders (scripts/serve.mts, docs/decisions/0033). A page render is CPU
// work on the one JavaScript thread. Left alone, Node starts every request the moment it arrives, so
// under a burst 200 renders share the thread at once: each one's objects stay alive until all of
// them are done (the heap, and the RSS, grew to 1.3 GB), and each waits for all the others, so the
// slowest ones hit the client's timeout while the server is busy. Through the gate at most
// `concurrency` renders run at once and the others wait in arrival order, untouched: memory is
// bounded by the renders in flight, and each request waits for the ones before it only.
// One per process: it shares this process's CPU, nothing that other instances must agree on.
export type TRenderGate = {
  // Runs `handle` now or when a place frees; frees it when the response is done or the client left.
  admit: (req: IncomingMessage, res: ServerResponse, handle: () => void) => void;
  stats: () => { running: number; waiting: number };
};

export type TRenderGateOptions = {
  concurrency: number;
  // A request that waited this long is answered 503 (with Retry-After) instead of being rendered
  // for a client that has most likely given up.
  maxWaitMs: number;
  onRejected?: (req: IncomingMessage) => void;
};

export function createRenderGate({ concurrency, maxWaitMs, onRejected }: TRenderGateOptions): TRenderGate {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
  let running = 0;
  type TWaiter = { req: IncomingMessage; res: ServerResponse; handle: () => void; since: number; gone: boolean };
  // A FIFO with a moving head (shift() on a long array copies it); a taken place is cleared at once,
  // so the array never keeps a finished request's objects alive.
  let queue: (TWaiter | undefined)[] = [];
  let head = 0;

  const start = (w: Pick<TWaiter, "res" | "handle">) => {
    running++;
    let freed = false;
    const free = () => {
      if (freed) return;
      freed = true;
      running--;
      // The next render starts on a fresh turn of the event loop, never inside this response's own
      // 'finish' or 'close' handlers (which may run inside the renderer's flush): started there,
      // each request stayed reachable from the one before (every response of a burst, 120 MB).
      setImmediate(next);
    };
    // "close" comes for every response, finished or cut; "finish" earlier, once the last byte is
    // handed to the socket.
    w.res.once("finish", free);
    w.res.once("close", free);
    w.handle();
  };

  const next = () => {
    while (running < concurrency && head < queue.length) {
      const w = queue[head]!;
      queue[head++] = undefined;
      if (head === queue.length) {
        queue = [];
        head = 0;
      } else if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      if (w.gone) continue;
      if (Date.now() - w.since > maxWaitMs) {
        reject(w);
        continue;
      }
      start(w);
    }
  };

  const reject = (w: TWaiter) => {
    onRejected?.(w.req);
    if (w.res.headersSent || w.res.writableEnded) return;
    w.res.statusCode = 503;
    w.res.setHeader("Retry-After", "5");
    w.res.setHeader("Content-Type", "text/plain; charset=utf-8");
    w.res.setHeader("Cache-Control", "no-store");
    w.res.end("El servicio está muy ocupado en este momento. Intente de nuevo en unos segundos.\n");
  };

  return {
    admit(req, res, handle) {
      if (running < concurrency && head === queue.length) {
        start({ res, handle });
        return;
      }
      const w: TWaiter = { req, res, handle, since: Date.now(), gone: false };
      // A client that leaves while waiting gives its place up.
      res.once("close", () => {
        w.gone = true;
      });
      queue.push(w);
      next();
    },
    stats: () => ({ running, waiting: queue.length - head }),
  };
}

// What goes through the gate: the renders of pages (and their RSC payloads), which are what a crowd
// hits at once (a QR on a diploma, a sign-in page). Not the route handlers under /api (file
// downloads may stream to a slow phone for long, health checks must answer even when busy), not
// Next's static files (read from disk, cheap), not POSTs (server actions such as a signing wait on
// the timestamp authority: holding a place meanwhile would stall the pages for nothing).
export function isGatedRequest(method: string | undefined, url: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  const path = url ?? "/";
  return !(path.startsWith("/api/") || path.startsWith("/_next/static/") || path.startsWith("/_next/image") || path === "/favicon.ico");
}
