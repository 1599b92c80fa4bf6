// Run by `npm run bench` in a process of its own, with the react-server condition so that
// server-only modules load, and --expose-gc: how much memory receiving an upload
// costs. A 21 MB body is streamed in 64 KB chunks through receiveToTempFile (the route's path),
// refused just past the 20 MB limit, and the process's memory is sampled at every chunk; beside
// it, the same body gathered in memory first (what `await request.arrayBuffer()` would do).
// Memory depends on when the garbage collector runs, which is why this is measured here and not
// asserted in a test (the test asserts the bound on bytes pulled ahead of the disk instead).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MAX_UPLOAD_BYTES } from "../lib/uploads/limits";
import { receiveToTempFile } from "../lib/uploads/receive-to-temp-file";

const TOTAL = 21 * 1024 * 1024;
const CHUNK = 64 * 1024;
const MB = 1024 * 1024;

type TPeak = { rss: number; arrayBuffers: number; heapUsed: number };

// With `collect`, a full garbage collection before every 32nd sample: the peak is then what is
// really held (live), not garbage the collector has not reached yet.
function body(peak: TPeak, base: TPeak, collect: boolean) {
  const gc = (globalThis as { gc?: () => void }).gc;
  return (async function* () {
    for (let sent = 0, n = 0; sent < TOTAL; sent += CHUNK, n++) {
      if (collect && gc && n % 32 === 0) gc();
      const m = process.memoryUsage();
      peak.rss = Math.max(peak.rss, m.rss - base.rss);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers - base.arrayBuffers);
      peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed - base.heapUsed);
      yield Buffer.alloc(CHUNK, 0x25);
    }
  })();
}

function baseline(): TPeak {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, arrayBuffers: m.arrayBuffers, heapUsed: m.heapUsed };
}

const fmt = (p: TPeak) => `RSS +${(p.rss / MB).toFixed(1)} MB, ArrayBuffers +${(p.arrayBuffers / MB).toFixed(1)} MB, heap +${(p.heapUsed / MB).toFixed(1)} MB`;

const tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), "certifica-bench-upload-"));
try {
  console.log("\nUpload of 21 MB refused at the 20 MB limit, peak memory growth sampled at each 64 KB chunk:");
  for (const collect of [false, true]) {
    const streamed: TPeak = { rss: 0, arrayBuffers: 0, heapUsed: 0 };
    const refused = await receiveToTempFile(body(streamed, baseline(), collect), { tmpDir, maxBytes: MAX_UPLOAD_BYTES }).then(
      () => "accepted (unexpected)",
      (e: Error) => `${e.name}`,
    );
    const gathered: TPeak = { rss: 0, arrayBuffers: 0, heapUsed: 0 };
    const chunks: Buffer[] = [];
    for await (const c of body(gathered, baseline(), collect)) chunks.push(c);
    const held = Buffer.concat(chunks).length;
    chunks.length = 0;
    console.log(collect ? "  live (full GC every 2 MB):" : "  as the collector runs by itself (GC timing decides):");
    console.log(`    streamed to a temp file (receiveToTempFile, ${refused})  ${fmt(streamed)}`);
    console.log(`    gathered in memory first (for comparison, ${(held / MB).toFixed(0)} MB)  ${fmt(gathered)}`);
  }
} finally {
  await fs.rm(tmpDir, { recursive: true, force: true });
}
