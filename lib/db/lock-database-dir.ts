import fs from "node:fs";
import { ownerLine, readLockOwner as readOwner, startTimeOf, writeLockOwner, type TLockOwner as TOwner } from "./database-dir-lock-file.mjs";

// PGlite has no lock of its own: two processes opening the same folder (a second `npm start`, a
// `db:seed` while the server runs) write over each other's pages and leave a database that aborts
// on the next start. One process at a time holds `<dir>.lock` (beside the folder, which PGlite
// owns), holding its pid and start time; a lock whose process is gone is taken over.

export class DatabaseDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `La base de datos embebida ${dir} ya está abierta por otro proceso (pid ${pid}). ` +
        `Detenga la otra instancia de Certifica (o el script que la usa) antes de abrirla aquí, ` +
        `o use otra carpeta con DATABASE_URL=pglite:<carpeta>. Si ese proceso ya no es de Certifica, ` +
        `borre ${dir}.lock.`,
    );
    this.name = "DatabaseDirLockedError";
  }
}

// Held locks of this process, by lock path: opening the same folder twice in one process is the
// caller's business (tests do it in sequence), and each handle releases only what it took.
const held = new Map<string, number>();
let exitHookInstalled = false;

function isAlive(owner: TOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = startTimeOf(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

const ownLine = () => ownerLine(process.pid);

// Takes the lock of `dir` for this process or throws DatabaseDirLockedError; returns the release.
export function lockDatabaseDir(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  let owned = held.has(lockPath);
  for (let attempt = 0; !owned && attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, ownLine(), { flag: "wx" });
      owned = true;
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(lockPath);
    if (owner?.pid === process.pid) owned = true;
    else if (owner !== null && isAlive(owner)) throw new DatabaseDirLockedError(dir, owner.pid);
    // Left by a process that ended without releasing it (killed, crashed), or half-written.
    else fs.rmSync(lockPath, { force: true });
  }
  if (!owned) throw new DatabaseDirLockedError(dir, readOwner(lockPath)?.pid ?? 0);
  held.set(lockPath, (held.get(lockPath) ?? 0) + 1);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on("exit", () => {
      for (const p of held.keys()) if (readOwner(p)?.pid === process.pid) fs.rmSync(p, { force: true });
    });
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const count = (held.get(lockPath) ?? 1) - 1;
    if (count > 0) {
      held.set(lockPath, count);
      return;
    }
    held.delete(lockPath);
    if (readOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
}

// Passes a lock this process holds to another process (`npm start` to the server it spawns), so the
// database is never unclaimed in between: a script started while the server boots is refused, as it
// is once the server runs. The other process finds its own pid in the lock and keeps it; if it dies
// first, the lock is stale and taken over as usual. Written whole and renamed into place, so no
// reader sees half of it.
export function handOverDatabaseDirLock(dir: string, pid: number): void {
  const lockPath = `${dir}.lock`;
  if (!held.has(lockPath) || readOwner(lockPath)?.pid !== process.pid) {
    throw new Error(`handOverDatabaseDirLock: this process does not hold ${lockPath}`);
  }
  writeLockOwner(lockPath, pid);
  held.delete(lockPath);
}
