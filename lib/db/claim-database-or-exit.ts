import type { TAdapterHandle } from "./create-adapter-factory";
import { DatabaseDirLockedError } from "./lock-database-dir";

// For command-line entry points (npm start, db:migrate, db:seed): when another process has the
// embedded database open, say so in one line and stop before touching it, instead of a stack trace.
export function claimDatabaseOrExit(handle: TAdapterHandle): void {
  try {
    handle.claim();
  } catch (error) {
    if (!(error instanceof DatabaseDirLockedError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
