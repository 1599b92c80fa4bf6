import "server-only";
import { sweepPreparedSignings } from "@/lib/cases/signing/sweep-prepared-signings";
import { log } from "@/lib/log";
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
          log.info("upload sweep", { deletedRows: r.deletedRows, deletedBlobs: r.deletedBlobs, failed: r.failedKeys.length });
        }
      })
      .catch((e: unknown) => log.error("upload sweep failed", { error: e }));
    // The prepared signings (decision 0017) expired over an hour ago and their prepared PDFs.
    sweepPreparedSignings()
      .then((r) => {
        if (r.deletedRows > 0 || r.failedIds.length > 0) {
          log.info("prepared signing sweep", { deletedRows: r.deletedRows, deletedBlobs: r.deletedBlobs, failed: r.failedIds.length });
        }
      })
      .catch((e: unknown) => log.error("prepared signing sweep failed", { error: e }));
  };
  setTimeout(run, 0).unref();
  globalForSweep.certificaUploadSweep = setInterval(run, UPLOAD_SWEEP_INTERVAL_MS).unref();
}
