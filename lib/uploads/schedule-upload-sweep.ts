import "server-only";
import { sweepPreparedSignings } from "@/lib/cases/signing/sweep-prepared-signings";
import { sweepUnattachedUploads } from "./sweep-unattached-uploads";

// How often each server instance sweeps: an unattached upload is gone at most this long after its
// day ends. Every instance runs it; the sweep is safe to run concurrently (see its comments).
export const UPLOAD_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

const globalForSweep = globalThis as unknown as { certificaUploadSweep?: NodeJS.Timeout };

// Called once per server process from instrumentation.ts: a first sweep (unattached uploads, then
// expired prepared signings) right after start, then one every interval. The timers never keep the
// process alive, and a failed run is logged and left to the next.
export function scheduleUploadSweep(): void {
  if (globalForSweep.certificaUploadSweep) return;
  const run = () => {
    sweepUnattachedUploads()
      .then((r) => {
        if (r.deletedRows > 0 || r.failedKeys.length > 0) {
          console.log(`[upload sweep] removed ${r.deletedRows} unattached uploads and ${r.deletedBlobs} unused files; ${r.failedKeys.length} keys failed`);
        }
      })
      .catch((e: unknown) => console.error("[upload sweep] failed", e));
    // The prepared signings (decision 0017) expired over an hour ago and their prepared PDFs.
    sweepPreparedSignings()
      .then((r) => {
        if (r.deletedRows > 0 || r.failedIds.length > 0) {
          console.log(`[prepared signing sweep] removed ${r.deletedRows} prepared signings and ${r.deletedBlobs} prepared files; ${r.failedIds.length} failed`);
        }
      })
      .catch((e: unknown) => console.error("[prepared signing sweep] failed", e));
  };
  setTimeout(run, 0).unref();
  globalForSweep.certificaUploadSweep = setInterval(run, UPLOAD_SWEEP_INTERVAL_MS).unref();
}
