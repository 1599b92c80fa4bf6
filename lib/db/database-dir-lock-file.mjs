// The embedded database's lock file, `<dir>.lock`: one line "<pid> <start time>" (the start time is
// field 22 of /proc/<pid>/stat, clock ticks since boot on Linux; empty elsewhere). Its one reader and
// writer for lib/db/lock-database-dir.ts (which takes and releases the lock) and scripts/start.mjs
// (which hands it to the server it starts): plain JavaScript because the launcher loads no TypeScript.
import fs from "node:fs";

// When the process started, so that a lock left by a process whose pid now belongs to another (a
// restarted container) reads as stale; null where /proc is not there.
export function startTimeOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

export function ownerLine(pid) {
  return `${pid} ${startTimeOf(pid) ?? ""}`.trim() + "\n";
}

// The owner written in the lock, or null when there is none or it is half-written.
export function readLockOwner(lockPath) {
  try {
    const [pidText, started] = fs.readFileSync(lockPath, "utf8").trim().split(/\s+/);
    const pid = Number.parseInt(pidText, 10);
    return Number.isInteger(pid) && pid > 0 ? { pid, started: started || null } : null;
  } catch {
    return null;
  }
}

// Gives the lock this process holds to process `pid`, so the database is never unclaimed in
// between. Written whole and renamed into place: no reader sees half of it.
export function writeLockOwner(lockPath, pid) {
  const temporary = `${lockPath}.${process.pid}`;
  fs.writeFileSync(temporary, ownerLine(pid));
  fs.renameSync(temporary, lockPath);
}
