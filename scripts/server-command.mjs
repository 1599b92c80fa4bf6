// How the production server process (scripts/serve.mts) is started, in one place: `npm start`
// (scripts/start.mjs), the Playwright servers (scripts/e2e-server.mts), the process tests
// (tests/helpers/serve-process.ts) and the benchmarks. `npm run serve`, the README and
// docs/deployment.md write the same command out; tests/unit/scripts/server-command.test.ts keeps
// them equal. Plain JS: the launcher loads no TypeScript.
//
// Memory (issue #15 §3, docs/decisions/0033):
// - glibc: allocations from 64 KB up (response buffers, ArrayBuffer backing stores) get their own
//   mapping, returned to the system when freed. In the main heap they left it fragmented: 740 MB of
//   RSS that freeing never gave back; with these settings that arena stays at 20–60 MB.
// - V8's heap is NOT capped by default: under 200 connections for a minute on /verificar the live
//   heap grew past 290 MB, and a 320 MB cap (--max-old-space-size) ended the process with "heap out
//   of memory" — a crash is worse than the memory. What grows is not found yet (decision 0033).
//   SERVER_HEAP_MB sets a cap for whoever measures with one.

export const SERVER_SCRIPT = "scripts/serve.mts";

// null: V8's own limit (the default, see above).
export function serverHeapMb(env = process.env) {
  const raw = env.SERVER_HEAP_MB;
  if (raw === undefined || raw === "") return null;
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
