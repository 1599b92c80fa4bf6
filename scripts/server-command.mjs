// How the production server process (scripts/serve.mts) is started, in one place: `npm start`
// (scripts/start.mjs), the Playwright servers (scripts/e2e-server.mts), the process tests
// (tests/helpers/serve-process.ts) and the benchmarks. `npm run serve`, the README and
// docs/deployment.md write the same command out; tests/unit/scripts/server-command.test.ts keeps
// them equal. Plain JS: the launcher loads no TypeScript.
//
// Memory (issue #15 §3, docs/decisions/0033, figures in the closing note of the session):
// - On PostgreSQL, V8's old generation is capped at SERVER_HEAP_MB (320). What stays reachable after a load is
//   85–130 MB; without a cap V8 lets the old generation grow to 230–265 MB during a burst and keeps
//   it. At 320 the heap collects sooner and gives pages back, at no throughput cost we could measure.
// - glibc: allocations from 64 KB up (response buffers, ArrayBuffer backing stores) get their own
//   mapping, returned to the system when freed. In the main heap they left it fragmented: 740 MB of
//   RSS that freeing never gave back.

export const SERVER_SCRIPT = "scripts/serve.mts";
const DEFAULT_HEAP_MB = 320;

// null: V8's own limit. The embedded database (PGlite) runs inside the server process and keeps
// its work in the same heap: under 200 connections its live heap passed 296 MB and a 320 MB cap
// ended the process (bench:http). It is the one-machine, demo-sized setup; the cap is for production
// on PostgreSQL, unless SERVER_HEAP_MB says otherwise.
export function serverHeapMb(env = process.env) {
  const raw = env.SERVER_HEAP_MB;
  if (raw === undefined || raw === "") return /^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? "") ? DEFAULT_HEAP_MB : null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 128) throw new Error(`SERVER_HEAP_MB debe ser un entero de 128 o más (se recibió «${raw}»).`);
  return n;
}

// The node arguments, script included.
export function serverNodeArgs(env = process.env) {
  const heapMb = serverHeapMb(env);
  return [...(heapMb === null ? [] : [`--max-old-space-size=${heapMb}`]), "--import", "tsx", SERVER_SCRIPT];
}

// The environment: the allocator's settings unless the caller set its own.
export function serverEnv(env = process.env) {
  return { MALLOC_MMAP_THRESHOLD_: "65536", MALLOC_TRIM_THRESHOLD_: "65536", ...env };
}
