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
// - V8's old generation is capped at 384 MB. Under a minute of 200 connections on /verificar the
//   live heap stays at ~140 MB (mark-compact after mark-compact) since finished renders are let go
//   (lib/http/unlink-run-immediates.ts, decision 0034); without a cap V8 lets garbage pile up to
//   ~550 MB between collections and keeps the pages afterwards (RSS 350 → 730 MB, still 725 MB at
//   rest). The signing pipeline's own peak is < 100 MB. With the cap: RSS 354 → 391 MB on
//   PostgreSQL, 539 → 575 MB on the embedded database, ≈ 4 % fewer requests a second.
//   SERVER_HEAP_MB sets another cap; 0 leaves V8's own limit (a share of the machine's memory).
export const DEFAULT_HEAP_MB = 384;

export const SERVER_SCRIPT = "scripts/serve.mts";

// null: V8's own limit (SERVER_HEAP_MB=0).
export function serverHeapMb(env = process.env) {
  const raw = env.SERVER_HEAP_MB;
  if (raw === undefined || raw === "") return DEFAULT_HEAP_MB;
  const n = Number(raw);
  if (n === 0 && raw.trim() === "0") return null;
  if (!Number.isInteger(n) || n < 128) throw new Error(`SERVER_HEAP_MB debe ser 0 (el límite propio de V8) o un entero de 128 o más (se recibió «${raw}»).`);
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

// Whether a line the server wrote is its "ready" line (scripts/serve.mts logs it once it listens):
// `npm start` prints its welcome after it. A JSON line whose message is exactly "ready", not any
// text with the word in it ("address already in use" has it too).
export function isServerReadyLine(line) {
  if (!line.includes('"ready"')) return false;
  try {
    return JSON.parse(line)?.message === "ready";
  } catch {
    return false;
  }
}
