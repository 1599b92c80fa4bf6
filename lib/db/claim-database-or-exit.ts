import type { TAdapterHandle } from "./create-adapter-factory";
import { DatabaseDirLockedError } from "./lock-database-dir";

// For command-line entry points (npm start, db:migrate, db:seed): when another process has the
// embedded database open, say so in one line and stop before touching it, instead of a stack trace.
export function claimDatabaseOrExit(handle: TAdapterHandle): void {
  try {
    handle.claim();
  } catch (error) {
    if (!(error instanceof DatabaseDirLockedError)) throw error;
    // A command-line tool's answer to the person who ran it, not a server log line.
    // eslint-disable-next-line no-console -- human output of a CLI entry point (npm start's first phase, db:migrate, …)
    console.error(error.message);
    process.exit(1);
  }
}
